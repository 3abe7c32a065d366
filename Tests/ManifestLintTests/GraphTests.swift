import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The manifest graph: entry-point resolution as Pulumi's Node host does it,
/// and TypeScript build outputs.
struct GraphTests {
    static func graph(_ files: [String: String]) -> ProjectGraph {
        let tree = VirtualFileTree(files)
        let location = Discovery.findProjects(from: [""], in: tree).projects[0]
        return ProjectGraph(location: location, tree: tree)
    }

    static func loadedFile(_ graph: ProjectGraph) -> String? {
        if case .directory(let entry) = graph.nodeEntry { return entry.loadedFile }
        if case .file(let path) = graph.nodeEntry { return path }
        return nil
    }

    /// The projects of one run share what they find above them: every one of
    /// them, not only the first to look, gets the root package.json's answer.
    @Test func everyProjectBelowARootPackageSeesIt() {
        func sdkMissing(root: String) -> [String] {
            var files = ["package.json": root]
            for name in ["a", "b/c", "b/d", "e/f/g"] {
                files["\(name)/Pulumi.yaml"] = "name: p\nruntime: nodejs\n"
                files["\(name)/package.json"] = "{\"name\": \"p\"}"
                files["\(name)/index.js"] = ""
                files["\(name)/node_modules/.keep"] = ""
            }
            let result = Linter().check(paths: [""], in: VirtualFileTree(files))
            return result.diagnostics.filter { $0.ruleID == "pulumi-sdk-missing" }.map(\.path).sorted()
        }
        #expect(sdkMissing(root: "{\"workspaces\": [\"*\"], \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}").isEmpty)
        #expect(sdkMissing(root: "{\"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}").isEmpty)
        #expect(sdkMissing(root: "{\"dependencies\": {\"lodash\": \"^4\"}}")
                == ["a/package.json", "b/c/package.json", "b/d/package.json", "e/f/g/package.json"])
    }

    /// Node resolves modules through every node_modules above the program, and
    /// `npm run` puts every node_modules/.bin above the package on PATH: workspace roots or not.
    @Test func declaredDependenciesJoinThePackageAndThePackagesAboveIt() {
        func declared(_ files: [String: String]) -> Set<String> {
            let tree = VirtualFileTree(files.merging(["p/Pulumi.yaml": "name: p\nruntime: nodejs\n",
                                                      "p/package.json": "{\"dependencies\": {\"own\": \"1\"}}"]) { $1 })
            let location = Discovery.findProjects(from: [""], in: tree).projects[0]
            return ProjectGraph(location: location, tree: tree).declaredDependencies
        }
        #expect(declared([:]) == ["own"])
        #expect(declared(["package.json": "{\"workspaces\": [\"p\"], \"devDependencies\": {\"root\": \"1\", \"own\": \"2\"}}"]) == ["own", "root"])
        #expect(declared(["package.json": "{\"devDependencies\": {\"root\": \"1\"}}"]) == ["own", "root"])
    }

    /// tsc's common source directory read off the config's own entries, where
    /// that settles it, is the one a walk over the inputs finds.
    @Test(arguments: [
        "{\"include\": [\"index.ts\", \"src/**/*.ts\"]}",
        "{\"include\": [\"src/app/**/*\", \"src/lib/*.ts\", \"src/main.ts\"]}",
        "{\"include\": [\"src/a*/x.ts\", \"src/app/main.ts\"]}",
        "{\"include\": [\"src/ap/**/*\", \"src/app/main.ts\"]}",
        "{\"files\": [\"src/app/main.ts\", \"src/lib/util.ts\"]}",
        "{\"include\": [\"src\", \"src/app/main.ts\"]}",
        "{\"include\": [\"**/*.ts\", \"index.ts\"]}",
        "{\"include\": [\"src/app/main.ts\"]}",
    ])
    func theCommonSourceDirectoryWithoutAWalkIsTheWalksOne(_ tsconfig: String) {
        let tree = VirtualFileTree([
            "tsconfig.json": tsconfig, "index.ts": "", "src/main.ts": "", "src/app/main.ts": "", "src/app/deep/x.ts": "",
            "src/lib/util.ts": "", "src/ap/y.ts": "", "src/ax/x.ts": "",
        ])
        let config = TSConfig.load("tsconfig.json", tree: tree) { path in
            tree.read(path).map { JSONLoader.load(SourceFile(path: path, bytes: $0), dialect: .jsonc) }
        }
        if let shortcut = TypeScriptBuild.commonSourceDirectoryWithoutWalking(of: config, tree: tree) {
            #expect(shortcut == TypeScriptBuild.commonSourceDirectory(of: config, tree: tree))
        }
    }

    /// Without `exclude`, tsc leaves out node_modules, bower_components and
    /// jspm_packages right in the config's directory, and outDir; with it, what it names.
    @Test(arguments: ["app", ""])
    func excludedDirectoriesAreNotCompiled(directory: String) {
        let prefix = directory.isEmpty ? "" : directory + "/"
        func config(_ json: String) -> TSConfig {
            let tree = VirtualFileTree([prefix + "tsconfig.json": json])
            return TSConfig.load(prefix + "tsconfig.json", tree: tree) { path in
                tree.read(path).map { JSONLoader.load(SourceFile(path: path, bytes: $0), dialect: .jsonc) }
            }
        }
        let defaults = config("{\"compilerOptions\": {\"outDir\": \"dist\"}}")
        for path in ["node_modules/a.ts", "bower_components/x/b.ts", "jspm_packages/c.ts", "dist/d.ts"] {
            #expect(!defaults.compiles(prefix + path), "\(path)")
        }
        for path in ["src/node_modules/a.ts", "node_modules2/a.ts", "src/a.ts", "jspm_packagesx.ts"] {
            #expect(defaults.compiles(prefix + path), "\(path)")
        }
        let explicit = config("{\"exclude\": [\"gen\"], \"compilerOptions\": {\"outDir\": \"dist\"}}")
        #expect(explicit.compiles(prefix + "node_modules/a.ts"))
        #expect(explicit.compiles(prefix + "dist/d.ts"))
        #expect(!explicit.compiles(prefix + "gen/e.ts"))
    }

    @Test func commonJSPrefersIndexJSOverIndexTS() {
        let graph = Self.graph(["Pulumi.yaml": "name: a\nruntime: nodejs\n", "index.js": "", "index.ts": ""])
        #expect(Self.loadedFile(graph) == "index.js")
    }

    @Test func esModulesFindIndexMJS() {
        let graph = Self.graph(["Pulumi.yaml": "name: a\nruntime: nodejs\n", "package.json": "{\"type\": \"module\"}", "index.mjs": ""])
        #expect(Self.loadedFile(graph) == "index.mjs")
    }

    @Test func commonJSDoesNotFindIndexMJS() {
        let graph = Self.graph(["Pulumi.yaml": "name: a\nruntime: nodejs\n", "package.json": "{}", "index.mjs": ""])
        #expect(Self.loadedFile(graph) == nil)
    }

    @Test func aMissingPackageMainFallsBackToTheDirectory() {
        let graph = Self.graph(["Pulumi.yaml": "name: a\nruntime: nodejs\n", "package.json": "{\"main\": \"gone.js\"}", "index.ts": ""])
        guard case .directory(let entry) = graph.nodeEntry else { Issue.record("expected a directory entry"); return }
        #expect(entry.packageCandidate?.status == .missing)
        #expect(entry.loadedFile == "index.ts")
    }

    @Test func exportsWinsOverMain() {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "package.json": "{\"main\": \"main.js\", \"exports\": {\".\": {\"require\": \"./cjs.js\", \"default\": \"./esm.js\"}}}",
            "esm.js": "", "main.js": "", "cjs.js": "",
        ])
        #expect(Self.loadedFile(graph) == "esm.js")
    }

    @Test func aFileMainIgnoresPackageJSON() {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: src/app.ts\n",
            "package.json": "{\"main\": \"gone.js\"}", "src/app.ts": "",
        ])
        #expect(Self.loadedFile(graph) == "src/app.ts")
        #expect(graph.programDirectory == "src")
        #expect(graph.packageEntryCandidate == nil)
    }

    @Test func buildOutputsFollowOutDirAndTheCommonSourceDirectory() {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: bin/tap.ts\n",
            "package.json": "{\"scripts\": {\"build\": \"tsc\"}}",
            "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\"}}",
            "bin/tap.ts": "", "lib/stack.ts": "", "lib/types.d.ts": "",
        ])
        #expect(graph.status(of: "dist/bin/tap.js", probing: false, anchor: "") == .buildOutput(source: "bin/tap.ts"))
        #expect(graph.status(of: "dist/tap.js", probing: false, anchor: "") == .missing)
        #expect(graph.status(of: "dist/bin/tap.mjs", probing: false, anchor: "") == .missing)
    }

    @Test func onlyStringValuesOfScriptsAreScripts() throws {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "package.json": "{\"scripts\": {\"a\": 1, \"b\": null, \"c\": \"tsc -p x\", \"d\": [\"jest\"], \"e\": true}}",
        ])
        let scripts = try #require(graph.packageScripts)
        #expect(scripts.scripts.map(\.name) == ["c"])
        #expect(scripts.invocations.map(\.name) == ["tsc"])
        #expect(!Node(.scalar(Scalar(text: "1", kind: .integer, style: .json)), span: Span(0, 1)).isString)
        #expect(Node(.scalar(Scalar(text: "1", kind: .string, style: .json)), span: Span(0, 3)).isString)
    }

    /// Every dependency field counts; of a field given twice, only the last (as JSON.parse keeps it), even when it is not an object.
    @Test func dependencyNamesComeFromTheLastOfEachDependencyField() throws {
        let json = """
            {"dependencies": {"early": "1"}, "devDependencies": {"dev": "1"}, "peerDependencies": {"peer": "1", "dev": "2"},
             "optionalDependencies": {"optional": "1"}, "bundledDependencies": ["bundled"], "notDependencies": {"not": "1"},
             "dependencies": {"late": "1", "other": "2"}, "devDependencies": "gone"}
            """
        let root = try #require(JSONLoader.load(SourceFile(path: "package.json", text: json)).root)
        #expect(PackageManifest.dependencyNames(of: root) == ["late", "other", "peer", "dev", "optional"])
    }

    @Test func theTsconfigThatTscDashPNamesIsTheOneUsed() {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "package.json": "{\"scripts\": {\"build\": \"rm -rf out && tsc -p config/build.json\"}}",
            "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\"}}",
            "config/build.json": "{\"compilerOptions\": {\"outDir\": \"../out\", \"rootDir\": \"../src\"}, \"include\": [\"../src\"]}",
            "src/index.ts": "",
        ])
        #expect(graph.status(of: "out/index.js", probing: false, anchor: "") == .buildOutput(source: "src/index.ts"))
        #expect(graph.status(of: "dist/src/index.js", probing: false, anchor: "") == .missing)
    }

    @Test func extendsIsFollowedWithPathsRelativeToTheBase() {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "base/tsconfig.base.json": "{\"compilerOptions\": {\"outDir\": \"../build\", \"rootDir\": \"../src\", \"noEmit\": true}}",
            "tsconfig.json": "// JSONC\n{\"extends\": \"./base/tsconfig.base\", \"compilerOptions\": {\"noEmit\": false,},}",
            "src/index.ts": "",
        ])
        #expect(graph.status(of: "build/index.js", probing: false, anchor: "") == .buildOutput(source: "src/index.ts"))
    }

    @Test func anUnresolvableExtendsDrawsNoConclusion() {
        let graph = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "tsconfig.json": "{\"extends\": \"@tsconfig/node20/tsconfig.json\"}",
            "src/index.ts": "",
        ])
        #expect(graph.status(of: "dist/index.js", probing: false, anchor: "") == .unknown)
    }

    @Test func noEmitAndExcludeAreHonoured() {
        let noEmit = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\", \"noEmit\": true}}", "index.ts": "",
        ])
        #expect(noEmit.status(of: "dist/index.js", probing: false, anchor: "") == .missing)
        let excluded = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\n",
            "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\", \"rootDir\": \".\"}, \"exclude\": [\"scripts\"]}",
            "index.ts": "", "scripts/seed.ts": "",
        ])
        #expect(excluded.status(of: "dist/scripts/seed.js", probing: false, anchor: "") == .missing)
        #expect(excluded.status(of: "dist/index.js", probing: false, anchor: "") == .buildOutput(source: "index.ts"))
    }

    @Test func theRuntimeTsconfigIsTheOptionsTargetOrTheProgramDirectorys() {
        let byOption = Self.graph([
            "Pulumi.yaml": "name: a\nruntime:\n  name: nodejs\n  options:\n    tsconfig: tsconfig.app.json\n",
            "index.ts": "", "tsconfig.json": "{}", "tsconfig.app.json": "{}",
        ])
        #expect(byOption.runtimeTSConfig?.path == "tsconfig.app.json")
        let byDirectory = Self.graph([
            "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: infra/index.ts\n",
            "tsconfig.json": "{}", "infra/index.ts": "", "infra/tsconfig.json": "{}",
        ])
        #expect(byDirectory.runtimeTSConfig?.path == "infra/tsconfig.json")
    }

    @Test func stackFilesComeFromStackConfigDirWithTheProjectsExtension() {
        let graph = Self.graph([
            "Pulumi.yml": "name: a\nruntime: go\nstackConfigDir: stacks\n",
            "stacks/Pulumi.dev.yml": "config: {}\n", "stacks/Pulumi.prod.yaml": "config: {}\n",
            "Pulumi.qa.yml": "config: {}\n",
        ])
        #expect(graph.stacks.map(\.stackName) == ["dev"])
        #expect(graph.misnamedStackFiles == ["stacks/Pulumi.prod.yaml"])
    }
}
