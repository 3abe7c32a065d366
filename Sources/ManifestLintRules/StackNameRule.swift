import ManifestLintGraph

extension Rule {
    static let stackName = Rule(
        id: "stack-name",
        severity: .error,
        summary: "A stack file whose stack name Pulumi cannot parse.",
        rationale: """
            A stack name is at most 100 characters of [A-Za-z0-9_.-] (tokens.ParseStackName); Pulumi.<stack>.yaml \
            for any other name belongs to no stack Pulumi can create or select.
            """,
        consequence: Consequence(command: "pulumi stack select", outcome: "a stack name may only contain alphanumeric, hyphens, underscores, or periods"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.my stack.yaml": #"""
                    ↓config: {}

                    """#,
                "index.js": "",
            ], findings: [
                #"a stack name may only contain alphanumeric, hyphens, underscores, or periods: invalid character ' ' at position 2 of 'my stack'"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.prod+eu.yaml": #"""
                    ↓config:
                      demo:x: 1

                    """#,
                "index.js": "",
            ], findings: [
                #"a stack name may only contain alphanumeric, hyphens, underscores, or periods: invalid character '+' at position 4 of 'prod+eu'"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config: {}

                    """#,
                "Pulumi.prod.eu-west_1.yaml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.acme-dev.yaml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            for stack in graph.stacks {
                let name = stack.stackName
                let message: String
                if name.utf8.count > 100 {
                    message = "a stack name may not be longer than 100 characters"
                } else if let index = name.unicodeScalars.firstIndex(where: { !isProjectNameCharacter($0) }) {
                    let position = name.unicodeScalars.distance(from: name.unicodeScalars.startIndex, to: index)
                    message = "a stack name may only contain alphanumeric, hyphens, underscores, or periods: invalid character '\(name.unicodeScalars[index])' at position \(position) of '\(name)'"
                } else {
                    continue
                }
                findings.report(message, in: stack.file, at: Span(0, 0))
            }
        })
}
