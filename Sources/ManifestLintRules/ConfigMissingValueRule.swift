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
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  dbName:\n    type: string\n  dbUser:\n    type: string\n  region:\n    default: us-east-1\n",
                "Pulumi.dev.yaml": "↓config:\n  demo:dbName: app\n",
                "Pulumi.prod.yaml": "↓config:\n  aws:region: us-east-1\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  apiKey:\n    secret: true\n",
                "Pulumi.staging.yaml": "↓environment:\n  - demo/staging\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  dbName:\n    type: string\n  size: small\n  aws:region: us-east-1\n",
                "Pulumi.dev.yaml": "config:\n  dbName: app\n",
                "Pulumi.prod.yaml": "config:\n  demo:dbName: app-prod\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: ${PROJECT}\nruntime: nodejs\nconfig:\n  dbName:\n    type: string\n",
                "Pulumi.dev.yaml": "config: {}\n",
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
