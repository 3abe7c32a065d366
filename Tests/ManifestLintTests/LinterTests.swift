import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// What a run returns: findings in presentation order, a repeated finding
/// once, different findings at one place all kept.
struct LinterTests {
    static let file = SourceFile(path: "shared/package.json", text: "{\n  \"name\": \"x\"\n}\n")

    static func finding(_ rule: String, at start: Int, _ message: String = "m", severity: Severity = .error) -> Diagnostic {
        Diagnostic(ruleID: rule, severity: severity, message: message, file: file, span: Span(start, start + 1), displayPath: file.path)
    }

    @Test func repeatsAreDroppedAndTheRestSorted() {
        let a = Self.finding("rule-a", at: 4)
        let b = Self.finding("rule-b", at: 2)
        // Same place, rule and message as `a`, but another severity: a different finding.
        let c = Self.finding("rule-a", at: 4, severity: .warning)
        let d = Self.finding("rule-a", at: 4, "other message")
        let result = Linter.sortedWithoutRepeats([a, b, a, c, d, b, c])
        #expect(result.count == 4)
        #expect(result.map(\.span.start) == [2, 4, 4, 4])
        #expect(result.filter { $0 == a }.count == 1 && result.filter { $0 == c }.count == 1)
        #expect(result.contains(b) && result.contains(d))
        #expect(zip(result, result.dropFirst()).allSatisfy { !Diagnostic.presentationOrder($1, $0) })
    }

    @Test func overlappingPathsReportAProjectsFindingsOnce() {
        let tree = VirtualFileTree([
            "a/Pulumi.yaml": "name: a\nruntime: nodejs\nmain: missing.js\n",
            "a/package.json": "{\"name\": \"a\"}",
        ])
        let once = Linter().check(paths: ["a"], in: tree).diagnostics
        let twice = Linter().check(paths: ["a", "a/Pulumi.yaml", ""], in: tree).diagnostics
        #expect(!once.isEmpty)
        #expect(twice == once)
    }
}
