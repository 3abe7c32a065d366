import ManifestLintGraph

extension Rule {
    /// The options of the tools that take globs whose next word is a value, not a pattern.
    static let scriptGlobUnmatched = Rule(
        id: "script-glob-unmatched",
        severity: .error,
        summary: "A glob given to prettier or eslint matches no file, so the tool fails.",
        rationale: """
            prettier ("No files matching the pattern were found") and eslint ("No files matching the pattern") \
            exit with an error when a pattern matches nothing, unless --no-error-on-unmatched-pattern is given. \
            Patterns are read as fast-glob reads them: braces, `**`, classes, dotfiles included, node_modules \
            never entered.
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "No files matching the pattern \"<pattern>\" were found"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"prettier": "^3"}, "scripts": {"format": "prettier --write ↓'lib/*.{ts,tsx}' ↓'bin/*.{ts,tsx}'"}}"#,
                "bin/tap.mjs": "",
                "lib/tap-stack.mjs": "",
            ], findings: [
                #"prettier fails in the script 'format': the pattern 'lib/*.{ts,tsx}' matches no file (relative to '.')"#,
                #"prettier fails in the script 'format': the pattern 'bin/*.{ts,tsx}' matches no file (relative to '.')"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"eslint": "^9"}, "scripts": {"lint": "cd infra && eslint ↓\"src/**/*.ts\" --max-warnings 0"}}"#,
                "index.js": "",
                "infra/src/index.js": "",
                "src/index.ts": "",
            ], findings: [
                #"eslint fails in the script 'lint': the pattern 'src/**/*.ts' matches no file (relative to 'infra')"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"prettier": "^3"}, "scripts": {"format": "prettier --write 'lib/*.{ts,mjs}' 'bin/**/*.mjs' '.github/*.yml' --ignore-path .gitignore"}}"#,
                "bin/tap.mjs": "",
                "lib/tap-stack.mjs": "",
                ".github/ci.yml": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"eslint": "^9", "prettier": "^3"}, "scripts": {"lint": "eslint 'test/**/*.ts' --no-error-on-unmatched-pattern && prettier --check '*.{json,md}' '!dist/**'"}}"#,
                "index.js": "",
                "package-lock.json": "{}",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            var searches = GlobSearches(tree: graph.tree)
            for invocation in scripts.invocations where !invocation.globPatterns.isEmpty {
                guard let directory = invocation.directory else { continue }
                for word in invocation.globPatterns where searches.matchesAnyFile(word.text, below: directory) == false {
                    findings.report("\(invocation.name) fails in the script '\(invocation.scriptName)': the pattern '\(word.text)' matches no file (relative to '\(graph.describe(directory))')",
                                    in: scripts.package.file, at: word.span)
                }
            }
        })
}
