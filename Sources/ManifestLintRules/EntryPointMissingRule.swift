import ManifestLintGraph

extension Rule {
    static let entryPointMissing = Rule(
        id: "entry-point-missing",
        severity: .error,
        summary: "Pulumi's Node.js host finds nothing to load.",
        rationale: """
            When `main` is absent or a directory, Pulumi's run.ts consults package.json `exports` and `main`, \
            then lets Node resolve the directory: index.js (and index.ts under ts-node) for CommonJS; \
            index.js, index.mjs, index.ts or index.mts for ES modules. With none of them the program fails \
            with "We failed to locate the entry point for your program".
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "We failed to locate the entry point for your program"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: ↓nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "src/index.ts": "",
            ], findings: [
                #"Pulumi finds no entry point in '.': no package.json main or exports, and none of index.js, index.json, index.node, index.ts exists"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                    main: ↓infra/

                    """#,
                "infra/stack.ts": "",
            ], findings: [
                #"Pulumi finds no entry point in 'infra': no package.json main or exports, and none of index.js, index.json, index.node, index.ts exists"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "main": "src/index.ts"}"#,
                "src/index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "type": "module"}"#,
                "index.mjs": "",
            ]),
            // main names the directory tsc emits, and lib/index.ts becomes dist/index.js in it.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: dist/

                    """#,
                "package.json": #"{"name": "demo", "scripts": {"build": "tsc"}, "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "lib"}}"#,
                "lib/index.ts": #"""
                    export const x = 1;

                    """#,
            ]),
            // The emitted directory would hold only stack.js: nothing for Node to load.
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ↓dist/

                    """#,
                "package.json": #"{"name": "demo", "scripts": {"build": "tsc"}, "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "lib"}}"#,
                "lib/stack.ts": #"""
                    export const x = 1;

                    """#,
            ], findings: [
                #"Pulumi will find no entry point in 'dist': the build emits it from 'lib', which holds no index file, so none of index.js, index.json, index.node, index.ts will exist, and package.json names no main or exports"#,
            ]),
        ],
        check: { graph, findings in
            guard case .directory(let entry) = graph.nodeEntry, entry.loadedFile == nil,
                  entry.blockedTypeScriptIndex == nil, entry.packageCandidate == nil else { return }
            let directory = graph.describe(entry.programDirectory)
            let tried = entry.triedNames.filter { $0.hasPrefix("index.") }.joined(separator: ", ")
            var message = "Pulumi finds no entry point in '\(directory)': no package.json main or exports, and none of \(tried) exists"
            if let source = entry.emittedFrom {
                message = "Pulumi will find no entry point in '\(directory)': the build emits it from '\(graph.describe(source))', which holds no index file, so none of \(tried) will exist, and package.json names no main or exports"
            }
            let unstaged = entry.triedNames.map { Path.join(entry.programDirectory, $0) }.first { graph.tree.absenceNote($0) != nil }
            if let unstaged, let note = graph.tree.absenceNote(unstaged) {
                message += " in this commit: \(graph.tree.displayPath(unstaged)) \(note)"
            }
            if let main = graph.mainReference {
                findings.report(message, in: main.file, at: main.node.span)
            } else if let runtime = graph.project.runtimeNode {
                findings.report(message, in: graph.project.file, at: (runtime["name"] ?? runtime).span)
            }
        })
}
