import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The fixer's rounds, with rules made up for the purpose.
struct FixerTests {
    static let files = ["Pulumi.yaml": "name: demo\nruntime: nodejs\ndescription: abc\n", "index.js": ""]

    /// A rule that proposes `edits(description node, file)` while the description is not `done`.
    static func rule(_ applicability: Applicability = .safe,
                     _ edits: @escaping @Sendable (Node, SourceFile) -> [[TextEdit]]) -> Rule {
        Rule(id: "test-rule", severity: .error, summary: "", rationale: "", consequence: Consequence(command: "test", outcome: "test"),
             examples: []) { graph, findings in
            guard let description = graph.project.root?["description"], description.string != "done" else { return }
            for changes in edits(description, graph.project.file) {
                findings.report("not done", in: graph.project.file, at: description.span,
                                fix: Fix(applicability, "edit", changes.map(FixChange.edit)))
            }
        }
    }

    static func text(_ outcome: Fixer.Outcome) -> String? {
        outcome.files.first.map { String(decoding: $0.updated, as: UTF8.self) }
    }

    @Test func anEditThatBreaksTheFileIsRefused() {
        let breaking = Self.rule { node, file in [[TextEdit(path: file.path, span: node.span, replacement: "[unclosed")]] }
        let outcome = Fixer(linter: Linter(rules: [breaking])).fix(paths: [""], in: VirtualFileTree(Self.files))
        #expect(outcome.files.isEmpty)
        #expect(outcome.refused.first?.reason.contains("unparsable") == true)
        #expect(outcome.result.diagnostics.count == 1)
    }

    @Test func overlappingEditsWaitForTheNextRound() {
        // Two fixes on the same range: "abc" -> "ab" first, then (next round) "done".
        let twoFixes = Self.rule { node, file in
            let text = node.string ?? ""
            return [[TextEdit(path: file.path, span: node.span, replacement: text.count > 2 ? String(text.dropLast()) : "done")],
                    [TextEdit(path: file.path, span: node.span, replacement: "never")]]
        }
        let outcome = Fixer(linter: Linter(rules: [twoFixes])).fix(paths: [""], in: VirtualFileTree(Self.files))
        #expect(outcome.converged)
        #expect(Self.text(outcome) == "name: demo\nruntime: nodejs\ndescription: done\n")
        #expect(outcome.fixed.count == 2)
    }

    @Test func aFixThatNeverSettlesIsReportedAsNotConverging() {
        let endless = Self.rule { node, file in [[TextEdit(path: file.path, span: node.span, replacement: (node.string ?? "") + "x")]] }
        let outcome = Fixer(linter: Linter(rules: [endless])).fix(paths: [""], in: VirtualFileTree(Self.files))
        #expect(!outcome.converged)
        #expect(outcome.fixed.count == Fixer.maximumRounds)
    }

    @Test func displayOnlyAndUnsafeFixesAreNotAppliedByDefault() {
        for applicability in [Applicability.displayOnly, .unsafe] {
            let suggestion = Self.rule(applicability) { node, file in [[TextEdit(path: file.path, span: node.span, replacement: "done")]] }
            let outcome = Fixer(linter: Linter(rules: [suggestion])).fix(paths: [""], in: VirtualFileTree(Self.files))
            #expect(outcome.files.isEmpty)
        }
        let unsafe = Self.rule(.unsafe) { node, file in [[TextEdit(path: file.path, span: node.span, replacement: "done")]] }
        #expect(Self.text(Fixer(linter: Linter(rules: [unsafe]), unsafe: true).fix(paths: [""], in: VirtualFileTree(Self.files)))
                == "name: demo\nruntime: nodejs\ndescription: done\n")
    }
}
