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
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  replicas:\n    type: integer\n    default: 2\n  debug:\n    type: boolean\n  zones:\n    type: array\n    items:\n      type: string\n",
                "Pulumi.dev.yaml": "config:\n  demo:replicas: ↓4.5\n  demo:debug: ↓yes\n  demo:zones: ↓[a, [b]]\n",
                "Pulumi.prod.yaml": "config:\n  replicas: ↓many\n  debug: \"false\"\n  zones: [a]\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  db:\n    type: object\n  name:\n    type: string\n",
                "Pulumi.dev.yaml": "config:\n  demo:db: ↓small\n  demo:name: ↓{first: a}\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  replicas:\n    type: integer\n  debug:\n    type: boolean\n  name:\n    type: string\n  db:\n    type: object\n  free: x\n",
                "Pulumi.dev.yaml": "config:\n  demo:replicas: \"42\"\n  demo:debug: true\n  demo:name: 123\n  demo:db: {size: 1}\n  demo:free: [1, 2]\n",
                "Pulumi.prod.yaml": "config:\n  demo:replicas: 3\n  demo:debug: \"true\"\n  demo:name: prod\n  demo:db:\n    secure: AAABAGV4YW1wbGU=\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  replicas:\n    type: Integer\n",
                "Pulumi.dev.yaml": "config:\n  demo:replicas: many\n",
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
