import ManifestLintGraph

extension Rule {
    static let binMissing = Rule(
        id: "bin-missing",
        severity: .error,
        summary: "A package.json `bin` target does not exist.",
        rationale: """
            npm links each bin entry as a command; a target that is not there breaks `npx`, `npm link` and \
            installs of the package. Node's probing is followed (X, X.js, X/index.js, as publint does), and a \
            file that the project's TypeScript build emits counts as present.
            """,
        consequence: Consequence(command: "npx <name>, npm link, installing the package", outcome: "ENOENT: no such file or directory"),
        fixSafety: "It points the bin entry at the one file beside it with the same stem (or at what the build emits from it): likely, not certain, to be the command meant.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "bin": {"deploy": ↓"scripts/deploy.js"}}"#,
                "index.js": "",
            ], findings: [
                #"bin 'deploy' points to scripts/deploy.js, which does not exist (tried scripts/deploy.js, scripts/deploy.js.js and scripts/deploy.js/index.js)"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "@acme/demo", "bin": ↓"./cli"}"#,
                "index.js": "",
            ], findings: [
                #"bin 'demo' points to ./cli, which does not exist (tried ./cli, ./cli.js and ./cli/index.js)"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.ts

                    """#,
                "package.json": "{\n\t\"name\": \"demo\",\n\t\"bin\": {\"demo\": ↓\"src/cli.js\"},\n\t\"scripts\": {\"build\": \"tsc\"}\n}",
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist"}, "include": ["src"]}"#,
                "src/index.ts": "",
                "src/cli.ts": "",
            ], .unsafe, becomes: [
                "package.json": "{\n\t\"name\": \"demo\",\n\t\"bin\": {\"demo\": \"dist/cli.js\"},\n\t\"scripts\": {\"build\": \"tsc\"}\n}",
            ], findings: [
                #"bin 'demo' points to src/cli.js, which does not exist (tried src/cli.js, src/cli.js.js and src/cli.js/index.js)"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "bin": {"demo": "cli"}}"#,
                "cli/index.js": "",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.ts

                    """#,
                "package.json": #"{"name": "demo", "bin": {"demo": "dist/cli.js"}, "scripts": {"build": "tsc -p tsconfig.build.json"}}"#,
                "tsconfig.build.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "src"}}"#,
                "src/index.ts": "",
                "src/cli.ts": "",
            ]),
        ],
        check: { graph, findings in
            for bin in graph.binReferences where bin.status == .missing && graph.programNamedLike(bin.target) == nil {
                guard case .bin(let name) = bin.kind else { continue }
                let absence = graph.absence(of: NodeResolution.fileCandidates(bin.target))
                let tried = absence == "does not exist" ? " (tried \(bin.written), \(bin.written).js and \(bin.written)/index.js)" : ""
                let likely = graph.likelyTarget(for: bin.target, typeScriptLoads: false)
                findings.report("bin '\(name)' points to \(bin.written), which \(absence)\(tried)",
                                in: bin.file, at: bin.node.span, fix: likely.flatMap { graph.retarget(bin, to: $0, .unsafe) })
            }
        })
}
