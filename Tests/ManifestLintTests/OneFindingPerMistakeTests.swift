import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// One mistake gives one finding: in a rule's triggering example, no other
/// rule reports at the places the example marks.
struct OneFindingPerMistakeTests {
    @Test(arguments: RuleExampleTests.cases.filter(\.example.triggers))
    func noOtherRuleReportsAtAMarkedPlace(_ testCase: RuleExampleTests.Case) {
        let result = testCase.example.linter().check(paths: [""], in: testCase.example.tree)
        let marked = testCase.example.expectedPositions
        let others = result.diagnostics.filter {
            $0.ruleID != testCase.rule.id && marked.contains(ExpectedPosition(path: $0.path, position: $0.start))
        }
        #expect(others.isEmpty, "\(others.map { "\($0.ruleID) \($0.path):\($0.start) \($0.message)" })")
    }
}
