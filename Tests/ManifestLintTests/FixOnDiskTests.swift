import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// `check --fix` and `--diff` through the binary, on real files.
@Suite(.serialized)
struct FixOnDiskTests {
    let sandbox: GitSandbox

    init() throws {
        sandbox = try GitSandbox()
    }

    /// The corrected seed with only its bin broken again: the one finding is main-bin-mismatch.
    func seedCopy(_ name: String = "seed") throws -> String {
        let directory = sandbox.root + "/" + name
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try sandbox.copy(GitSandbox.fixedSeed, to: directory)
        let text = try contents(directory + "/package.json")
        try sandbox.write(text.replacingOccurrences(of: "\"bin/tap.mjs\"", with: "\"bin/tap.js\""), to: directory + "/package.json")
        return directory
    }

    func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func fixOnTheSeedLeavesOnlyWhatNeedsTheAuthor() throws {
        let seed = sandbox.root + "/original"
        try FileManager.default.createDirectory(atPath: seed, withIntermediateDirectories: true)
        try sandbox.copy(GitSandbox.seed, to: seed)
        let fix = try sandbox.run([GitSandbox.binary, "check", "--fix", "--unsafe-fixes", "--format", "json", "."], in: seed)
        #expect(try contents(seed + "/package.json").contains("\"tap\": \"bin/tap.mjs\""))
        // Left: the bucket name, tsc without a tsconfig.json, the format script's globs and the missing localstack script, which no fix can decide.
        let rules = fix.output.components(separatedBy: "\"rule\": \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(rules == ["nondeterministic-resource-name", "typescript-config-missing", "script-glob-unmatched", "script-glob-unmatched", "script-file-missing"])
        #expect(!fix.output.contains("\"applicability\": \"safe\"") && !fix.output.contains("\"applicability\": \"unsafe\""))
    }

    @Test func fixTurnsAMismatchIntoACleanProjectAndDiffShowsTheSameChangeWithoutWriting() throws {
        let seed = try seedCopy()
        let before = try contents(seed + "/package.json")
        let diff = try sandbox.run([GitSandbox.binary, "check", "--diff", "."], in: seed)
        #expect(diff.status == 1)
        #expect(diff.output.contains("-    \"tap\": \"bin/tap.js\"\n+    \"tap\": \"bin/tap.mjs\"\n"))
        #expect(try contents(seed + "/package.json") == before, "--diff wrote")

        let fix = try sandbox.run([GitSandbox.binary, "check", "--fix", "."], in: seed)
        #expect(fix.status == 0, "\(fix.all)")
        #expect(fix.output.contains("Fixed 1 finding; none remain"))
        let after = try contents(seed + "/package.json")
        #expect(after == before.replacingOccurrences(of: "\"bin/tap.js\"", with: "\"bin/tap.mjs\""))

        let check = try sandbox.run([GitSandbox.binary, "check", "."], in: seed)
        #expect(check.status == 0)
        #expect(check.output.contains("No problems found"))
        let again = try sandbox.run([GitSandbox.binary, "check", "--diff", "."], in: seed)
        #expect(again.status == 0, "a second pass still has a diff: \(again.output)")
    }

    @Test func permissionsAreKeptAndUntouchedFilesAreNotRewritten() throws {
        let seed = try seedCopy()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: seed + "/package.json")
        let yamlInode = try FileManager.default.attributesOfItem(atPath: seed + "/Pulumi.yaml")[.systemFileNumber] as? Int
        #expect(try sandbox.run([GitSandbox.binary, "check", "--fix", "."], in: seed).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: seed + "/package.json")
        #expect(attributes[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.attributesOfItem(atPath: seed + "/Pulumi.yaml")[.systemFileNumber] as? Int == yamlInode)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: seed).filter { $0.contains("manifest-lint-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aReadOnlyFileIsAClearErrorAndTheOtherFixesStillApply() throws {
        let root = sandbox.root + "/two"
        let first = try seedCopy("two/a")
        let second = try seedCopy("two/b")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: first + "/package.json")
        let fix = try sandbox.run([GitSandbox.binary, "check", "--fix", "."], in: root)
        #expect(fix.status == 1)
        #expect(fix.all.contains("is not writable (read-only); not fixed"))
        #expect(try contents(first + "/package.json").contains("\"bin/tap.js\""))
        #expect(try contents(second + "/package.json").contains("\"bin/tap.mjs\""))
    }

    @Test func aSymbolicLinkOutOfTheProjectIsNotFollowed() throws {
        let outside = sandbox.root + "/outside.json"
        let seed = try seedCopy()
        try FileManager.default.moveItem(atPath: seed + "/package.json", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: seed + "/package.json", withDestinationPath: outside)
        let fix = try sandbox.run([GitSandbox.binary, "check", "--fix", "."], in: seed)
        #expect(fix.status == 1)
        #expect(fix.all.contains("symbolic link that leads out of the project"))
        #expect(try contents(outside).contains("\"bin/tap.js\""))
    }

    @Test func aSymbolicLinkInsideTheProjectIsWrittenThrough() throws {
        let seed = try seedCopy()
        try FileManager.default.moveItem(atPath: seed + "/package.json", toPath: seed + "/package.real.json")
        try FileManager.default.createSymbolicLink(atPath: seed + "/package.json", withDestinationPath: "package.real.json")
        #expect(try sandbox.run([GitSandbox.binary, "check", "--fix", "."], in: seed).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: seed + "/package.json") == "package.real.json")
        #expect(try contents(seed + "/package.real.json").contains("\"bin/tap.mjs\""))
    }

    @Test func aFixNeverWritesOutsideTheCheckedPathsAndTheirProjects() throws {
        let project = sandbox.root + "/outside/project"
        try sandbox.write("name: demo\nruntime: nodejs\nmain: index.js\n", to: project + "/Pulumi.yaml")
        // Published (a files list), so that npm links the bin and bin-shebang has a fix for it.
        try sandbox.write("{\"name\": \"demo\", \"files\": [\"index.js\"], \"bin\": {\"tool\": \"../shared/cli.js\"}, \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}",
                          to: project + "/package.json")
        try sandbox.write("", to: project + "/index.js")
        try sandbox.write("require('./lib');\n", to: sandbox.root + "/outside/shared/cli.js")
        let fix = try sandbox.run([GitSandbox.binary, "check", "--fix", "project"], in: sandbox.root + "/outside")
        #expect(fix.status == 1, "\(fix.all)")
        #expect(fix.output.contains("lies outside the checked paths and their projects; not written"), "\(fix.all)")
        #expect(try contents(sandbox.root + "/outside/shared/cli.js") == "require('./lib');\n")
        // Checking a path inside a project still fixes the project's own files.
        try FileManager.default.createDirectory(atPath: sandbox.root + "/outside/seed", withIntermediateDirectories: true)
        try sandbox.copy(GitSandbox.seed, to: sandbox.root + "/outside/seed")
        _ = try sandbox.run([GitSandbox.binary, "check", "--fix", "seed/lib"], in: sandbox.root + "/outside")
        #expect(try contents(sandbox.root + "/outside/seed/package.json").contains("\"bin/tap.mjs\""))
    }

    @Test func unsafeFixesNeedTheFlagAndARenameIsARename() throws {
        let project = sandbox.root + "/yml"
        try sandbox.write("name: demo\nruntime: nodejs\n", to: project + "/Pulumi.yml")
        try sandbox.write("config:\n  demo:size: large\n", to: project + "/Pulumi.dev.yaml")
        try sandbox.write("", to: project + "/index.js")
        let safeOnly = try sandbox.run([GitSandbox.binary, "check", "--fix", "."], in: project)
        #expect(safeOnly.status == 1)
        #expect(safeOnly.output.contains("1 with an unsafe fix: --unsafe-fixes"))
        let diff = try sandbox.run([GitSandbox.binary, "check", "--diff", "--unsafe-fixes", "."], in: project)
        #expect(diff.output.contains("rename from Pulumi.dev.yaml\nrename to Pulumi.dev.yml\n"))
        let json = try sandbox.run([GitSandbox.binary, "check", "--format", "json", "."], in: project)
        #expect(json.output.contains("\"kind\": \"rename\""))
        let fix = try sandbox.run([GitSandbox.binary, "check", "--fix", "--unsafe-fixes", "."], in: project)
        #expect(fix.status == 0, "\(fix.all)")
        #expect(FileManager.default.fileExists(atPath: project + "/Pulumi.dev.yml"))
        #expect(!FileManager.default.fileExists(atPath: project + "/Pulumi.dev.yaml"))
    }

    @Test func inTheHookOnlyFilesWhoseWorkingCopyIsStagedAreFixed() throws {
        let repo = try sandbox.repository()
        try sandbox.copy(GitSandbox.seed, to: repo)
        // Published (a files list), so that npm links the bin and bin-shebang has a fix for it.
        let published = try contents(repo + "/package.json").replacingOccurrences(of: "\"version\": \"0.1.0\",", with: "\"version\": \"0.1.0\",\n  \"files\": [\"bin\", \"lib\"],")
        try sandbox.write(published, to: repo + "/package.json")
        try sandbox.git("add", "-A", in: repo)
        let fixed = try sandbox.run([GitSandbox.binary, "check", "--staged", "--fix"], in: repo)
        #expect(fixed.status == 1, "a hook that changed files must fail")
        #expect(fixed.output.contains("review and stage them"))
        #expect(try contents(repo + "/package.json").contains("\"bin/tap.mjs\""))
        // Pointing bin at bin/tap.mjs makes bin-shebang's fix apply to that file in the next round.
        #expect(try sandbox.git("diff", "--name-only", in: repo).output == "bin/tap.mjs\npackage.json\n")
        #expect(try contents(repo + "/bin/tap.mjs").hasPrefix("#!/usr/bin/env node\n"))

        // Unstaged changes: the file is left alone, and the finding stays with the reason.
        try sandbox.git("checkout", "--", ".", in: repo)
        let text = try contents(repo + "/package.json")
        try sandbox.write(text.replacingOccurrences(of: "\"version\": \"0.1.0\"", with: "\"version\": \"0.2.0\""), to: repo + "/package.json")
        let refused = try sandbox.run([GitSandbox.binary, "check", "--staged", "--fix"], in: repo)
        #expect(refused.status == 1)
        #expect(refused.output.contains("has unstaged changes"))
        #expect(refused.output.contains("error[main-bin-mismatch]"))
        #expect(try contents(repo + "/package.json").contains("\"bin/tap.js\""))

        try sandbox.git("checkout", "--", "package.json", in: repo)
        let staged = try sandbox.run([GitSandbox.binary, "check", "--staged", "--fix", "--stage-fixed"], in: repo)
        #expect(staged.status == 1)
        #expect(try sandbox.git("diff", "--name-only", in: repo).output.isEmpty)
        #expect(try sandbox.commit("fixed by the hook", in: repo).status == 0)
    }
}
