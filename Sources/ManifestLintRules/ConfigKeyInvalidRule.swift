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
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      ↓demo:db:password: x

                    """#,
                "index.js": "",
            ], findings: [
                #"could not parse 'demo:db:password' as a configuration key (configuration keys should be of the form `<namespace>:<name>`): the stack 'dev' does not load"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      aws:region: us-east-1
                      ↓aws:assumeRole:roleArn: arn

                    """#,
                "index.js": "",
            ], findings: [
                #"could not parse 'aws:assumeRole:roleArn' as a configuration key (configuration keys should be of the form `<namespace>:<name>`): the stack 'prod' does not load"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:config:legacy: x
                      demo:plain: y
                      unqualified: z

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:url: "https://example.com:8443"

                    """#,
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
