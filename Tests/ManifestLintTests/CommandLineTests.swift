import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The flags that shape the report and the exit status, through the binary.
@Suite(.serialized)
struct CommandLineTests {
    let sandbox: GitSandbox
    let project: String

    init() throws {
        sandbox = try GitSandbox()
        project = try sandbox.repository("project")
        try sandbox.write("name: demo\nruntime: nodejs\n", to: project + "/Pulumi.yaml")
        try sandbox.write("{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"t\": \"jest\"}}", to: project + "/package.json")
        try sandbox.write("", to: project + "/index.js")
    }

    func lint(_ arguments: String...) throws -> GitSandbox.Output {
        try sandbox.run([GitSandbox.binary, "check"] + arguments, in: project)
    }

    @Test func warningsPassUnlessStrictAndErrorsFailUnlessExitZero() throws {
        #expect(try lint().status == 0, "a warning alone passes")
        #expect(try lint("--strict").status == 1)
        try sandbox.write("name: demo\nruntime: nodejs\nmain: gone.js\n", to: project + "/Pulumi.yaml")
        #expect(try lint().status == 1)
        #expect(try lint("--exit-zero").status == 0)
    }

    @Test func quietOutputAndStatistics() throws {
        let quiet = try lint("--quiet")
        #expect(quiet.output.contains("warning[script-binary-undeclared]"))
        #expect(!quiet.output.contains("Found"))
        #expect(try lint("--output", "report.txt").output.isEmpty)
        let report = try String(contentsOfFile: project + "/report.txt", encoding: .utf8)
        #expect(report.contains("warning[script-binary-undeclared]") && report.contains("Found 0 errors and 1 warning"))
        #expect(try lint("--statistics").output.hasPrefix("1  script-binary-undeclared (warning)\n"))
    }

    @Test func aConfigurationErrorExitsTwoWithItsPosition() throws {
        try sandbox.write("rules:\n  no-such-rule: off\n", to: project + "/.manifest-lint.yaml")
        let result = try lint()
        #expect(result.status == 2)
        #expect(result.error.contains(".manifest-lint.yaml:2:3: error: unknown rule 'no-such-rule'"))
    }

    @Test func theConfigurationAtTheRepositoryRootApplies() throws {
        try sandbox.write("rules:\n  script-binary-undeclared: error\n", to: project + "/.manifest-lint.yaml")
        #expect(try lint().status == 1)
        let other = sandbox.root + "/other.yaml"
        try sandbox.write("global-binaries: [jest]\n", to: other)
        let explicit = try lint("--config", other)
        #expect(explicit.status == 0)
        #expect(explicit.output.contains("No problems found"))
    }

    @Test func initWritesAStarterFileOnce() throws {
        let first = try sandbox.run([GitSandbox.binary, "init"], in: project)
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: project + "/.manifest-lint.yaml"))
        #expect(try lint().status == 0, "the starter file is a valid configuration")
        #expect(try sandbox.run([GitSandbox.binary, "init"], in: project).status == 1)
    }

    @Test func versionAndRules() throws {
        #expect(try sandbox.run([GitSandbox.binary, "--version"], in: project).output == ManifestLintVersion.current + "\n")
        let json = try sandbox.run([GitSandbox.binary, "rules", "--format", "json"], in: project)
        let rules = JSONLoader.load(SourceFile(path: "rules.json", text: json.output)).root?.elements ?? []
        #expect(rules.count == Rule.all.count)
        #expect(rules.first { $0["id"]?.string == "main-bin-mismatch" }?["fix"]?.string == "safe")
    }
}
