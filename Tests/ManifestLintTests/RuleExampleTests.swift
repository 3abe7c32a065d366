import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Runs every example of every rule: a triggering example must produce
/// findings of that rule exactly at its ↓ markers, with its messages, a
/// clean one none at all.
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
        let result = example.linter().check(paths: [""], in: tree)
        let findings = result.diagnostics.filter { $0.ruleID == testCase.rule.id }
        let found = Set(findings.map { ExpectedPosition(path: $0.path, position: $0.start) })
        let expected = example.expectedPositions
        if example.triggers {
            let messages = findings.sorted { ($0.path, $0.span.start) < ($1.path, $1.span.start) }.map(\.message)
            #expect(messages == example.messages, "the findings' messages, in the order of their positions")
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

/// Every fix example: the rule's fixes (safe and unsafe) turn the files into
/// the expected ones byte for byte, and a second run changes nothing.
struct RuleFixExampleTests {
    static let cases = RuleExampleTests.cases.filter { $0.example.fixed != nil }

    /// The files of a virtual tree after a fixer outcome.
    static func apply(_ outcome: Fixer.Outcome, to files: [String: String]) -> [String: String] {
        var result = files
        for file in outcome.files {
            if file.isRename { result[file.originalPath] = nil }
            result[file.path] = String(decoding: file.updated, as: UTF8.self)
        }
        return result
    }

    @Test func everyFixableRuleHasAFixExample() {
        let fixable = Set(Self.cases.map(\.rule.id))
        for id in ["main-bin-mismatch", "path-case-mismatch", "main-missing", "bin-missing", "package-main-missing",
                   "config-namespace", "stack-file-extension", "project-schema"] {
            #expect(fixable.contains(id), "\(id) has no before/after example")
        }
    }

    @Test(arguments: cases)
    func fixExample(_ testCase: RuleExampleTests.Case) throws {
        let example = testCase.example
        let expected = try #require(example.fixed)
        let before = example.files.mapValues { $0.replacingOccurrences(of: RuleExample.marker) }
        let linter = example.linter(rules: [testCase.rule])
        let findings = linter.check(paths: [""], in: example.tree).diagnostics
        let fixes = findings.compactMap(\.fix)
        #expect(!fixes.isEmpty, "no finding of the example carries a fix")
        #expect(fixes.allSatisfy { $0.applicability == example.fixApplicability })

        let fixer = Fixer(linter: linter, unsafe: true)
        let outcome = fixer.fix(paths: [""], in: example.tree)
        #expect(outcome.converged)
        let after = Self.apply(outcome, to: before)
        for (path, text) in expected {
            #expect(after[path] == text, "\(path) after the fix")
        }
        for (path, text) in after where expected[path] == nil {
            #expect(text == before[path], "\(path) must not change")
        }
        for path in before.keys where after[path] == nil {
            #expect(expected.values.contains(before[path] ?? ""), "\(path) disappeared without being renamed")
        }

        let again = fixer.fix(paths: [""], in: VirtualFileTree(after))
        #expect(again.files.isEmpty, "a second --fix changed \(again.files.map(\.path))")
    }

    /// Over every example, all rules, unsafe fixes on: every manifest still
    /// parses and no finding with a safe fix is left.
    @Test(arguments: RuleExampleTests.cases)
    func fixingLeavesParsableFilesAndNoSafeFix(_ testCase: RuleExampleTests.Case) {
        let before = testCase.example.files.mapValues { $0.replacingOccurrences(of: RuleExample.marker) }
        let wasParsable = before.filter { path, text in
            ManifestFormat(path: path)?.parses(Array(text.utf8), path: path) ?? false
        }
        let outcome = Fixer(linter: testCase.example.linter(), unsafe: true).fix(paths: [""], in: testCase.example.tree)
        let after = Self.apply(outcome, to: before)
        for file in outcome.files where wasParsable[file.originalPath] != nil {
            let parses = ManifestFormat(path: file.path)?.parses(file.updated, path: file.path) ?? true
            #expect(parses, "\(file.path) no longer parses: \(after[file.path] ?? "")")
        }
        let safeLeft = outcome.result.diagnostics.filter { $0.fix?.applicability == .safe }
        #expect(safeLeft.isEmpty, "\(safeLeft.map { "\($0.ruleID) \($0.message)" })")
    }
}

/// The rule of severities (README): an error names a command the user runs
/// that fails (pulumi, npm, npx, node, jest), a warning names its consequence.
struct RuleSeverityTests {
    @Test(arguments: Rule.all.map(\.id))
    func everyRuleNamesWhatGoesWrong(_ id: String) throws {
        let rule = try #require(Rule.named(id))
        #expect(!rule.consequence.command.isEmpty && !rule.consequence.outcome.isEmpty)
        if rule.fixApplicability != nil {
            #expect(rule.fixSafety?.isEmpty == false, "\(id) has a fix: its documentation must say why the fix is safe, unsafe or only displayed")
        }
        if rule.severity == .error {
            let commands = ["pulumi", "npm", "npx", "node", "jest"]
            #expect(commands.contains { rule.consequence.command.hasPrefix($0) }, "\(id): an error must name the command that fails, not \(rule.consequence.command)")
        }
    }
}
