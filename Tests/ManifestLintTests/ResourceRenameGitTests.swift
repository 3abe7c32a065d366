import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintEngine

/// resource-renamed-without-alias with real git: a staged rename is read
/// against HEAD, `--base` against a branch, and the fix adds the alias.
@Suite(.serialized)
struct ResourceRenameGitTests {
    let sandbox: GitSandbox

    init() throws {
        sandbox = try GitSandbox()
    }

    static let program = #"""
        import * as aws from "@pulumi/aws";
        export const logs = new aws.s3.Bucket("NAME", { forceDestroy: false });

        """#

    /// A repository whose main branch holds the bucket named "logs", then renamed to "app-logs" in the work tree.
    func renamedRepository() throws -> String {
        let repo = try sandbox.repository()
        try sandbox.write("name: app\nruntime: nodejs\n", to: repo + "/Pulumi.yaml")
        try sandbox.write(#"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#, to: repo + "/package.json")
        try sandbox.write(Self.program.replacingOccurrences(of: "NAME", with: "logs"), to: repo + "/index.ts")
        try sandbox.git("add", "-A", in: repo)
        #expect(try sandbox.git("commit", "-qm", "bucket", in: repo).status == 0)
        try sandbox.write(Self.program.replacingOccurrences(of: "NAME", with: "app-logs"), to: repo + "/index.ts")
        return repo
    }

    @Test func aStagedRenameIsReportedAtTheNewCallAndTheFixAddsTheAlias() throws {
        let repo = try renamedRepository()
        // Not staged yet: the staged snapshot is HEAD's, with nothing renamed.
        let before = try sandbox.run([GitSandbox.binary, "check", "--staged", "--all", "--format", "concise"], in: repo)
        #expect(!before.all.contains("resource-renamed-without-alias"), "\(before.all)")
        try sandbox.git("add", "index.ts", in: repo)
        let staged = try sandbox.run([GitSandbox.binary, "check", "--staged", "--format", "concise"], in: repo)
        #expect(staged.status == 0, "a warning passes: \(staged.all)")
        #expect(staged.all.contains("index.ts:2:39: warning[resource-renamed-without-alias] aws.s3.Bucket \"logs\" is renamed to \"app-logs\""), "\(staged.all)")
        let fixed = try sandbox.run([GitSandbox.binary, "check", "--staged", "--fix", "--unsafe-fixes", "--stage-fixed"], in: repo)
        #expect(fixed.status != 2, "\(fixed.all)")
        let text = try String(contentsOfFile: repo + "/index.ts", encoding: .utf8)
        #expect(text.contains(#"new aws.s3.Bucket("app-logs", { forceDestroy: false }, { aliases: [{ name: "logs" }] })"#), "\(text)")
        let after = try sandbox.run([GitSandbox.binary, "check", "--staged", "--format", "concise"], in: repo)
        #expect(!after.all.contains("resource-renamed-without-alias"), "\(after.all)")
    }

    @Test func baseComparesABranchWithTheWorkingTree() throws {
        let repo = try renamedRepository()
        #expect(try sandbox.git("branch", "main-before", in: repo).status == 0)
        let result = try sandbox.run([GitSandbox.binary, "check", "--base", "main-before", "--format", "concise"], in: repo)
        #expect(result.all.contains("index.ts:2:39: warning[resource-renamed-without-alias]"), "\(result.all)")
        // Without a base, no change is read.
        let plain = try sandbox.run([GitSandbox.binary, "check", "--format", "concise"], in: repo)
        #expect(!plain.all.contains("resource-renamed-without-alias"), "\(plain.all)")
        // A revision that does not exist is a usage error.
        let unknown = try sandbox.run([GitSandbox.binary, "check", "--base", "no-such-branch"], in: repo)
        #expect(unknown.status == 2)
        #expect(unknown.all.contains("--base no-such-branch"), "\(unknown.all)")
    }
}
