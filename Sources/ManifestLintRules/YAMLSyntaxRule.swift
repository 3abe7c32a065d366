import ManifestLintGraph

extension Rule {
    static let yamlSyntax = Rule(
        id: "yaml-syntax",
        severity: .error,
        summary: "A Pulumi YAML file does not parse.",
        rationale: """
            Pulumi reads Pulumi.yaml and the stack files with Go's yaml.v3 and stops with "invalid YAML file" \
            on every command. Only the first document of a file is read: a second one (after `---`) is \
            silently ignored, so it is reported as a warning. Files over 10 MiB, with NUL bytes, nested more \
            than 256 levels or whose aliases expand without bound are refused.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "invalid YAML file: ... (every pulumi command stops)"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    description: "never closed
                    ↓
                    """#,
                "index.js": "",
            ], findings: [
                #"found unexpected end of stream (while scanning a quoted scalar)"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:region: us-west-2
                      demo:size: small↓: large

                    """#,
            ], findings: [
                #"mapping values are not allowed in this context"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    ↓---
                    name: other

                    """#,
                "index.js": "",
            ], findings: [
                #"a second YAML document starts here; Pulumi reads only the first one"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        typescript: false
                    description: |
                      A literal block: with colons

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo # the project
                    runtime: nodejs

                    """#,
                "index.js": "",
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:flag: yes
                      demo:list: [a, b]
                      demo:anchor: &x {k: v}
                      demo:alias: *x

                    """#,
            ]),
        ],
        check: { graph, findings in
            findings.reportSyntaxProblems(of: graph, in: [.yaml])
        })
}
