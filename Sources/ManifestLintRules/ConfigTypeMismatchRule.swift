import ManifestLintGraph

extension Rule {
    static let configTypeMismatch = Rule(
        id: "config-type-mismatch",
        severity: .error,
        summary: "A stack value that does not satisfy the type Pulumi.yaml declares for it.",
        rationale: """
            Pulumi checks stack values of typed keys before it runs, by its own rules: every stack value is a \
            string to it, so `"42"` is an integer and `4.5` is not; only `true` and `false` are booleans (`yes` \
            is not); an object must be a mapping, an array a list whose items have the item type. It stops with \
            "Stack 'dev' with configuration key 'k' must be of type 'integer'". Untyped keys are not checked.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "Stack 'dev' with configuration key 'k' must be of type 'integer'"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      replicas:
                        type: integer
                        default: 2
                      debug:
                        type: boolean
                      zones:
                        type: array
                        items:
                          type: string

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:replicas: ↓4.5
                      demo:debug: ↓yes
                      demo:zones: ↓[a, [b]]

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      replicas: ↓many
                      debug: "false"
                      zones: [a]

                    """#,
                "index.js": "",
            ], findings: [
                #"Stack 'dev' with configuration key 'replicas' must be of type 'integer'"#,
                #"Stack 'dev' with configuration key 'debug' must be of type 'boolean'"#,
                #"Stack 'dev' with configuration key 'zones' must be of type 'array<string>'"#,
                #"Stack 'prod' with configuration key 'replicas' must be of type 'integer'"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      db:
                        type: object
                      name:
                        type: string

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:db: ↓small
                      demo:name: ↓{first: a}

                    """#,
                "index.js": "",
            ], findings: [
                #"Stack 'dev' with configuration key 'db' must be of type 'object'"#,
                #"Stack 'dev' with configuration key 'name' must be of type 'string'"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      replicas:
                        type: integer
                      debug:
                        type: boolean
                      name:
                        type: string
                      db:
                        type: object
                      free: x

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:replicas: "42"
                      demo:debug: true
                      demo:name: 123
                      demo:db: {size: 1}
                      demo:free: [1, 2]

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      demo:replicas: 3
                      demo:debug: "true"
                      demo:name: prod
                      demo:db:
                        secure: AAABAGV4YW1wbGU=

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      replicas:
                        type: Integer

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:replicas: many

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let typed = graph.fact(ConfigDeclarations.self).filter { $0.isProjectKey && $0.validType != nil }
            guard !typed.isEmpty else { return }
            for (stack, entries) in graph.fact(StackConfigs.self) {
                for declaration in typed {
                    guard let type = declaration.validType, let entry = entries[declaration.fullKey],
                          !StackConfig.isSecure(entry.value),
                          !ConfigValueCheck.satisfies(entry.value, type: type, items: declaration.items) else { continue }
                    let fullType = ConfigValueCheck.fullTypeName(type, items: declaration.items)
                    findings.report("Stack '\(stack.stackName)' with configuration key '\(declaration.key)' must be of type '\(fullType)'",
                                    in: stack.file, at: entry.value.span.length > 0 ? entry.value.span : entry.key.span)
                }
            }
        })
}
