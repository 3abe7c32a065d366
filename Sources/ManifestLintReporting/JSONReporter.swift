import ManifestLintEngine

/// `--format json` (an array) and `json-lines` (one object a line).
public struct JSONReporter: Sendable {
    /// How a tree path is shown (relative to the current directory on disk).
    public let displayPath: @Sendable (String) -> String

    public init(displayPath: @escaping @Sendable (String) -> String = { $0 }) {
        self.displayPath = displayPath
    }

    public func render(_ result: LintResult) -> String {
        render(result.diagnostics)
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        return "[\n" + diagnostics.map { "  " + object($0).rendered() }.joined(separator: ",\n") + "\n]\n"
    }

    public func renderLines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { object($0).rendered() + "\n" }.joined()
    }

    func object(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("path", .string(diagnostic.displayPath)),
            ("line", .number(diagnostic.start.line)),
            ("column", .number(diagnostic.start.column)),
            ("endLine", .number(diagnostic.end.line)),
            ("endColumn", .number(diagnostic.end.column)),
            ("offset", .number(diagnostic.span.start)),
            ("endOffset", .number(diagnostic.span.end)),
            ("fix", diagnostic.fix.map(object) ?? .null),
        ])
    }

    /// A fix as {applicability, title, edits}: replacements with byte offsets, and renames.
    func object(_ fix: Fix) -> JSONValue {
        .object([
            ("applicability", .string(fix.applicability.rawValue)),
            ("title", .string(fix.title)),
            ("edits", .array(fix.changes.map { change in
                switch change {
                case .edit(let edit):
                    return .object([("kind", .string("replace")), ("path", .string(displayPath(edit.path))),
                                    ("offset", .number(edit.span.start)), ("endOffset", .number(edit.span.end)),
                                    ("replacement", .string(edit.replacement))])
                case .rename(let from, let to):
                    return .object([("kind", .string("rename")), ("from", .string(displayPath(from))), ("to", .string(displayPath(to)))])
                }
            })),
        ])
    }
}
