import ManifestLintGraph

extension Rule {
    static let scriptFileMissing = Rule(
        id: "script-file-missing",
        severity: .error,
        summary: "A script runs or loads a local file that does not exist.",
        rationale: """
            `node X`, `ts-node X`, `tsx X`, `bash X`, `./X.sh` and the `-c`/`--config`/`-p` file of well-known tools \
            (jest, eslint, prettier, mocha, webpack, rollup, vite, vitest, tsc) fail when the file is not there, \
            relative to the directory the command runs in (`cd` followed). Node's extension probing is followed, \
            and a file that the package's TypeScript build emits counts as present.
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "Error: Cannot find module '<file>' (or the tool's own \"no such file\")"),
        fixSafety: "It names the one file beside the missing one with the same stem and another extension: the file the script evidently meant, and the only candidate.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"localstack:start": "↓./scripts/localstack-start.sh"}}"#,
                "bin/tap.mjs": "",
            ], findings: [
                #"the script 'localstack:start' runs ./scripts/localstack-start.sh, which does not exist"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"jest": "^29"}, "scripts": {"test": "cd test && jest --config ↓jest.config.js", "seed": "bash -c 'node ↓scripts/seed.js'"}}"#,
                "index.js": "",
                "jest.config.js": "",
            ], findings: [
                #"the script 'test' runs `jest` with jest.config.js, which does not exist"#,
                #"the script 'seed' runs `node` with scripts/seed.js, which does not exist"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"migrate": "node ↓scripts/migrate.js --dry-run"}}"#,
                "index.js": "",
                "scripts/migrate.mjs": "",
            ], .safe, becomes: [
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"migrate": "node scripts/migrate.mjs --dry-run"}}"#,
            ], findings: [
                #"the script 'migrate' runs `node` with scripts/migrate.js, which does not exist"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: api
                    runtime: nodejs
                    main: src/index.ts

                    """#,
                "package.json": #"{"name": "api", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"build": "tsc -p tsconfig.build.json", "start": "npm run build && node dist/server"}}"#,
                "tsconfig.build.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "src"}}"#,
                "src/index.ts": "",
                "src/server.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"a": "node -e \"require('./x')\" && node $SCRIPT && cd tools && node gen.js && sh -c 'exit 0'", "b": "node --require ./hook.js index"}}"#,
                "index.js": "",
                "hook.js": "",
                "tools/gen.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for missing in graph.fact(MissingScriptFiles.self) where missing.entryNamedLike(in: graph) == nil {
                let word = missing.argument.word
                let absence = graph.absence(of: missing.argument.candidates(missing.target))
                let runs = word.span == missing.invocation.words.first?.span ? word.text : "`\(missing.invocation.name)` with \(word.text)"
                let message = "the script '\(missing.invocation.scriptName)' runs \(runs), which \(absence)"
                var typeScriptLoads = false
                if case .program(let loads) = missing.argument.kind { typeScriptLoads = loads }
                let fix = graph.likelyTarget(for: missing.target, typeScriptLoads: typeScriptLoads).flatMap { likely in
                    graph.replacing(word, with: Path.relative(likely, from: missing.invocation.directory ?? ""), in: scripts.package.file, .safe)
                }
                findings.report(message, in: scripts.package.file, at: word.span, fix: fix)
            }
        })
}
