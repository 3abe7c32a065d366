extension Rule {
    static let duplicateKey = Rule(
        id: "duplicate-key",
        severity: .error,
        summary: "A key appears twice in the same mapping.",
        rationale: """
            Pulumi's YAML reader (yaml.v3) rejects a mapping with a repeated key, so in Pulumi.yaml and the \
            stack files it is an error. JSON.parse keeps the last value silently, so in package.json and \
            tsconfig.json it is a warning: the first value is dead and whoever edits it is misled.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n↓name: other\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.js": "",
                "package.json": "{\n  \"name\": \"demo\",\n  \"scripts\": {\"test\": \"jest\", ↓\"test\": \"vitest\"}\n}\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.js": "",
                "Pulumi.dev.yaml": "config:\n  demo:name: a\n  aws:name: b\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.js": "",
                "package.json": "{\"name\": \"demo\", \"scripts\": {\"test\": \"jest\"}, \"jest\": {\"test\": true}}\n",
            ]),
        ],
        check: { graph, findings in
            for (file, problem, format) in graph.loadProblems(in: [.yaml, .json, .jsonc]) where problem.kind == .duplicateKey {
                findings.report(problem.message, in: file, at: problem.span, severity: format == .yaml ? .error : .warning)
            }
        })
}
