/// A problem found while loading a file: a syntax error, a duplicate key, a
/// second YAML document, or a file refused before parsing.
public struct LoadProblem: Sendable {
    public enum Kind: Sendable, Equatable {
        case syntax
        case duplicateKey
        /// Something the reader of the file silently repairs or ignores (a
        /// second YAML document, invalid UTF-8 in a JSON string).
        case tolerated
    }

    public var kind: Kind
    public var message: String
    public var span: Span
}

/// The result of loading one file: its root node (nil when it did not parse or
/// is empty) and the problems met on the way.
/// A class, not a struct: graphs and rules pass documents around a lot, and
/// a copy is then one reference, not one per field.
public final class LoadedDocument: Sendable {
    public let file: SourceFile
    public let root: Node?
    public let problems: [LoadProblem]

    public init(file: SourceFile, root: Node?, problems: [LoadProblem]) {
        self.file = file
        self.root = root
        self.problems = problems
    }

    public var parsed: Bool { !problems.contains { $0.kind == .syntax } }

    /// The root when it is a mapping (nil when the file is empty, not a mapping or unparsable).
    public var mappingRoot: Node? { root?.entries != nil ? root : nil }
}

/// Checks shared by every loader before it parses: size and binary content.
public enum InputGuard {
    public static let maximumSize = 10 * 1024 * 1024

    /// A syntax problem when the file must not be parsed at all.
    public static func refusal(for file: SourceFile) -> LoadProblem? {
        if file.bytes.count > maximumSize {
            return LoadProblem(kind: .syntax,
                               message: "file is larger than 10 MiB; not parsed",
                               span: Span(0, 0))
        }
        if file.bytes.containsNUL, let nul = file.bytes.firstIndex(of: 0) {
            return LoadProblem(kind: .syntax,
                               message: "file contains a NUL byte (binary content); not parsed",
                               span: Span(nul, nul + 1))
        }
        return nil
    }
}
