import ManifestLintGraph

/// A small virtual project that a rule must flag, or must leave alone.
///
/// In a triggering example each `↓` marks where a finding of the rule must
/// start (the markers are removed before the files are checked), and
/// `findings` gives their messages, in the order of their positions: a
/// change of wording shows in review, and in docs/rules.md.
public struct RuleExample: Sendable {
    public static let marker = "↓"

    public let files: [String: String]
    public let triggers: Bool
    /// For a fix example: the files the rule's fixes change (by their path
    /// after the fix, so a renamed file appears under its new name), byte
    /// for byte; every other file must stay as it was.
    public let fixed: [String: String]?
    /// For a fix example: how sure the fix is.
    public let fixApplicability: Applicability?
    /// For a triggering example: the messages of its findings, in the order of their positions.
    public let messages: [String]
    /// Where the example was written, so a failure points at it.
    public let sourceLocation: String
    /// For a rule about what a change does: the files as they were at the
    /// base revision, where they differ (`files` is the change's result).
    public var base: [String: String]? = nil

    static func triggering(_ files: [String: String], base: [String: String]? = nil, findings messages: [String] = [],
                           file: String = #fileID, line: Int = #line) -> RuleExample {
        RuleExample(files: files, triggers: true, fixed: nil, fixApplicability: nil, messages: messages, sourceLocation: "\(file):\(line)", base: base)
    }

    static func clean(_ files: [String: String], base: [String: String]? = nil, file: String = #fileID, line: Int = #line) -> RuleExample {
        RuleExample(files: files, triggers: false, fixed: nil, fixApplicability: nil, messages: [], sourceLocation: "\(file):\(line)", base: base)
    }

    /// A triggering example whose findings carry a fix, and the files after it.
    static func fix(_ files: [String: String], base: [String: String]? = nil, _ applicability: Applicability, becomes fixed: [String: String],
                    findings messages: [String] = [], file: String = #fileID, line: Int = #line) -> RuleExample {
        RuleExample(files: files, triggers: true, fixed: fixed, fixApplicability: applicability, messages: messages,
                    sourceLocation: "\(file):\(line)", base: base)
    }

    /// The example's base revision, when it has one: its `base` files, each
    /// path that differs between them and the example's files changed.
    public var baseRevision: VirtualRevision? {
        guard let base else { return nil }
        let current = files.mapValues { $0.replacingOccurrences(of: Self.marker) }
        let paths = Set(current.keys).union(base.keys).filter { base[$0] != current[$0] }
        return VirtualRevision(base, changed: paths)
    }

    /// The files without markers, as a virtual tree.
    public var tree: VirtualFileTree {
        VirtualFileTree(files.mapValues { $0.replacingOccurrences(of: Self.marker) })
    }

    /// The positions the markers stand for: path and line:column in the marker-free file.
    public var expectedPositions: Set<ExpectedPosition> {
        var positions = Set<ExpectedPosition>()
        for (path, text) in files {
            var line = 1
            var column = 1
            for character in text.unicodeScalars {
                if String(character) == Self.marker {
                    positions.insert(ExpectedPosition(path: Path.normalize(path), position: LineColumn(line: line, column: column)))
                    continue
                }
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        return positions
    }
}

public struct ExpectedPosition: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var position: LineColumn
    public var description: String { "\(path):\(position)" }
    public init(path: String, position: LineColumn) {
        self.path = path
        self.position = position

    }
}

extension String {
    func replacingOccurrences(of target: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined()
    }
}

