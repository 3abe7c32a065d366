import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Every output format, on the seed project.
struct OutputFormatTests {
    static let seed = TestPaths.repositoryRoot + "/examples/seed-tap-stack"
    static let disk = DiskFileTree()
    let result = Linter().check(paths: [OutputFormatTests.seed], in: OutputFormatTests.disk)
    static let context = ReportContext(root: TestPaths.repositoryRoot, displayPath: { disk.displayPath($0) })


    @Test func fullShowsTheSnippetCaretAndFix() throws {
        let text = TextReporter(color: false).render(result)
        #expect(text.contains("package.json:5:12: error[main-bin-mismatch] bin 'tap' points to bin/tap.js"))
        #expect(text.contains("5 |     \"tap\": \"bin/tap.js\"\n  |            ^^^^^^^^^^^^\n"))
        #expect(text.contains("= help: Change 'bin/tap.js' to 'bin/tap.mjs' (fix available with --fix)"))
        #expect(text.hasSuffix("Found 7 errors and 0 warnings in 1 project.\n1 fixable with --fix (1 more with --unsafe-fixes).\n"))
    }

    @Test func conciseIsOneLineAFinding() {
        let lines = ConciseReporter.render(result.diagnostics).split(separator: "\n")
        #expect(lines.count == result.diagnostics.count)
        #expect(lines.dropFirst().first?.hasSuffix("package.json:5:12: error[main-bin-mismatch] bin 'tap' points to bin/tap.js, which does not exist; Pulumi.yaml main names bin/tap.mjs, which does: the manifests disagree about the program") == true)
    }

    /// The JSON parses back to the same findings, fields and fix included.
    @Test func jsonRoundTrips() throws {
        let text = JSONReporter(displayPath: { Self.disk.displayPath($0) }).render(result)
        let root = try #require(JSONLoader.load(SourceFile(path: "out.json", text: text)).root?.elements)
        #expect(root.count == result.diagnostics.count)
        for (object, diagnostic) in zip(root, result.diagnostics) {
            #expect(object["rule"]?.string == diagnostic.ruleID)
            #expect(object["severity"]?.string == diagnostic.severity.rawValue)
            #expect(object["message"]?.string == diagnostic.message)
            #expect(object["path"]?.string == diagnostic.displayPath)
            #expect(object["line"]?.scalar?.text == String(diagnostic.start.line))
            #expect(object["column"]?.scalar?.text == String(diagnostic.start.column))
            #expect(object["endColumn"]?.scalar?.text == String(diagnostic.end.column))
            #expect(object["offset"]?.scalar?.text == String(diagnostic.span.start))
            #expect(object["endOffset"]?.scalar?.text == String(diagnostic.span.end))
        }
        let fix = try #require(root.first { $0["rule"]?.string == "main-bin-mismatch" }?["fix"])
        #expect(fix["applicability"]?.string == "safe")
        #expect(fix["edits"]?.elements?.first?["replacement"]?.string == "\"bin/tap.mjs\"")
        let lines = JSONReporter().renderLines(result.diagnostics).split(separator: "\n")
        #expect(lines.count == result.diagnostics.count)
        #expect(lines.allSatisfy { JSONLoader.load(SourceFile(path: "line", text: String($0))).root?["rule"] != nil })
    }

    @Test func sarifHasTheRulesTheResultItsRegionAndItsFix() throws {
        let text = SARIFReporter.render(result.diagnostics, rules: Rule.all, context: Self.context)
        let root = try #require(JSONLoader.load(SourceFile(path: "out.sarif", text: text)).root)
        #expect(root["version"]?.string == "2.1.0")
        let run = try #require(root["runs"]?.elements?.first)
        #expect(run["columnKind"]?.string == "unicodeCodePoints")
        #expect(run["originalUriBaseIds"]?["%SRCROOT%"]?["uri"]?.string?.hasPrefix("file:///") == true)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.elements)
        #expect(rules.map { $0["id"]?.string ?? "" } == Rule.all.map(\.id))
        #expect(rules.allSatisfy { $0["help"]?["text"]?.string?.isEmpty == false })
        let result = try #require(run["results"]?.elements?.first { $0["ruleId"]?.string == "main-bin-mismatch" })
        #expect(result["level"]?.string == "error")
        let location = try #require(result["locations"]?.elements?.first?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"]?.string == "examples/seed-tap-stack/package.json")
        #expect(location["artifactLocation"]?["uriBaseId"]?.string == "%SRCROOT%")
        let region = try #require(location["region"])
        #expect([region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]].map { $0?.scalar?.text } == ["5", "12", "5", "24"])
        let change = try #require(result["fixes"]?.elements?.first?["artifactChanges"]?.elements?.first)
        #expect(change["artifactLocation"]?["uri"]?.string == "examples/seed-tap-stack/package.json")
        let replacement = try #require(change["replacements"]?.elements?.first)
        #expect(replacement["deletedRegion"]?["byteOffset"]?.scalar?.text == "63")
        #expect(replacement["deletedRegion"]?["byteLength"]?.scalar?.text == "12")
        #expect(replacement["insertedContent"]?["text"]?.string == "\"bin/tap.mjs\"")
    }

    @Test func githubAnnotationsFollowTheWorkflowCommandSyntax() throws {
        let text = GitHubReporter.render(result.diagnostics, context: Self.context)
        let pattern = try Regex(#"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]+$"#)
        let lines = text.split(separator: "\n")
        #expect(lines.count == result.diagnostics.count)
        for line in lines { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
        #expect(lines.dropFirst().first == "::error file=examples/seed-tap-stack/package.json,line=5,col=12,endLine=5,endColumn=24,title=main-bin-mismatch::bin 'tap' points to bin/tap.js, which does not exist; Pulumi.yaml main names bin/tap.mjs, which does: the manifests disagree about the program")
        #expect(GitHubReporter.escapeData("100% done\nnext\r") == "100%25 done%0Anext%0D")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test func statisticsCountEachRule() {
        #expect(StatisticsReporter.render(result.diagnostics) == "2  script-glob-unmatched (error)\n1  incomplete-pulumi-mock (error) [fixable]\n1  main-bin-mismatch (error) [fixable]\n1  nondeterministic-resource-name (error)\n1  script-file-missing (error)\n1  typescript-config-missing (error)\n")
    }

    @Test func theRuleCommandExplainsTheSeedCase() throws {
        let text = RuleDocumentation.render(try #require(Rule.named("main-bin-mismatch")))
        #expect(text.contains("Fix: safe (applied by --fix)"))
        #expect(text.contains("main: bin/tap.mjs"))
        #expect(text.contains("\"tap\": ↓\"bin/tap.js\""))
        #expect(text.contains("After the fix (safe):"))
    }

    /// docs/rules.md is generated from the rules; regenerate it with
    /// `manifest-lint rules --format markdown > docs/rules.md`.
    @Test func docsRulesMarkdownIsCurrent() throws {
        let onDisk = try String(contentsOfFile: TestPaths.repositoryRoot + "/docs/rules.md", encoding: .utf8)
        #expect(onDisk == RuleDocumentation.markdown(Rule.all), "docs/rules.md is stale: run manifest-lint rules --format markdown > docs/rules.md")
    }
}
