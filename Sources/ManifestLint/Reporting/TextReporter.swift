/// The human format: `path:line:col: severity[rule] message`, the source
/// line, and a caret under the span.
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ result: LintResult) -> String {
        var output = ""
        for diagnostic in result.diagnostics {
            output += render(diagnostic)
        }
        output += summary(result)
        return output
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : "1;33")
        var output = "\(paint(diagnostic.displayPath, "1")):\(diagnostic.start.line):\(diagnostic.start.column): "
        output += "\(severity)[\(paint(diagnostic.ruleID, "36"))] \(diagnostic.message)\n"
        let gutter = String(diagnostic.start.line)
        let pad = String(repeating: " ", count: gutter.count)
        let line = diagnostic.sourceLine.replacingTabs()
        output += "\(pad) |\n\(gutter) | \(line)\n"
        let indent = String(repeating: " ", count: max(0, diagnostic.start.column - 1))
        let width = diagnostic.end.line == diagnostic.start.line
            ? max(1, diagnostic.end.column - diagnostic.start.column)
            : max(1, line.unicodeScalars.count - diagnostic.start.column + 1)
        output += "\(pad) | \(indent)\(paint(String(repeating: "^", count: width), diagnostic.severity == .error ? "31" : "33"))\n\n"
        return output
    }

    func summary(_ result: LintResult) -> String {
        let projects = result.projectCount == 1 ? "1 project" : "\(result.projectCount) projects"
        if result.diagnostics.isEmpty { return "No problems found in \(projects).\n" }
        let errors = result.errorCount == 1 ? "1 error" : "\(result.errorCount) errors"
        let warnings = result.warningCount == 1 ? "1 warning" : "\(result.warningCount) warnings"
        return "Found \(errors) and \(warnings) in \(projects).\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

private extension String {
    /// Tabs become single spaces so that the caret lines up (a column counts a tab as one).
    func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}
