import ManifestLintGraph

extension Rule {
    static let duplicateKey = Rule(
        id: "duplicate-key",
        severity: .error,
        summary: "A key appears twice in the same mapping.",
        rationale: """
            Pulumi's YAML reader (yaml.v3) rejects a mapping with a repeated key, so in Pulumi.yaml and the \
            stack files it is an error. JSON.parse keeps the last value silently, so in package.json and \
            tsconfig.json a key repeated with another value is a warning: the first value is dead and whoever \
            edits it is misled. A key repeated with the same value loses nothing and is not reported.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "invalid YAML file: ... mapping key \"k\" already defined at line N; in JSON the first value silently has no effect"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    ↓name: other

                    """#,
                "index.js": "",
            ], findings: [
                #"mapping key 'name' is already defined at line 1"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "package.json": #"""
                    {
                      "name": "demo",
                      "scripts": {"test": "jest", ↓"test": "vitest"}
                    }

                    """#,
            ], findings: [
                #"key 'test' is already defined at line 3; JSON.parse keeps only this last one"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:name: a
                      aws:name: b

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "package.json": #"""
                    {"name": "demo", "scripts": {"test": "jest"}, "jest": {"test": true}}

                    """#,
            ]),
            // Repeated with the same value: JSON.parse gives the same object either way.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "package.json": #"""
                    {"name": "demo", "devDependencies": {"jest": "^29", "jest": "^29"}, "jest": {"roots": ["a"], "x": 1}, "jest": {"x": 1.0, "roots": ["a"]}}

                    """#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "package.json": #"""
                    {"name": "demo", "devDependencies": {"jest": "^29", ↓"jest": "^30"}, "jest": {"roots": ["a"]}, ↓"jest": {"roots": ["a", "b"]}}

                    """#,
            ], findings: [
                #"key 'jest' is already defined at line 1; JSON.parse keeps only this last one"#,
                #"key 'jest' is already defined at line 1; JSON.parse keeps only this last one"#,
            ]),
        ],
        check: { graph, findings in
            for (file, problem, format) in graph.loadProblems(in: [.yaml, .json, .jsonc]) where problem.kind == .duplicateKey {
                findings.report(problem.message, in: file, at: problem.span, severity: format == .yaml ? .error : .warning)
            }
        })
}
