import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Real repositories, the hook installed by install.sh, and real `git commit`.
@Suite(.serialized)
struct StagedHookTests {
    let sandbox: GitSandbox

    init() throws {
        sandbox = try GitSandbox()
    }

    /// A repository holding the seed project (nothing staged yet) with the hook installed.
    func seedRepository(_ name: String = "repo") throws -> String {
        let repo = try sandbox.repository(name)
        try sandbox.copy(GitSandbox.seed, to: repo)
        let install = try sandbox.installHook(in: repo)
        #expect(install.status == 0, "\(install.all)")
        return repo
    }

    /// The author's fix: package.json and the stack of examples/seed-tap-stack-fixed.
    func fixSeed(in repo: String) throws {
        for path in ["package.json", "lib/tap-stack.mjs", "test/tap-stack.unit.test.mjs"] {
            try sandbox.write(try String(contentsOfFile: GitSandbox.fixedSeed + "/" + path, encoding: .utf8), to: repo + "/" + path)
        }
    }

    @Test func theSeedMismatchIsRefusedAndTheFixGoesThrough() throws {
        let repo = try seedRepository()
        try sandbox.git("add", "-A", in: repo)
        let refused = try sandbox.commit("seed", in: repo)
        #expect(refused.status != 0)
        #expect(refused.all.contains("error[main-bin-mismatch]"))
        #expect(refused.all.contains("git commit --no-verify"))
        try fixSeed(in: repo)
        try sandbox.git("add", "-A", in: repo)
        let accepted = try sandbox.commit("seed, fixed", in: repo)
        #expect(accepted.status == 0, "\(accepted.all)")
    }

    @Test func anEntryFileOnDiskButNotAddedIsCaught() throws {
        let repo = try seedRepository()
        try fixSeed(in: repo)
        try sandbox.git("add", "Pulumi.yaml", "package.json", "lib", in: repo)
        let refused = try sandbox.commit("without the entry file", in: repo)
        #expect(refused.status != 0)
        #expect(refused.all.contains("bin/tap.mjs' exists but is not staged: this commit would not contain it (git add bin/tap.mjs)"))
    }

    @Test func renamingOrDeletingTheEntryFileIsCaught() throws {
        let repo = try seedRepository()
        try fixSeed(in: repo)
        try sandbox.git("add", "-A", in: repo)
        #expect(try sandbox.commit("fixed", in: repo).status == 0)

        try sandbox.git("mv", "bin/tap.mjs", "bin/main.mjs", in: repo)
        let renamed = try sandbox.commit("rename the entry", in: repo)
        #expect(renamed.status != 0)
        #expect(renamed.all.contains("error[main-missing]"))

        try sandbox.git("mv", "bin/main.mjs", "bin/tap.mjs", in: repo)
        try sandbox.git("rm", "-q", "bin/tap.mjs", in: repo)
        let deleted = try sandbox.commit("delete the entry", in: repo)
        #expect(deleted.status != 0)
        #expect(deleted.all.contains("error[main-missing]"))
    }

    @Test func aPartiallyStagedPackageJSONIsJudgedByItsStagedContent() throws {
        let repo = try seedRepository()
        try fixSeed(in: repo)
        try sandbox.git("add", "-A", in: repo)
        // The working tree goes back to the broken bin, unstaged: the commit holds the fixed one.
        try sandbox.write(try String(contentsOfFile: GitSandbox.seed + "/package.json", encoding: .utf8), to: repo + "/package.json")
        let accepted = try sandbox.commit("staged is fixed", in: repo)
        #expect(accepted.status == 0, "\(accepted.all)")

        // The reverse: the broken bin is staged, the working tree is fixed.
        try sandbox.git("add", "package.json", in: repo)
        try fixSeed(in: repo)
        let refused = try sandbox.commit("staged is broken", in: repo)
        #expect(refused.status != 0)
        #expect(refused.all.contains("error[main-bin-mismatch]"))
    }

    @Test func namesWithASpaceAndANewlineWork() throws {
        let repo = try sandbox.repository()
        let project = repo + "/my project"
        try sandbox.write("name: spaced\nruntime: nodejs\nmain: \"bin/tap app.mjs\"\n", to: project + "/Pulumi.yaml")
        try sandbox.write("", to: project + "/bin/tap app.mjs")
        let odd = repo + "/odd"
        try sandbox.write("name: odd\nruntime: nodejs\nmain: \"bin/line\\nbreak.mjs\"\n", to: odd + "/Pulumi.yaml")
        try sandbox.write("", to: odd + "/bin/line\nbreak.mjs")
        #expect(try sandbox.installHook(in: repo).status == 0)
        try sandbox.git("add", "my project/Pulumi.yaml", "odd/Pulumi.yaml", in: repo)
        let refused = try sandbox.commit("entries not staged", in: repo)
        #expect(refused.status != 0)
        #expect(refused.all.contains("tap app.mjs' exists but is not staged"))
        #expect(refused.all.contains("break.mjs' exists but is not staged"))
        try sandbox.git("add", "-A", in: repo)
        let accepted = try sandbox.commit("entries staged", in: repo)
        #expect(accepted.status == 0, "\(accepted.all)")
    }

    @Test func aSubmoduleWorks() throws {
        let inner = try sandbox.repository("inner")
        try sandbox.write("# inner\n", to: inner + "/README.md")
        try sandbox.git("add", "-A", in: inner)
        try sandbox.git("commit", "-qm", "init", in: inner)
        let outer = try sandbox.repository("outer")
        let added = try sandbox.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", inner, "infra", in: outer)
        #expect(added.status == 0, "\(added.all)")
        let submodule = outer + "/infra"
        try sandbox.copy(GitSandbox.seed, to: submodule)
        #expect(try sandbox.installHook(in: submodule).status == 0)
        try sandbox.git("add", "-A", in: submodule)
        let refused = try sandbox.commit("seed in a submodule", in: submodule)
        #expect(refused.status != 0)
        #expect(refused.all.contains("error[main-bin-mismatch]"))
        try fixSeed(in: submodule)
        try sandbox.git("add", "-A", in: submodule)
        #expect(try sandbox.commit("fixed", in: submodule).status == 0)
    }

    @Test func aLinkedWorktreeWorks() throws {
        let repo = try sandbox.repository()
        try sandbox.write("# repo\n", to: repo + "/README.md")
        try sandbox.git("add", "-A", in: repo)
        try sandbox.git("commit", "-qm", "init", in: repo)
        #expect(try sandbox.installHook(in: repo).status == 0)
        let worktree = sandbox.root + "/worktree"
        #expect(try sandbox.git("worktree", "add", "-q", "-b", "feature", worktree, in: repo).status == 0)
        try sandbox.copy(GitSandbox.seed, to: worktree)
        try sandbox.git("add", "-A", in: worktree)
        let refused = try sandbox.commit("seed in a worktree", in: worktree)
        #expect(refused.status != 0)
        #expect(refused.all.contains("error[main-bin-mismatch]"))
    }

    @Test func coreHooksPathIsHonoured() throws {
        let repo = try sandbox.repository()
        try sandbox.git("config", "core.hooksPath", "githooks", in: repo)
        try sandbox.copy(GitSandbox.seed, to: repo)
        #expect(try sandbox.installHook(in: repo).status == 0)
        #expect(FileManager.default.isExecutableFile(atPath: repo + "/githooks/pre-commit"))
        try sandbox.git("add", "-A", in: repo)
        let refused = try sandbox.commit("seed", in: repo)
        #expect(refused.status != 0)
        #expect(refused.all.contains("error[main-bin-mismatch]"))
    }

    @Test func aMergeIsJudgedByItsMergedSnapshot() throws {
        let repo = try seedRepository()
        try fixSeed(in: repo)
        try sandbox.git("add", "-A", in: repo)
        #expect(try sandbox.commit("fixed", in: repo).status == 0)
        try sandbox.git("checkout", "-q", "-b", "feature", in: repo)
        try sandbox.write(try String(contentsOfFile: GitSandbox.seed + "/package.json", encoding: .utf8), to: repo + "/package.json")
        try sandbox.git("commit", "-q", "--no-verify", "-am", "break bin", in: repo)
        try sandbox.git("checkout", "-q", "main", in: repo)
        try sandbox.write("# docs\n", to: repo + "/NOTES.md")
        try sandbox.git("add", "NOTES.md", in: repo)
        #expect(try sandbox.commit("unrelated", in: repo).status == 0)
        #expect(try sandbox.git("merge", "--no-ff", "--no-commit", "feature", in: repo).status == 0)
        let refused = try sandbox.commit("merge feature", in: repo)
        #expect(refused.status != 0)
        #expect(refused.all.contains("error[main-bin-mismatch]"))
    }

    /// Each project looks up the same files above it; every one of them must
    /// see the staged change there, not only the first to ask.
    @Test func aStagedChangeAboveManyProjectsReachesEachOfThem() throws {
        let repo = try sandbox.repository()
        try sandbox.write("{\"name\": \"root\", \"private\": true, \"workspaces\": [\"*\"], \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}\n",
                          to: repo + "/package.json")
        let names = ["a", "b", "c", "d", "e", "f"]
        for name in names {
            try sandbox.write("name: \(name)\nruntime: nodejs\n", to: repo + "/\(name)/Pulumi.yaml")
            try sandbox.write("{\"name\": \"\(name)\", \"main\": \"index.js\"}\n", to: repo + "/\(name)/package.json")
            try sandbox.write("\n", to: repo + "/\(name)/index.js")
        }
        try sandbox.git("add", "-A", in: repo)
        try sandbox.git("commit", "-qm", "init", in: repo)
        try sandbox.git("rm", "-q", "package.json", in: repo)
        let staged = try sandbox.run([GitSandbox.binary, "check", "--staged", "--format", "json", "--exit-zero"], in: repo)
        for name in names {
            #expect(staged.output.contains("\"\(name)/package.json\""), "\(name) was not checked: \(staged.all)")
        }
    }

    @Test func aChangeThatTouchesNoProjectPassesAndAllChecksEverything() throws {
        let repo = try sandbox.repository()
        try FileManager.default.createDirectory(atPath: repo + "/infra", withIntermediateDirectories: true)
        try sandbox.copy(GitSandbox.seed, to: repo + "/infra")
        #expect(try sandbox.installHook(in: repo).status == 0)
        try sandbox.git("add", "-A", in: repo)
        try sandbox.git("commit", "-q", "--no-verify", "-m", "broken, committed anyway", in: repo)
        try sandbox.write("# notes\n", to: repo + "/docs/NOTES.md")
        try sandbox.git("add", "docs/NOTES.md", in: repo)
        let staged = try sandbox.run([GitSandbox.binary, "check", "--staged"], in: repo)
        #expect(staged.status == 0)
        #expect(staged.output.contains("No Pulumi project is touched by the staged change."))
        let all = try sandbox.run([GitSandbox.binary, "check", "--staged", "--all"], in: repo)
        #expect(all.status == 1)
        #expect(try sandbox.commit("notes", in: repo).status == 0)
    }

    @Test func stagedModeOutsideARepositoryIsAUsageError() throws {
        let outside = sandbox.root + "/home"
        let result = try sandbox.run([GitSandbox.binary, "check", "--staged"], in: outside)
        #expect(result.status == 2)
        #expect(result.error.contains("--staged needs a git work tree"))
    }

    @Test func installingTwiceIsIdempotentAndUninstallingRestoresTheOldHook() throws {
        let repo = try sandbox.repository()
        let hooks = repo + "/.git/hooks"
        try sandbox.write("#!/bin/sh\necho previous hook\n", to: hooks + "/pre-commit")
        try sandbox.run(["chmod", "+x", hooks + "/pre-commit"], in: repo)
        #expect(try sandbox.installHook(in: repo).status == 0)
        #expect(try sandbox.installHook(in: repo).status == 0)
        let saved = try String(contentsOfFile: hooks + "/pre-commit.before-manifest-lint", encoding: .utf8)
        #expect(saved.contains("previous hook"))
        try sandbox.write("# x\n", to: repo + "/README.md")
        try sandbox.git("add", "-A", in: repo)
        let commit = try sandbox.commit("runs both hooks", in: repo)
        #expect(commit.status == 0)
        #expect(commit.all.contains("previous hook"))
        let uninstall = try sandbox.run(["sh", GitSandbox.installScript, "--uninstall-hook", repo], in: repo)
        #expect(uninstall.status == 0)
        let restored = try String(contentsOfFile: hooks + "/pre-commit", encoding: .utf8)
        #expect(restored == "#!/bin/sh\necho previous hook\n")
        #expect(!FileManager.default.fileExists(atPath: hooks + "/pre-commit.before-manifest-lint"))
    }
}

/// The index tree itself, without hooks.
struct GitIndexFileTreeTests {
    @Test func everyStagedFileIsReadFromTheIndexNotTheWorkingTree() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.repository()
        let names = (0..<50).map { "dir \($0 % 5)/file-\($0).txt" }
        for name in names { try sandbox.write("staged \(name)\n", to: repo + "/" + name) }
        try sandbox.git("add", "-A", in: repo)
        for name in names { try sandbox.write("working tree\n", to: repo + "/" + name) }
        try sandbox.write("untracked\n", to: repo + "/new.txt")
        try sandbox.write("ignored/\n", to: repo + "/.git/info/exclude")
        try sandbox.write("ignored\n", to: repo + "/ignored/out.js")

        let tree = try GitIndexFileTree(at: repo)
        for name in names {
            let bytes = try #require(tree.read(repo + "/" + name))
            #expect(String(decoding: bytes, as: UTF8.self) == "staged \(name)\n")
        }
        #expect(tree.kind(of: repo + "/dir 3") == .directory)
        #expect(tree.list(repo + "/dir 3")?.count == 10)
        #expect(tree.kind(of: repo + "/new.txt") == .missing)
        #expect(tree.absenceNote(repo + "/new.txt")?.contains("exists but is not staged") == true)
        #expect(tree.kind(of: repo + "/ignored/out.js") == .file)
        #expect(tree.read(repo + "/ignored/out.js").map { String(decoding: $0, as: UTF8.self) } == "ignored\n")
        #expect(tree.changedPaths.count == names.count)
    }
}
