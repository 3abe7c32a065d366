import ManifestLintGraph

extension Rule {
    static let scriptEntryMismatch = Rule(
        id: "script-entry-mismatch",
        severity: .error,
        summary: "A script runs the Pulumi program under another extension than the one that exists.",
        rationale: """
            `node bin/tap.js` while Pulumi.yaml runs bin/tap.mjs and only that file exists: the script and the \
            project disagree about the program, and the script fails. The fix points the script at the program \
            Pulumi runs.
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "Error: Cannot find module '<file>'"),
        fixSafety: "It makes the script run the program Pulumi runs: the same file both name, with the extension that exists.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"start": "NODE_ENV=dev node ↓bin/tap.js"}}"#,
                "bin/tap.mjs": "",
            ], .safe, becomes: [
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"start": "NODE_ENV=dev node bin/tap.mjs"}}"#,
            ], findings: [
                #"the script 'start' runs bin/tap.js, which does not exist; Pulumi.yaml main names bin/tap.mjs, which does"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs
                    main: src/main.ts

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"tsx": "^4"}, "scripts": {"dev": "cd src && tsx watch ↓main.js"}}"#,
                "src/main.ts": "",
            ], .safe, becomes: [
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"tsx": "^4"}, "scripts": {"dev": "cd src && tsx watch main.ts"}}"#,
            ], findings: [
                #"the script 'dev' runs main.js, which does not exist; Pulumi.yaml main names src/main.ts, which does"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"start": "node bin/tap.mjs"}}"#,
                "bin/tap.mjs": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"build": "tsc", "start": "node bin/tap.js"}}"#,
                "tsconfig.json": #"{"compilerOptions": {}}"#,
                "bin/tap.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for missing in graph.fact(MissingScriptFiles.self) {
                guard let program = missing.entryNamedLike(in: graph) else { continue }
                let word = missing.argument.word
                let message = "the script '\(missing.invocation.scriptName)' runs \(word.text), which \(graph.absence(of: [missing.target])); \(program.description) names \(graph.describe(program.path)), which does"
                let fix = graph.replacing(word, with: Path.relative(program.path, from: missing.invocation.directory ?? ""), in: scripts.package.file, .safe)
                findings.report(message, in: scripts.package.file, at: word.span, fix: fix)
            }
        })
}
