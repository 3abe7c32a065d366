import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// GitIgnore against git itself: `git check-ignore` on the same files.
struct GitIgnoreTests {
    @Test func agreesWithGitCheckIgnore() throws {
        let sandbox = try GitSandbox()
        let repo = try sandbox.repository()
        try sandbox.write("""
            # build output
            bin/*.js
            !bin/keep.js
            dist/
            *.log
            /root-only.txt
            docs/**/draft?.md
            **/cache
            [Tt]emp*
            \\#literal
            trailing-space.txt   
            """, to: repo + "/.gitignore")
        try sandbox.write("*.gen.ts\n!keep.gen.ts\nlocal/\n", to: repo + "/lib/.gitignore")
        let files = [
            "bin/tap.js", "bin/tap.ts", "bin/keep.js", "bin/sub/x.js", "dist/index.js", "dist/a/b.js", "src/dist/x.js", "a.log", "logs/b.log",
            "root-only.txt", "sub/root-only.txt", "docs/draft1.md", "docs/x/y/draft2.md", "docs/x/final.md", "cache/x", "deep/er/cache/y",
            "Temp1/a", "temporary.txt", "#literal", "trailing-space.txt", "lib/a.gen.ts", "lib/keep.gen.ts", "lib/sub/b.gen.ts", "other/c.gen.ts",
            "lib/local/x.ts", "local/x.ts", "lib/index.ts",
        ]
        for file in files { try sandbox.write("x", to: repo + "/" + file) }
        let tree = DiskFileTree()
        for file in files {
            let git = try sandbox.git("check-ignore", "--no-index", "-q", file, in: repo)
            #expect(GitIgnore.ignores(repo + "/" + file, tree: tree) == (git.status == 0), "\(file): git says \(git.status == 0 ? "ignored" : "not ignored")")
        }
    }
}
