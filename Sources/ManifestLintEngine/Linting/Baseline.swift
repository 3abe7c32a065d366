import ManifestLintRules

/// Findings recorded when the linter was adopted (`--write-baseline`), so
/// that `--baseline` reports only new ones. A finding is matched by its rule,
/// its file (relative to the repository root) and the text it flags, never by
/// line numbers: edits elsewhere in the file do not bring it back.
public struct Baseline: Sendable {
    public struct Key: Hashable, Sendable {
        public var rule: String
        public var path: String
        public var text: String
    }

    private var counts: [Key: Int] = [:]

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public static func key(_ diagnostic: Diagnostic, context: ReportContext) -> Key {
        Key(rule: diagnostic.ruleID, path: context.rootRelative(diagnostic.path), text: diagnostic.flaggedText)
    }

    /// The baseline file for these findings.
    public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let findings = diagnostics.map { diagnostic -> JSONValue in
            let key = key(diagnostic, context: context)
            return .object([("rule", .string(key.rule)), ("path", .string(key.path)), ("text", .string(key.text)),
                            ("message", .string(diagnostic.message))])
        }
        return JSONValue.object([("version", .number(1)), ("findings", .array(findings))]).rendered(pretty: true) + "\n"
    }

    public init(parsing bytes: [UInt8], path: String) throws(Problem) {
        let document = JSONLoader.load(SourceFile(path: path, bytes: bytes))
        guard document.parsed, let findings = document.root?["findings"]?.elements else {
            throw Problem(description: "\(path) is not a manifest-lint baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
        for finding in findings {
            guard let rule = finding["rule"]?.string, let path = finding["path"]?.string, let text = finding["text"]?.string else { continue }
            counts[Key(rule: rule, path: path, text: text), default: 0] += 1
        }
    }

    /// The findings the baseline does not account for (each recorded finding silences one).
    public func newFindings(_ diagnostics: [Diagnostic], context: ReportContext) -> [Diagnostic] {
        var remaining = counts
        return diagnostics.filter { diagnostic in
            let key = Self.key(diagnostic, context: context)
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            return false
        }
    }
}
