extension Rule {
    static let configEmptyValue = Rule(
        id: "config-empty-value",
        severity: .warning,
        summary: "A stack config key with no value.",
        rationale: """
            `key:` with nothing after it is null; Pulumi warns "No value for configuration key \"k\". This is \
            currently treated as an empty string" and passes "" to the program, which is rarely what was meant.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "No value for configuration key \"k\". This is currently treated as an empty string"),
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  ↓demo:domain:\n  aws:region: us-east-1\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  ↓demo:a: ~\n  ↓demo:b: null\n",
                "Pulumi.prod.yaml": "config:\n  ↓demo:a:\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:domain: \"\"\n  demo:list: []\n  demo:flag: false\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:nested:\n    inner:\n",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            for stack in graph.stacks where stack.document.parsed {
                for config in stack.config where config.entry.value.isNull {
                    let key = config.name ?? "?"
                    findings.report("No value for configuration key \"\(key)\". This is currently treated as an empty string \"\"",
                                    in: stack.file, at: config.entry.key.span)
                }
            }
        })
}
