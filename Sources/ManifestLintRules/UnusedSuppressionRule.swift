import ManifestLintGraph

extension Rule {
    public static let unusedSuppression = Rule(
        id: "unused-suppression",
        severity: .warning,
        summary: "A `# manifest-lint: ignore[...]` or `// manifest-lint-ignore ...` comment that suppresses nothing.",
        rationale: """
            A suppression outlives the finding it was written for: once the mistake is fixed (or the line \
            moved), it hides the next real one. Suppressions are `# manifest-lint: ignore[rule-id]` at the end \
            of a line or alone on the line above, and `# manifest-lint: ignore-file[rule-id]`; in JavaScript and \
            TypeScript, `// manifest-lint-ignore rule-id` at the end of a line or alone on the line above (a \
            reason may follow ` -- `). package.json cannot hold comments, so its findings are silenced per \
            path in .manifest-lint.yaml.
            """,
        consequence: Consequence(command: "manifest-lint check", outcome: "a later finding on that line is hidden"),
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: index.js ↓# manifest-lint: ignore[main-missing]\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n↓# manifest-lint: ignore-file[config-namespace, no-such-rule]\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/aws\": \"^6\"}}",
                "index.js": "const aws = require('@pulumi/aws');\n↓// manifest-lint-ignore nondeterministic-resource-name\nnew aws.s3.Bucket('b');\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/aws\": \"^6\"}}",
                "index.js": "const aws = require('@pulumi/aws');\n// manifest-lint-ignore nondeterministic-resource-name -- a scratch bucket, replaced on purpose\nnew aws.s3.Bucket(`scratch-${Date.now()}`);\nnew aws.s3.Bucket(`logs-${Date.now()}`); /* manifest-lint-ignore nondeterministic-resource-name */\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n# manifest-lint: ignore[main-missing]\nmain: gone.js\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "Pulumi.dev.yaml": "# manifest-lint: ignore-file[config-namespace]\nconfig:\n  oldname:dbPassword: x # manifest-lint: ignore[config-namespace]\n  description: \"# manifest-lint: ignore[main-missing] is only text in a string\"\n",
                "index.js": "",
            ]),
        ],
        check: { _, _ in
            // Reported by Linter.applySuppressions, once every other rule has run.
        })
}
