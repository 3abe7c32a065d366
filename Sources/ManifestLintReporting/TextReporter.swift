import ManifestLintEngine

/// The human format: `path:line:col: severity[rule] message`, the source
/// line, and a caret under the span.
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ result: LintResult) -> String {
        result.diagnostics.map(render).joined() + summary(result.diagnostics, projectCount: result.projectCount,
                                                          uncheckedCount: result.unchecked.count)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : "1;33")
        var output = "\(paint(DisplayText.escaped(diagnostic.displayPath), "1")):\(diagnostic.start.line):\(diagnostic.start.column): "
        output += "\(severity)[\(paint(diagnostic.ruleID, "36"))] \(diagnostic.message)\n"
        let gutter = String(diagnostic.start.line)
        let pad = String(repeating: " " as Character, count: gutter.utf8.count)
        if let snippet = diagnostic.snippet {
            output += "\(pad) |\n\(gutter) | \(snippet.line)\n"
            let indent = String(repeating: " " as Character, count: snippet.caretColumn - 1)
            let caret = String(repeating: "^" as Character, count: snippet.caretWidth)
            output += "\(pad) | \(indent)\(paint(caret, diagnostic.severity == .error ? "31" : "33"))\n"
        }
        if let fix = diagnostic.fix {
            let how: String
            switch fix.applicability {
            case .safe: how = "fix available with --fix"
            case .unsafe: how = "unsafe fix available with --fix --unsafe-fixes"
            case .displayOnly: how = "suggestion"
            }
            output += "\(pad) = \(paint("help", "1;36")): \(fix.title) (\(how))\n"
        }
        return output + "\n"
    }

    /// "Found 1 error and 0 warnings in 1 project." and what is fixable; with
    /// paths the run could not check (`uncheckedCount`), never a plain "No problems found".
    public func summary(_ diagnostics: [Diagnostic], projectCount: Int, uncheckedCount: Int = 0) -> String {
        let projects = projectCount == 1 ? "1 project" : "\(projectCount) projects"
        let unchecked = uncheckedCount == 0 ? ""
            : "\(uncheckedCount == 1 ? "1 path" : "\(uncheckedCount) paths") could not be checked (see above)"
        if diagnostics.isEmpty {
            return unchecked.isEmpty ? "No problems found in \(projects).\n" : "No problems found in \(projects), but \(unchecked).\n"
        }
        let errorCount = diagnostics.filter { $0.severity == .error }.count
        let warningCount = diagnostics.count - errorCount
        let errors = errorCount == 1 ? "1 error" : "\(errorCount) errors"
        let warnings = warningCount == 1 ? "1 warning" : "\(warningCount) warnings"
        return "Found \(errors) and \(warnings) in \(projects)\(unchecked.isEmpty ? "" : "; \(unchecked)").\n" + Self.fixableLine(diagnostics)
    }

    /// "N fixable with --fix (M more with --unsafe-fixes)."
    static func fixableLine(_ diagnostics: [Diagnostic]) -> String {
        let safe = diagnostics.filter { $0.fix?.applicability == .safe }.count
        let unsafe = diagnostics.filter { $0.fix?.applicability == .unsafe }.count
        switch (safe, unsafe) {
        case (0, 0): return ""
        case (_, 0): return "\(safe) fixable with --fix.\n"
        case (0, _): return "\(unsafe) fixable with --fix --unsafe-fixes.\n"
        default: return "\(safe) fixable with --fix (\(unsafe) more with --unsafe-fixes).\n"
        }
    }

    /// After --fix: what was fixed, what could not be, and what is left.
    public func fixSummary(_ run: FixRun, projectCount: Int, showFixes: Bool) -> String {
        var output = ""
        if showFixes && !run.fixed.isEmpty {
            output += "Fixed:\n"
            for diagnostic in run.fixed.sorted(by: Diagnostic.presentationOrder) {
                output += "  \(DisplayText.escaped(diagnostic.displayPath)):\(diagnostic.start.line):\(diagnostic.start.column): [\(diagnostic.ruleID)] \(diagnostic.fix?.title ?? "")\n"
            }
        }
        for refusal in run.outcome.refused {
            let diagnostic = refusal.diagnostic
            output += "Not fixed: \(DisplayText.escaped(diagnostic.displayPath)):\(diagnostic.start.line):\(diagnostic.start.column): [\(diagnostic.ruleID)] \(DisplayText.message(refusal.reason))\n"
        }
        for failure in run.failures {
            output += "Not written: \(DisplayText.message("\(failure)"))\n"
        }
        if !run.outcome.converged {
            output += "internal error: the fixes did not converge after \(Fixer.maximumRounds) rounds; please report this\n"
        }
        let fixed = run.fixed.count
        let remaining = run.remaining
        var line = "Fixed \(fixed == 1 ? "1 finding" : "\(fixed) findings")"
        line += remaining.isEmpty ? "; none remain" : "; \(remaining.count) remain"
        let unsafe = remaining.filter { $0.fix?.applicability == .unsafe }.count
        if unsafe > 0 { line += " (\(unsafe) with an unsafe fix: --unsafe-fixes)" }
        output += line + " in \(projectCount == 1 ? "1 project" : "\(projectCount) projects").\n"
        return output
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
