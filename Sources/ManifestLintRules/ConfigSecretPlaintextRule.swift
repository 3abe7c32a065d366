import ManifestLintGraph

extension Rule {
    static let configSecretPlaintext = Rule(
        id: "config-secret-plaintext",
        severity: .error,
        summary: "A key Pulumi.yaml declares `secret: true` is stored in plain text in a stack file.",
        rationale: """
            For typed keys Pulumi stops with "Stack 'dev' with configuration key 'k' must be encrypted as it's \
            secret"; for untyped ones it does not check, but the value is in plain text in the repository all \
            the same (a warning). The value must be encrypted with the stack's secrets provider, which only \
            `pulumi config set --secret` can do: the fix is that command, shown, never applied.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "Stack 'dev' with configuration key 'k' must be encrypted as it's secret"),
        fixSafety: "The value must be encrypted with the stack's secrets provider, which only `pulumi config set --secret` can do: the fix shows the command and applies nothing.",
        displayOnlyFix: true,
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      dbPassword:
                        type: string
                        secret: true

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:dbPassword: ↓hunter2

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      dbPassword: ↓"s3cret"

                    """#,
                "index.js": "",
            ], findings: [
                #"Stack 'dev' with configuration key 'dbPassword' must be encrypted as it's secret"#,
                #"Stack 'prod' with configuration key 'dbPassword' must be encrypted as it's secret"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      apiToken:
                        secret: true

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:apiToken: ↓abc

                    """#,
                "index.js": "",
            ], findings: [
                #"'apiToken' is declared secret but stored in plain text in this stack file (Pulumi checks only typed keys, but the value is readable by anyone with the repository)"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      dbPassword:
                        type: string
                        secret: true

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:dbPassword:
                        secure: AAABADQXFlU0mxC8nqZxv9g=
                    encryptionsalt: v1:abc:def

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      dbPassword:
                        type: string
                        secret: false

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:dbPassword: not-secret

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let secrets = graph.fact(ConfigDeclarations.self).filter { $0.isProjectKey && $0.isSecret }
            guard !secrets.isEmpty else { return }
            for (stack, entries) in graph.fact(StackConfigs.self) {
                for declaration in secrets {
                    guard let entry = entries[declaration.fullKey], !StackConfig.isSecure(entry.value) else { continue }
                    let written = entry.name ?? declaration.fullKey
                    let command = "pulumi config set --secret --stack \(stack.stackName) \(written)"
                    let fix = Fix(.displayOnly, "Encrypt it: \(command) (it asks for the value)", [])
                    if declaration.validType != nil {
                        findings.report("Stack '\(stack.stackName)' with configuration key '\(declaration.key)' must be encrypted as it's secret",
                                        in: stack.file, at: entry.value.span.length > 0 ? entry.value.span : entry.key.span, fix: fix)
                    } else {
                        findings.report("'\(declaration.key)' is declared secret but stored in plain text in this stack file (Pulumi checks only typed keys, but the value is readable by anyone with the repository)",
                                        in: stack.file, at: entry.value.span.length > 0 ? entry.value.span : entry.key.span,
                                        severity: .warning, fix: fix)
                    }
                }
            }
        })
}
