import ManifestLintGraph

extension Rule {
    static let typescriptConfigMissing = Rule(
        id: "typescript-config-missing",
        severity: .error,
        summary: "A script runs `tsc` with no input files and no `-p`, and no tsconfig.json is in its directory or above.",
        rationale: """
            With no input files and no `-p`, tsc searches for tsconfig.json from the directory it runs in up to \
            the filesystem root (ts.findConfigFile). Finding none, it prints its version and usage ("Syntax: tsc \
            [options] [file...]") and exits 1, so the script fails. `tsc -p X` with a missing file or a folder \
            without tsconfig.json is reported by script-file-missing; `tsc --init`, `tsc --version` and \
            `tsc file.ts` need no tsconfig.json.
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "tsc prints \"Syntax: tsc [options] [file...]\" and exits 1"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"build": "↓tsc", "watch": "npx ↓tsc --watch --outDir build"}}"#,
                "index.ts": "",
            ], findings: [
                #"the script 'build' runs tsc with no input files and no -p, and there is no tsconfig.json here or in any folder above: tsc prints its usage and exits 1"#,
                #"the script 'watch' runs tsc with no input files and no -p, and there is no tsconfig.json here or in any folder above: tsc prints its usage and exits 1"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"build:web": "cd web && ↓tsc"}}"#,
                "web/index.ts": "",
                "index.ts": "",
            ], findings: [
                #"the script 'build:web' runs tsc in web with no input files and no -p, and there is no tsconfig.json there or in any folder above: tsc prints its usage and exits 1"#,
            ]),
            .clean([
                "infra/deploy/Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "infra/deploy/package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"build": "tsc"}}"#,
                "infra/deploy/index.ts": "",
                "tsconfig.json": "{}",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"init": "tsc --init", "one": "tsc index.ts --outDir out", "v": "tsc -v", "dyn": "tsc $FILES", "cd": "cd $DIR && tsc"}}"#,
                "index.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for invocation in scripts.invocations where invocation.readsNearestTSConfig {
                guard let directory = invocation.directory, directory == scripts.package.directory || graph.tree.kind(of: directory) == .directory,
                      !graph.hasFileAbove(named: "tsconfig.json", from: directory) else { continue }
                let place = directory == scripts.package.directory ? "here" : "there"
                let runsIn = directory == scripts.package.directory ? "" : " in \(graph.describe(directory))"
                findings.report("the script '\(invocation.scriptName)' runs tsc\(runsIn) with no input files and no -p, and there is no tsconfig.json \(place) or in any folder above: tsc prints its usage and exits 1",
                                in: scripts.package.file, at: invocation.words[0].span)
            }
        })
}
