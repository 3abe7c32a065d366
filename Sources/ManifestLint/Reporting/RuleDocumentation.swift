/// The text of `manifest-lint rule ID` and `manifest-lint rules`.
public enum RuleDocumentation {
    public static func render(_ rule: Rule) -> String {
        var output = "\(rule.id) [\(rule.severity.rawValue)]\n\n\(rule.summary)\n\n\(rule.rationale)\n"
        for (index, example) in rule.examples.enumerated() {
            output += "\nExample \(index + 1) (\(example.triggers ? "triggers; ↓ marks each finding" : "does not trigger")):\n"
            output += files(example.files)
            if let fixed = example.fixed, let applicability = example.fixApplicability {
                output += "After the fix (\(applicability.rawValue)):\n" + files(fixed)
            }
        }
        return output
    }

    private static func files(_ files: [String: String]) -> String {
        var output = ""
        for path in files.keys.sorted() {
            output += "  --- \(path)\n"
            let text = files[path] ?? ""
            if text.isEmpty {
                output += "  (empty)\n"
                continue
            }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                output += "  \(line)\n"
            }
        }
        return output
    }

    public static func table(_ rules: [Rule]) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            rule.id + String(repeating: " ", count: width - rule.id.count) + "  "
                + rule.severity.rawValue + String(repeating: " ", count: 8 - rule.severity.rawValue.count) + rule.summary
        }.joined(separator: "\n") + "\n"
    }
}
