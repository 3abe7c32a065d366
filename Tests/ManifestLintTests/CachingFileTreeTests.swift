import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The per-project cache answers every question as the tree below it does:
/// inside and outside the project, for missing directories and what lies
/// below them, from its own listings or discovery's, asked once or again.
struct CachingFileTreeTests {
    static let base = VirtualFileTree([
        "p/Pulumi.yaml": "name: p\n", "p/src/a.ts": "a", "p/src/deep/b.ts": "b", "p/node_modules/x/package.json": "{}",
        "package.json": "{}", "other/q.ts": "q", "other/p/c.ts": "c",
    ])

    static let paths = [
        "", "p", "p/Pulumi.yaml", "p/src", "p/src/a.ts", "p/src/missing.ts", "p/missing", "p/missing/deeper/x",
        "p/src/deep", "p/src/deep/b.ts", "p/src/a.ts/child", "p/node_modules/x", "p/node_modules/x/package.json",
        "package.json", "other", "other/q.ts", "other/p", "other/p/c.ts", "missing", "missing/x", "pp", "p2/x",
    ]

    @Test(arguments: ["p", "", "other/p"], [false, true])
    func answersAsTheTreeBelowItDoes(projectDirectory: String, withDiscoveryListings: Bool) {
        let listings = withDiscoveryListings ? Discovery.findProjects(from: [""], in: Self.base).listings : [:]
        // Questions in both orders: a child before its directory, and the other way round.
        for order in [Self.paths, Self.paths.reversed()] {
            let cached = CachingFileTree(Self.base, projectDirectory: projectDirectory, shared: CachingFileTree.Shared(listings: listings))
            for _ in 0..<2 {
                for path in order {
                    #expect(cached.kind(of: path) == Self.base.kind(of: path), "kind of '\(path)'")
                    #expect(cached.list(path) == Self.base.list(path), "listing of '\(path)'")
                    #expect(cached.read(path) == Self.base.read(path), "bytes of '\(path)'")
                }
            }
        }
    }
}

/// A file that discovery listed and that is gone (or unreadable) when read:
/// the check says it changed meanwhile, rather than passing it over.
struct VanishingFileTests {
    /// A tree whose listings still show `vanished`, which reads as missing.
    struct VanishingTree: FileTree {
        let base: VirtualFileTree
        let vanished: String

        func kind(of path: String) -> FileKind { base.kind(of: path) }
        func list(_ directory: String) -> [DirectoryEntry]? { base.list(directory) }
        func displayPath(_ path: String) -> String { base.displayPath(path) }
        func read(_ path: String) -> [UInt8]? { path == vanished ? nil : base.read(path) }
    }

    @Test func aFileGoneBetweenListingAndReadingIsReported() {
        let tree = VanishingTree(base: VirtualFileTree([
            "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "package.json": #"{ "dependencies": { "@pulumi/pulumi": "^3" } }"#,
            "index.ts": "",
        ]), vanished: "package.json")
        let result = Linter().check(paths: [""], in: tree)
        #expect(result.diagnostics.map { "\($0.path) \($0.ruleID) \($0.message)" } == [
            "package.json file-unreadable package.json changed while it was being checked (gone or unreadable when read): check again",
        ])
        #expect(result.unchecked.isEmpty)
    }

    @Test func aProjectFileGoneBetweenListingAndReadingLeavesTheProjectUnchecked() {
        let tree = VanishingTree(base: VirtualFileTree(["Pulumi.yaml": "name: demo\nruntime: nodejs\n", "index.ts": ""]),
                                 vanished: "Pulumi.yaml")
        let result = Linter().check(paths: [""], in: tree)
        #expect(result.diagnostics.isEmpty)
        #expect(result.unchecked.map(\.problem) == ["changed while it was being checked (gone or unreadable when read); the project was not checked"])
        #expect(result.projectCount == 0)
    }
}
