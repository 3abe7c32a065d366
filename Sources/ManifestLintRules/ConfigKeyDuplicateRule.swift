import ManifestLintGraph

extension Rule {
    static let configKeyDuplicate = Rule(
        id: "config-key-duplicate",
        severity: .error,
        summary: "A stack sets both `key` and `<project>:key`.",
        rationale: """
            Pulumi namespaces a key without a colon with the project name, so `region` and `demo:region` are \
            the same key. Which of the two values wins is decided by Go's map order: at random.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "one of the two values wins, at random"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      region: us-east-1
                      ↓demo:region: us-west-2

                    """#,
                "index.js": "",
            ], findings: [
                #"'demo:region' and 'region' are the same key (demo:region); Pulumi keeps one of the two values at random"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap-stack
                    runtime: nodejs

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      tap-stack:env: prod
                      ↓env: production

                    """#,
                "index.js": "",
            ], findings: [
                #"'env' and 'tap-stack:env' are the same key (tap-stack:env); Pulumi keeps one of the two values at random"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      region: us-east-1
                      aws:region: us-west-2

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: ${PROJECT}
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      region: us-east-1
                      demo:region: us-west-2

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let project = graph.project.name, !graph.project.isTemplate else { return }
            for stack in graph.stacks {
                var seen: [String: String] = [:]
                for config in stack.config {
                    guard let key = config.name, let parsed = config.key else { continue }
                    guard parsed.namespace == nil || parsed.namespace == project else { continue }
                    if let first = seen[parsed.name], first != key {
                        findings.report("'\(key)' and '\(first)' are the same key (\(project):\(parsed.name)); Pulumi keeps one of the two values at random",
                                        in: stack.file, at: config.entry.key.span)
                    } else {
                        seen[parsed.name] = key
                    }
                }
            }
        })
}
