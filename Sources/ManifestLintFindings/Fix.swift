import ManifestLintCore

/// How sure a fix is (ruff's model): safe fixes keep the meaning and are
/// applied by --fix; unsafe ones are probably right and need --unsafe-fixes;
/// display-only ones are suggestions, never applied.
public enum Applicability: String, Sendable, Comparable, CaseIterable {
    case displayOnly = "display-only"
    case unsafe
    case safe

    private var rank: Int {
        switch self {
        case .displayOnly: return 0
        case .unsafe: return 1
        case .safe: return 2
        }
    }

    public static func < (lhs: Applicability, rhs: Applicability) -> Bool { lhs.rank < rhs.rank }
}

/// A replacement of a byte range of one file's original bytes.
public struct TextEdit: Hashable, Sendable {
    public var path: String
    public var span: Span
    public var replacement: String

    public init(path: String, span: Span, replacement: String) {
        self.path = path
        self.span = span
        self.replacement = replacement
    }
}

/// One change a fix makes: an edit, or a file renamed (a misnamed stack file).
public enum FixChange: Hashable, Sendable {
    case edit(TextEdit)
    case rename(from: String, to: String)

    /// The files the change touches.
    public var paths: [String] {
        switch self {
        case .edit(let edit): return [edit.path]
        case .rename(let from, let to): return [from, to]
        }
    }
}

/// What a finding's fix would do, and how sure it is.
public struct Fix: Hashable, Sendable {
    public var applicability: Applicability
    /// A short imperative description ("Point bin 'tap' at bin/tap.mjs").
    public var title: String
    public var changes: [FixChange]

    public init(_ applicability: Applicability, _ title: String, _ changes: [FixChange]) {
        self.applicability = applicability
        self.title = DisplayText.message(title)
        self.changes = changes
    }

    /// A fix that replaces one node's source text.
    public static func replacing(_ node: Node, in file: SourceFile, with replacement: String,
                          _ applicability: Applicability, _ title: String) -> Fix {
        Fix(applicability, title, [.edit(TextEdit(path: file.path, span: node.span, replacement: replacement))])
    }
}
