import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

struct ConfigurationTests {
    static func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(SourceFile(path: ".manifest-lint.yaml", text: text), displayPath: ".manifest-lint.yaml")
    }

    static func problem(_ text: String) -> Configuration.Problem? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? Configuration.Problem
        }
    }

    @Test(arguments: [
        ("rulez:\n  x: off\n", "1:1", "unknown key 'rulez'"),
        ("rules:\n  main-bin-mismatsh: off\n", "2:3", "unknown rule 'main-bin-mismatsh'; did you mean 'main-bin-mismatch'?"),
        ("rules:\n  main-missing: fatal\n", "2:17", "the level of 'main-missing' must be error, warning or off"),
        ("exclude: legacy\n", "1:10", "exclude must be a list of strings"),
        ("per-path:\n  \"a/**\":\n    nope: off\n", "3:5", "unknown rule 'nope'"),
    ])
    func problemsHaveTheirPosition(_ text: String, _ position: String, _ message: String) throws {
        let problem = try #require(Self.problem(text))
        #expect(problem.position.description == position)
        #expect(problem.message.hasPrefix(message))
    }

    @Test func theStarterFileParses() throws {
        let configuration = try Self.parse(Configuration.starterFile)
        #expect(configuration.levels.isEmpty && configuration.exclude.isEmpty)
    }

    static let project: [String: String] = [
        "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: gone.js\n",
        "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"gen\": \"jest && firebase deploy\"}}",
        "Pulumi.dev.yaml": "config:\n  shared:domain: x\n",
        "legacy/Pulumi.yaml": "name: old\nruntime: nodejs\nmain: gone.js\n",
        "index.js": "",
    ]

    static func rules(with configuration: String) throws -> [String] {
        var config = try parse(configuration)
        config.directory = ""
        config.exclude = config.exclude.map { String($0.drop { $0 == "/" }) }
        config.perPath = config.perPath.map { Configuration.PathOverride(pattern: String($0.pattern.drop { $0 == "/" }), levels: $0.levels) }
        let result = Linter(configuration: config).check(paths: [""], in: VirtualFileTree(project))
        return result.diagnostics.map { "\($0.path) \($0.ruleID) \($0.severity.rawValue)" }
    }

    @Test func withoutConfigurationEverythingIsReported() throws {
        let all = try Self.rules(with: "")
        #expect(all.contains("Pulumi.yaml main-missing error"))
        #expect(all.contains("legacy/Pulumi.yaml main-missing error"))
        #expect(all.contains("package.json script-binary-undeclared warning"))
        #expect(all.contains("Pulumi.dev.yaml config-namespace warning"))
    }

    @Test func levelsExcludesAndPerPathOverrides() throws {
        let configured = try Self.rules(with: """
            rules:
              main-missing: warning
              script-binary-undeclared: off
            exclude:
              - legacy
            per-path:
              "Pulumi.yaml":
                main-missing: off
            """)
        #expect(!configured.contains { $0.hasPrefix("legacy/") }, "excluded")
        #expect(!configured.contains { $0.contains("main-missing") }, "off for Pulumi.yaml")
        #expect(!configured.contains { $0.contains("script-binary-undeclared") })
        let warningOnly = try Self.rules(with: "rules:\n  main-missing: warning\n")
        #expect(warningOnly.contains("Pulumi.yaml main-missing warning"))
    }

    @Test func knownNamespacesAndGlobalBinariesAreHonoured() throws {
        var project = Self.project
        project["package.json"] = "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"gen\": \"prettier --check . && tsc\"}}"
        let tree = VirtualFileTree(project)
        let plain = Linter().check(paths: [""], in: tree).diagnostics.map(\.ruleID)
        #expect(plain.contains("config-namespace"))
        #expect(plain.filter { $0 == "script-binary-undeclared" }.count == 2)
        let configuration = try Self.parse("known-namespaces: [shared]\nglobal-binaries: [prettier, tsc]\n")
        let configured = Linter(configuration: configuration).check(paths: [""], in: tree).diagnostics.map(\.ruleID)
        #expect(!configured.contains("config-namespace"))
        #expect(!configured.contains("script-binary-undeclared"))
    }
}

/// Inline suppressions must suppress what they name, and nothing else.
struct SuppressionTests {
    static func findings(_ yaml: String) -> [String] {
        let tree = VirtualFileTree(["Pulumi.yaml": yaml, "index.js": ""])
        return Linter().check(paths: [""], in: tree).diagnostics.map { "\($0.start.line) \($0.ruleID)" }
    }

    @Test func aSuppressionOnTheLineOrAboveSuppresses() {
        #expect(Self.findings("name: demo\nruntime: nodejs\nmain: gone.js # manifest-lint: ignore[main-missing]\n").isEmpty)
        #expect(Self.findings("name: demo\nruntime: nodejs\n# manifest-lint: ignore[main-missing]\nmain: gone.js\n").isEmpty)
        #expect(Self.findings("# manifest-lint: ignore-file[main-missing]\nname: demo\nruntime: nodejs\nmain: gone.js\n").isEmpty)
    }

    @Test func anotherRuleOrAnotherLineDoesNotSuppress() {
        #expect(Self.findings("name: demo\nruntime: nodejs\nmain: gone.js # manifest-lint: ignore[main-absolute]\n")
                == ["3 main-missing", "3 unused-suppression"])
        #expect(Self.findings("name: demo\n# manifest-lint: ignore[main-missing]\nruntime: nodejs\nmain: gone.js\n")
                == ["2 unused-suppression", "4 main-missing"])
        #expect(Self.findings("name: demo\nruntime: nodejs\nmain: \"gone.js # manifest-lint: ignore[main-missing]\"\n")
                == ["3 main-missing"])
    }
}

/// --baseline silences what --write-baseline recorded, and only that.
struct BaselineTests {
    @Test func aBaselineSilencesTheSeedButNotANewMistake() throws {
        let sandbox = try GitSandbox()
        let project = sandbox.root + "/seed"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try sandbox.copy(GitSandbox.seed, to: project)
        #expect(try sandbox.run([GitSandbox.binary, "check", "--write-baseline", "baseline.json", "."], in: project).status == 0)
        let silenced = try sandbox.run([GitSandbox.binary, "check", "--baseline", "baseline.json", "."], in: project)
        #expect(silenced.status == 0, "\(silenced.all)")
        #expect(silenced.output.contains("No problems found"))

        // Lines added above do not bring the recorded findings back; a new mistake is reported.
        let package = try String(contentsOfFile: project + "/package.json", encoding: .utf8)
        let moved = "{\n  \"description\": \"moved\",\n  \"license\": \"MIT\",\n" + package.dropFirst(2)
        try sandbox.write(moved, to: project + "/package.json")
        try sandbox.write("name: TapStack\nruntime:\n  name: nodejs\ndescription: Pulumi infrastructure for TAP\nmain: bin/tap.mjs\nstackConfigDir: ./stacks\n", to: project + "/Pulumi.yaml")
        try sandbox.write("config:\n  tapstack:region: x\n  TapStack:a:b:c: y\n", to: project + "/stacks/Pulumi.dev.yaml")
        let afterEdit = try sandbox.run([GitSandbox.binary, "check", "--baseline", "baseline.json", "--format", "concise", "."], in: project)
        #expect(afterEdit.status == 1)
        let lines = afterEdit.output.split(separator: "\n").filter { $0.contains("[") }
        #expect(lines.count == 2, "\(afterEdit.output)")
        #expect(lines.allSatisfy { $0.contains("Pulumi.dev.yaml") })
    }
}
