import Testing
@testable import ManifestLint

/// Runs every example of every rule: a triggering example must produce
/// findings of that rule exactly at its ↓ markers, a clean one none at all.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: Rule
        let index: Int
        var example: RuleExample { rule.examples[index] }
        var testDescription: String {
            "\(rule.id) example \(index + 1) (\(example.triggers ? "triggers" : "clean"), \(example.sourceLocation))"
        }
    }

    static let cases: [Case] = Rule.all.flatMap { rule in rule.examples.indices.map { Case(rule: rule, index: $0) } }

    @Test(arguments: cases)
    func example(_ testCase: Case) {
        let example = testCase.example
        let tree = example.tree
        let result = Linter().check(paths: [""], in: tree)
        let findings = result.diagnostics.filter { $0.ruleID == testCase.rule.id }
        let found = Set(findings.map { ExpectedPosition(path: $0.path, position: $0.start) })
        let expected = example.expectedPositions
        if example.triggers {
            #expect(!expected.isEmpty, "a triggering example needs at least one ↓ marker")
            #expect(found == expected, """
                expected \(testCase.rule.id) at \(expected.sorted { $0.description < $1.description }), \
                found \(findings.map { "\($0.path):\($0.start) \($0.message)" })
                """)
        } else {
            #expect(findings.isEmpty, "expected no \(testCase.rule.id), found \(findings.map { "\($0.path):\($0.start) \($0.message)" })")
        }
    }

    @Test(arguments: Rule.all.map(\.id))
    func everyRuleHasEnoughExamples(_ id: String) throws {
        let rule = try #require(Rule.named(id))
        #expect(rule.examples.filter(\.triggers).count >= 2, "\(id) needs at least 2 triggering examples")
        #expect(rule.examples.filter { !$0.triggers }.count >= 2, "\(id) needs at least 2 clean examples")
    }

    @Test func ruleIDsAreUniqueKebabCase() {
        let ids = Rule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
        }
    }
}
