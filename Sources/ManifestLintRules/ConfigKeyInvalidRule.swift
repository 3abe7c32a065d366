import ManifestLintGraph

extension Rule {
    static let configKeyInvalid = Rule(
        id: "config-key-invalid",
        severity: .error,
        summary: "A stack config key that Pulumi cannot parse.",
        rationale: """
            Pulumi parses each key as `<namespace>:<name>` (or the legacy `<namespace>:config:<name>`); any \
            other key with more than one colon fails the whole stack with "could not parse <key> as a \
            configuration key".
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "could not parse <key> as a configuration key"),
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  ↓demo:db:password: x\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.prod.yaml": "config:\n  aws:region: us-east-1\n  ↓aws:assumeRole:roleArn: arn\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:config:legacy: x\n  demo:plain: y\n  unqualified: z\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:url: \"https://example.com:8443\"\n",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            for stack in graph.stacks {
                for config in stack.config {
                    guard let key = config.name, config.key == nil else { continue }
                    findings.report("could not parse '\(key)' as a configuration key (configuration keys should be of the form `<namespace>:<name>`): the stack '\(stack.stackName)' does not load",
                                    in: stack.file, at: config.entry.key.span)
                }
            }
        })
}
