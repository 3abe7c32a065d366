import ManifestLintGraph

extension Rule {
    static let mainMissing = Rule(
        id: "main-missing",
        severity: .error,
        summary: "Pulumi.yaml `main` names a path that does not exist.",
        rationale: """
            Before any language host runs, Pulumi joins `main` to the project directory and stats it; when \
            that fails it stops with "project 'main' could not be read", for every runtime. A path that the \
            project's TypeScript build emits counts as present: a file tsc compiles, or a directory of tsc's \
            outDir that mirrors a source directory (whether it will hold an index file is entry-point-missing's \
            business).
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "project 'main' could not be read: stat <path>: no such file or directory"),
        fixSafety: "It points main at the one file beside it with the same stem (or at what the build emits from it): most likely the program, but another program might have been meant.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ↓src/index.ts

                    """#,
                "index.ts": "",
            ], findings: [
                #"main 'src/index.ts' does not exist; Pulumi stops with "project 'main' could not be read""#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: python
                    main: ↓"app/"

                    """#,
                "__main__.py": "",
            ], findings: [
                #"main 'app/' does not exist; Pulumi stops with "project 'main' could not be read""#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ↓'src/index.js'

                    """#,
                "src/index.mjs": "",
            ], .unsafe, becomes: [
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: 'src/index.mjs'

                    """#,
            ], findings: [
                #"main 'src/index.js' does not exist; Pulumi stops with "project 'main' could not be read""#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/

                    """#,
                "src/index.ts": "",
            ]),
            // The directory tsc emits (outDir) counts as present; entry-point-missing says whether it will hold an index file.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: dist/

                    """#,
                "package.json": #"{"name": "demo", "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "lib"}}"#,
                "lib/index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: bin/index.js

                    """#,
                "package.json": #"{"name": "demo", "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "bin", "rootDir": "src"}}"#,
                "src/index.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard let main = graph.mainReference, main.status == .missing else { return }
            let typeScriptLoads = graph.runtime == "bun" || graph.project.typeScriptEnabled
            let likely = graph.isNodeRuntime ? graph.likelyTarget(for: main.target, typeScriptLoads: typeScriptLoads) : nil
            findings.report("main '\(main.written)' \(graph.absence(of: [main.target])); Pulumi stops with \"project 'main' could not be read\"",
                            in: main.file, at: main.node.span, fix: likely.flatMap { graph.retarget(main, to: $0, .unsafe) })
        })
}
