import ManifestLintCore

public enum Severity: String, Sendable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding: a rule, a message, and the exact place in a file.
public struct Diagnostic: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The file's path in its tree, and as the user should see it.
    public var path: String
    public var displayPath: String
    public var span: Span
    public var start: LineColumn
    public var end: LineColumn
    /// The line where the finding starts, as the text report shows it; none
    /// in an empty file (a finding on a file that could not be read).
    public var snippet: Snippet?
    /// The flagged text itself (at most 200 bytes): what a baseline matches on.
    public var flaggedText: String
    public var fix: Fix?

    public init(ruleID: String, severity: Severity, message: String, file: SourceFile, span: Span, displayPath: String,
                fix: Fix? = nil) {
        self.fix = fix
        self.ruleID = ruleID
        self.severity = severity
        self.message = DisplayText.message(message)
        self.path = file.path
        self.displayPath = displayPath
        self.span = span
        self.start = file.position(of: span.start)
        self.end = file.position(of: span.end)
        self.snippet = file.bytes.isEmpty ? nil : Snippet(file: file, span: span, start: start, end: end)
        self.flaggedText = file.text(Span(span.start, min(span.end, span.start + 200)))
    }

    /// Orders findings by file, then position, then rule.
    public static func presentationOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.displayPath, lhs.span.start, lhs.span.end, lhs.ruleID, lhs.message)
            < (rhs.displayPath, rhs.span.start, rhs.span.end, rhs.ruleID, rhs.message)
    }
}
