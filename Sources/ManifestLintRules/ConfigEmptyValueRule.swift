import ManifestLintGraph

extension Rule {
    static let configEmptyValue = Rule(
        id: "config-empty-value",
        severity: .warning,
        summary: "A stack config key with no value.",
        rationale: """
            `key:` with nothing after it (or `null`, `~`) is null. On every command Pulumi warns "No value for \
            configuration key \"k\". This is currently treated as an empty string `\"\"`, but will be treated \
            as `null` in a future version of pulumi. Set the value to `\"\"` to avoid this warning.", and the \
            program gets "" today and null later, where `config.require` fails. The fix writes `""`, as Pulumi \
            asks: the same value, without the warning. A template stack file (Pulumi.README.yaml, \
            Pulumi.example.yaml and the like) is copied, not deployed: its blanks are there to be filled in.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "No value for configuration key \"k\". This is currently treated as an empty string `\"\"`, but will be treated as `null` in a future version of pulumi."),
        fixSafety: "It writes `\"\"`, the value Pulumi reads for the empty key today: the program sees the same, and Pulumi stops warning.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": "config:\n  ↓demo:domain:\n  ↓demo:zone: # later\n  ↓demo:owner:\r\n  aws:region: us-east-1\n",
                "index.js": "",
            ], .safe, becomes: [
                "Pulumi.dev.yaml": "config:\n  demo:domain: \"\"\n  demo:zone: \"\" # later\n  demo:owner: \"\"\r\n  aws:region: us-east-1\n",
            ], findings: [
                #"No value for configuration key "demo:domain": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write "" (as Pulumi asks), or set the value"#,
                #"No value for configuration key "demo:zone": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write "" (as Pulumi asks), or set the value"#,
                #"No value for configuration key "demo:owner": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write "" (as Pulumi asks), or set the value"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      ↓demo:a: ~
                      ↓demo:b: null

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      ↓demo:a:

                    """#,
                "index.js": "",
            ], findings: [
                #"No value for configuration key "demo:a": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write "" (as Pulumi asks), or set the value"#,
                #"No value for configuration key "demo:b": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write "" (as Pulumi asks), or set the value"#,
                #"No value for configuration key "demo:a": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write "" (as Pulumi asks), or set the value"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:domain: ""
                      demo:list: []
                      demo:flag: false

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
                      demo:nested:
                        inner:

                    """#,
                "index.js": "",
            ]),
            // A template to copy (its README says so): the blanks are for the reader to fill in.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.README.yaml": #"""
                    config:
                      aws:region: us-east-1
                      # Set these if you bring your own IAM roles.
                      demo:roleArn:

                    """#,
                "Pulumi.example.yaml": #"""
                    config:
                      demo:domain:

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            for stack in graph.stacks where stack.document.parsed {
                // A template's blanks are for its reader to fill in (asked only of a stack with a null value).
                for config in stack.config where config.entry.value.isNull && !stack.isTemplate {
                    let key = config.name ?? "?"
                    findings.report("No value for configuration key \"\(key)\": Pulumi warns on every run that it is treated as an empty string today and will be null in a future version; write \"\" (as Pulumi asks), or set the value",
                                    in: stack.file, at: config.entry.key.span, fix: emptyString(for: config.entry, in: stack.file))
                }
            }
        })

    /// A safe fix: `""` for the null value, which Pulumi reads as "" today.
    private static func emptyString(for entry: MappingEntry, in file: SourceFile) -> Fix? {
        ScalarWriter.settingValue(of: entry, to: "\"\"", in: file).map { Fix(.safe, "Write \"\", as Pulumi asks", [.edit($0)]) }
    }
}
