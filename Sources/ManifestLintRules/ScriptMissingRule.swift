import ManifestLintGraph

extension Rule {
    static let scriptMissing = Rule(
        id: "script-missing",
        severity: .error,
        summary: "A script runs another script that package.json does not define.",
        rationale: """
            `npm run X`, `npm test`, `npm start` and `pnpm run X` stop with "Missing script: X" when X is not in \
            scripts (npm start falls back to `node server.js` when server.js exists). yarn, pnpm and bun also run \
            a binary or a file of that name, so for them only a name that cannot be a command (with a colon) is \
            reported. `--if-present`, `--prefix` and workspace flags are respected.
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "npm error Missing script: \"X\""),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"build": "tsc", "deploy": "npm run ↓biuld && pulumi up"}}"#,
                "index.js": "",
            ], findings: [
                #"`npm run` runs the script 'biuld', which package.json does not define ("Missing script: biuld"); did you mean 'build'?"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"ci": "cross-env CI=1 npm ↓test && yarn run ↓lint:fix"}}"#,
                "index.js": "",
            ], findings: [
                #"`npm test` runs the script 'test', which package.json does not define ("Missing script: test")"#,
                #"`yarn run` runs the script 'lint:fix', which package.json does not define ("Missing script: lint:fix")"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"build": "tsc", "all": "npm run build && npm run --if-present lint && yarn jest && npm --prefix web run build && npm start"}}"#,
                "index.js": "",
                "server.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"pre": "npm run -s \"build\" -- --watch", "build": "bash -c 'npm run test'", "test": "node index.js"}}"#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for call in scripts.calls where !scripts.defines(call.target.text) {
                let name = call.target.text
                if call.requiresScript {
                    if name == "start", graph.tree.isFile(Path.join(scripts.package.directory, "server.js")) { continue }
                } else if !name.containsBytes(of: ":") {
                    continue
                }
                var message = "`\(call.tool)` runs the script '\(name)', which package.json does not define (\"Missing script: \(name)\")"
                if let suggestion = Suggestion.closest(to: name, among: scripts.scripts.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
                findings.report(message, in: scripts.package.file, at: call.target.span)
            }
        })
}
