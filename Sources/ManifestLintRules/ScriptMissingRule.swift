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
            reported. `--if-present` is respected. A script is looked up where the runner starts, as npm finds \
            its package: the nearest package.json from the directory a `cd DIR &&` moved to, or the one \
            `--prefix DIR`, `-C DIR`, `--dir`, `--cwd` or `-w PATH` names. After `cd` to a variable, `$(...)` or `-` \
            nothing more is checked; `--workspaces`, `--filter` and `-r` run many packages and are not followed.
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
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"test": "jest", "e2e": "cd packages/api && npm run ↓e2e", "api": "npm --prefix packages/api run ↓lint"}}"#,
                "packages/api/package.json": #"{"name": "api", "scripts": {"test": "jest"}}"#,
                "index.js": "",
            ], findings: [
                #"`npm run` runs the script 'e2e', which packages/api/package.json does not define ("Missing script: e2e")"#,
                #"`npm run` runs the script 'lint', which packages/api/package.json does not define ("Missing script: lint")"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"build": "tsc", "e2e": "cd packages/api && npm test", "e2e:ci": "npm -C packages/api run build", "docs": "cd docs && npm run build", "dyn": "cd $PKG && npm run anything", "back": "cd - && npm run other"}}"#,
                "packages/api/package.json": #"{"name": "api", "scripts": {"test": "jest", "build": "tsc"}}"#,
                "docs/README.md": "",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for invocation in scripts.invocations {
                // After `cd $DIR` (or `cd -`): where the runner starts is not known.
                guard let call = invocation.call, let directory = invocation.directory else { continue }
                var runDirectory = directory
                if let option = call.packageOption {
                    runDirectory = Path.join(directory, option.text)
                    // A workspace given by name, not by path: not resolved here.
                    if call.packageOptionIsWorkspace, graph.tree.kind(of: runDirectory) != .directory { continue }
                }
                // A directory that is not there is script-file-missing's (cd) or not ours (--prefix) to report.
                guard let target = graph.packageScripts(runningIn: runDirectory), !target.defines(call.target.text) else { continue }
                let name = call.target.text
                if call.requiresScript {
                    if name == "start", graph.tree.isFile(Path.join(target.package.directory, "server.js")) { continue }
                } else if !name.containsBytes(of: ":") {
                    continue
                }
                let manifest = target.package.directory == scripts.package.directory ? "package.json" : graph.describe(target.package.file.path)
                var message = "`\(call.tool)` runs the script '\(name)', which \(manifest) does not define (\"Missing script: \(name)\")"
                if let suggestion = Suggestion.closest(to: name, among: target.scripts.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
                findings.report(message, in: scripts.package.file, at: call.target.span)
            }
        })
}
