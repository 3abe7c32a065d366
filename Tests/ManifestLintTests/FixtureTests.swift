import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Realistic projects (Tests/Fixtures) that Pulumi runs happily must check
/// clean, and the bundled examples must give exactly their known findings.
struct FixtureTests {
    static let fixturesDirectory = TestPaths.repositoryRoot + "/Tests/Fixtures"

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    static func lint(_ path: String) -> LintResult {
        Linter().check(paths: [Path.normalize(path)], in: DiskFileTree())
    }

    @Test func thereAreAtLeastTwentyFixtures() {
        #expect(Self.fixtures.count >= 20)
    }

    @Test(arguments: fixtures)
    func fixtureChecksClean(_ name: String) {
        let result = Self.lint(Self.fixturesDirectory + "/" + name)
        #expect(result.projectCount >= 1, "no Pulumi project found in \(name)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.displayPath):\($0.start) \($0.ruleID) \($0.message)" })")
    }

    @Test func seedReportsMainBinMismatchOnTheBinLine() throws {
        let result = Self.lint(TestPaths.repositoryRoot + "/examples/seed-tap-stack")
        let finding = try #require(result.diagnostics.first { $0.ruleID == "main-bin-mismatch" })
        // The seed's three mistakes (README): the bin, the bucket's name that changes on every
        // run, the mock without `all`; besides, the build script runs tsc with no tsconfig.json,
        // the format script's globs match nothing and localstack:start runs a missing file.
        #expect(result.diagnostics.map(\.ruleID) == ["nondeterministic-resource-name", "main-bin-mismatch", "typescript-config-missing",
                                                     "script-glob-unmatched", "script-glob-unmatched", "script-file-missing", "incomplete-pulumi-mock"])
        let bucket = try #require(result.diagnostics.first)
        #expect(bucket.path.hasSuffix("lib/tap-stack.mjs") && bucket.start.line == 14)
        let mock = try #require(result.diagnostics.last)
        #expect(mock.path.hasSuffix("test/tap-stack.unit.test.mjs") && mock.start.line == 2)
        #expect(mock.message.contains("lacks all (examples/seed-tap-stack/lib/tap-stack.mjs:27)") || mock.message.contains("lacks all ("))
        #expect(finding.severity == .error)
        #expect(finding.path.hasSuffix("examples/seed-tap-stack/package.json"))
        #expect(finding.start == LineColumn(line: 5, column: 12))
        #expect(finding.snippet?.line == "    \"tap\": \"bin/tap.js\"")
    }

    @Test func fixedSeedChecksClean() {
        let result = Self.lint(TestPaths.repositoryRoot + "/examples/seed-tap-stack-fixed")
        #expect(result.projectCount == 1)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func aMonorepoFindsEveryProject() {
        let result = Self.lint(Self.fixturesDirectory + "/monorepo-workspaces")
        #expect(result.projectCount == 2)
    }

    @Test func aPathInsideAProjectChecksThatProject() {
        let result = Self.lint(TestPaths.repositoryRoot + "/examples/seed-tap-stack/lib")
        #expect(result.projectCount == 1)
        #expect(result.diagnostics.map(\.ruleID).contains("main-bin-mismatch"))
    }

    @Test func aMissingPathIsReported() {
        let result = Self.lint(TestPaths.repositoryRoot + "/examples/does-not-exist")
        #expect(result.unchecked.count == 1)
        #expect(result.projectCount == 0)
    }
}

/// The disk tree on a scratch directory: links, cycles, odd names.
struct DiskTreeTests {
    @Test func aSymbolicLinkCycleDoesNotTrapDiscovery() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-lint-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/app dir/ünïcode", withIntermediateDirectories: true)
        try "name: app\nruntime: nodejs\n".write(toFile: root + "/app dir/Pulumi.yaml", atomically: true, encoding: .utf8)
        try "".write(toFile: root + "/app dir/index.js", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/app dir/ünïcode/loop", withDestinationPath: root)
        let result = Linter().check(paths: [root], in: DiskFileTree())
        #expect(result.projectCount == 1)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }
}
