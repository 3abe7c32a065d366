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
                "Pulumi.yaml": "name: demo\nruntime: nodejs\ndescription: \"never closed\n↓",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.js": "",
                "Pulumi.dev.yaml": "config:\n  demo:region: us-west-2\n  demo:size: small↓: large\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n↓---\nname: other\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime:\n  name: nodejs\n  options:\n    typescript: false\ndescription: |\n  A literal block: with colons\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo # the project\nruntime: nodejs\n",
                "index.js": "",
                "Pulumi.dev.yaml": "config:\n  demo:flag: yes\n  demo:list: [a, b]\n  demo:anchor: &x {k: v}\n  demo:alias: *x\n",
            ]),
        ],
        check: { graph, findings in
            findings.reportSyntaxProblems(of: graph, in: [.yaml])
        })
}
