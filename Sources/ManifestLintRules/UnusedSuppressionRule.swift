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
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: index.js ↓# manifest-lint: ignore[main-missing]

                    """#,
                "index.js": "",
            ], findings: [
                #"this suppression of 'main-missing' suppresses nothing; remove it"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    ↓# manifest-lint: ignore-file[config-namespace, no-such-rule]

                    """#,
                "index.js": "",
            ], findings: [
                #"this suppression names no rule: 'no-such-rule' (manifest-lint rules lists them)"#,
                #"this suppression of 'config-namespace' suppresses nothing; remove it"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/aws": "^6"}}"#,
                "index.js": #"""
                    const aws = require('@pulumi/aws');
                    ↓// manifest-lint-ignore nondeterministic-resource-name
                    new aws.s3.Bucket('b');

                    """#,
            ], findings: [
                #"this suppression of 'nondeterministic-resource-name' suppresses nothing; remove it"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/aws": "^6"}}"#,
                "index.js": #"""
                    const aws = require('@pulumi/aws');
                    // manifest-lint-ignore nondeterministic-resource-name -- a scratch bucket, replaced on purpose
                    new aws.s3.Bucket(`scratch-${Date.now()}`);
                    new aws.s3.Bucket(`logs-${Date.now()}`); /* manifest-lint-ignore nondeterministic-resource-name */

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    # manifest-lint: ignore[main-missing]
                    main: gone.js

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "Pulumi.dev.yaml": #"""
                    # manifest-lint: ignore-file[config-namespace]
                    config:
                      oldname:dbPassword: x # manifest-lint: ignore[config-namespace]
                      description: "# manifest-lint: ignore[main-missing] is only text in a string"

                    """#,
                "index.js": "",
            ]),
        ],
        check: { _, _ in
            // Reported by Linter.applySuppressions, once every other rule has run.
        })
}
