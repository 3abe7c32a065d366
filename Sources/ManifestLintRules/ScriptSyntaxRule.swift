import ManifestLintGraph

extension Rule {
    static let scriptSyntax = Rule(
        id: "script-syntax",
        severity: .warning,
        summary: "A package.json script that the linter cannot parse as a shell command line.",
        rationale: """
            npm runs each script with `sh -c`. A script with an unterminated quote or an unbalanced parenthesis \
            fails when it runs; one that uses shell syntax the linter does not follow (here-documents, `case`) \
            is not checked past that point. Either way the position says where.
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "sh: 1: Syntax error: Unterminated quoted string"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"deploy": "pulumi up --message ↓'unfinished"}}"#,
                "index.js": "",
            ], findings: [
                #"cannot parse the script 'deploy': unterminated single quote; the rest of it is not checked"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"clean": "rm -rf dist ↓)"}}"#,
                "index.js": "",
            ], findings: [
                #"cannot parse the script 'clean': unexpected `)`; the rest of it is not checked"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"x": "(cd infra && pulumi preview) || echo \"it's fine\""}}"#,
                "index.js": "",
                "infra/Pulumi.yaml": #"""
                    name: infra
                    runtime: yaml

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"up": "pulumi up --stack ${STACK:-dev} --yes 2>&1 | tee up.log"}}"#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for script in scripts.scripts {
                guard let error = script.error else { continue }
                if error.isLimit {
                    // sh runs it; only the checks stop there.
                    findings.report("the script '\(script.name)' has \(error.message); manifest-lint does not check it past here",
                                    in: scripts.package.file, at: Span(error.offset, error.offset + 1), severity: .warning)
                    continue
                }
                findings.report("cannot parse the script '\(script.name)': \(error.message); the rest of it is not checked",
                                in: scripts.package.file, at: Span(error.offset, error.offset + 1))
            }
        })
}
