import ManifestLintEngine

/// `--format concise`: one line a finding.
public enum ConciseReporter {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\(DisplayText.escaped($0.displayPath)):\($0.start.line):\($0.start.column): \($0.severity.rawValue)[\($0.ruleID)] \($0.message)\n" }.joined()
    }
}

/// `--format github`: workflow commands that GitHub Actions shows as annotations.
public enum GitHubReporter {
    public static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        diagnostics.map { diagnostic in
            let properties = [
                ("file", context.rootRelative(diagnostic.path)),
                ("line", String(diagnostic.start.line)), ("col", String(diagnostic.start.column)),
                ("endLine", String(diagnostic.end.line)), ("endColumn", String(diagnostic.end.column)),
                ("title", diagnostic.ruleID),
            ].map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
            return "::\(diagnostic.severity.rawValue) \(properties)::\(escapeData(diagnostic.message))\n"
        }.joined()
    }

    /// The message part: `%`, CR and LF are escaped.
    public static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// A property value: also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

/// `--statistics`: how many findings of each rule.
public enum StatisticsReporter {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var counts: [String: (count: Int, severity: Severity, fixable: Bool)] = [:]
        for diagnostic in diagnostics {
            var entry = counts[diagnostic.ruleID] ?? (0, diagnostic.severity, false)
            entry.count += 1
            if diagnostic.severity == .error { entry.severity = .error }
            if diagnostic.fix?.applicability == .safe || diagnostic.fix?.applicability == .unsafe { entry.fixable = true }
            counts[diagnostic.ruleID] = entry
        }
        let rows = counts.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        let width = rows.map { String($0.value.count).count }.max() ?? 1
        return rows.map { id, entry in
            let count = String(entry.count)
            return String(repeating: " ", count: width - count.count) + count + "  \(id) (\(entry.severity.rawValue))\(entry.fixable ? " [fixable]" : "")\n"
        }.joined()
    }
}
