import ManifestLintGraph

extension Rule {
    static let configMissingValue = Rule(
        id: "config-missing-value",
        severity: .error,
        summary: "A stack does not set a configuration key that Pulumi.yaml declares without a default.",
        rationale: """
            Before `pulumi up` or `preview` does anything, Pulumi checks every project key declared without \
            `default` or `value` against the stack and stops with "Stack 'dev' is missing configuration value \
            'k'". A stack with an `environment:` may get the value from Pulumi ESC, so there it is a warning.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "Stack 'dev' is missing configuration value 'k'"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      dbName:
                        type: string
                      dbUser:
                        type: string
                      region:
                        default: us-east-1

                    """#,
                "Pulumi.dev.yaml": #"""
                    ↓config:
                      demo:dbName: app

                    """#,
                "Pulumi.prod.yaml": #"""
                    ↓config:
                      aws:region: us-east-1

                    """#,
                "index.js": "",
            ], findings: [
                #"Stack 'dev' is missing configuration value 'dbUser'"#,
                #"Stack 'prod' is missing configuration values 'dbName' and 'dbUser'"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      apiKey:
                        secret: true

                    """#,
                "Pulumi.staging.yaml": #"""
                    ↓environment:
                      - demo/staging

                    """#,
                "index.js": "",
            ], findings: [
                #"Stack 'staging' is missing configuration value 'apiKey' (its environment may set it: check the ESC environment)"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      dbName:
                        type: string
                      size: small
                      aws:region: us-east-1

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      dbName: app

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      demo:dbName: app-prod

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: ${PROJECT}
                    runtime: nodejs
                    config:
                      dbName:
                        type: string

                    """#,
                "Pulumi.dev.yaml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let required = graph.fact(ConfigDeclarations.self).filter { $0.isProjectKey && !$0.hasDefault && !$0.hasValue }
            guard !required.isEmpty else { return }
            for (stack, entries) in graph.fact(StackConfigs.self) {
                let missing = required.filter { entries[$0.fullKey] == nil }.map(\.key).sorted()
                guard !missing.isEmpty else { continue }
                let quoted = missing.map { "'\($0)'" }
                let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
                var message = "Stack '\(stack.stackName)' is missing configuration value\(missing.count == 1 ? "" : "s") \(list)"
                var severity = Severity.error
                if stack.hasEnvironment {
                    message += " (its environment may set \(missing.count == 1 ? "it" : "them"): check the ESC environment)"
                    severity = .warning
                }
                let root = stack.document.root
                let anchor = root?.entry("config")?.key.span ?? root?.entries?.first?.key.span ?? Span(0, 0)
                findings.report(message, in: stack.file, at: anchor, severity: severity)
            }
        })
}
