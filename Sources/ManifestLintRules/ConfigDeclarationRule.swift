import ManifestLintGraph

extension Rule {
    static let configDeclaration = Rule(
        id: "config-declaration",
        severity: .error,
        summary: "A `config:` entry in Pulumi.yaml that Pulumi rejects.",
        rationale: """
            Pulumi validates the project's config block on every command: the type must be one of string, \
            integer, boolean, array, object (case-sensitive: no `String`, no `number`); an array needs `items`; \
            `default` and `value` exclude each other; a default must have the declared type; a shorthand value \
            may be a string, integer, boolean or array, not a float, null or bare object; a key in another \
            namespace (aws:region) sets `value` and declares no `type` or `default`.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "could not validate (or could not unmarshal) 'Pulumi.yaml': ..."),
        examples: [
            .fix([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  instanceType:\n    type: ↓String\n    default: t3.micro\n",
                "index.js": "",
            ], .safe, becomes: [
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  instanceType:\n    type: string\n    default: t3.micro\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  ratio: ↓1.5\n  ↓zones:\n    type: array\n  count:\n    type: integer\n    default: ↓\"3\"\n  ↓size:\n    default: small\n    value: large\n  price:\n    type: ↓number\n  tags: {↓team: a}\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  aws:region:\n    ↓default: us-east-1\n  ↓gcp:project:\n    description: the project\n  azure:location:\n    ↓type: string\n    value: westeurope\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig:\n  env: dev\n  replicas: 3\n  debug: false\n  zones: [a, b]\n  cidrs:\n    type: array\n    items:\n      type: string\n    default: [10.0.0.0/16]\n  db:\n    type: object\n    default: {size: 10}\n  aws:region: us-west-2\n  gcp:project:\n    value: acme\n  demo:owner:\n    type: string\n    secret: true\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nconfig: stacks\n",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let file = graph.project.file
            for declaration in graph.fact(ConfigDeclarations.self) {
                ConfigDeclarationCheck(declaration: declaration, file: file).check(&findings)
            }
        })
}

private struct ConfigDeclarationCheck {
    let declaration: ConfigDeclaration
    let file: SourceFile
    var key: String { declaration.key }

    func check(_ findings: inout Findings) {
        guard let object = declaration.declaration else {
            checkShorthand(&findings)
            return
        }
        for entry in object.entries ?? [] where !ConfigDeclaration.properties.contains(entry.name ?? "") {
            findings.report("#/config/\(key): additionalProperties '\(entry.name ?? "?")' not allowed (a bare object must be wrapped as {value: ...})",
                            in: file, at: entry.key.span)
        }
        if let type = declaration.type {
            if let name = type.string, !ConfigDeclaration.types.contains(name) {
                let lowered = name.lowercased()
                let fix = ConfigDeclaration.types.contains(lowered) ? ScalarWriter.replacement(for: type, with: lowered).map {
                    Fix.replacing(type, in: file, with: $0, .safe, "Change '\(name)' to '\(lowered)'")
                } : nil
                findings.report("#/config/\(key)/type: value must be one of \"string\", \"integer\", \"boolean\", \"array\", \"object\"",
                                in: file, at: type.span, fix: fix)
            } else if type.string == nil {
                findings.report("#/config/\(key)/type: value must be one of \"string\", \"integer\", \"boolean\", \"array\", \"object\"",
                                in: file, at: type.span)
            }
        }
        if !declaration.isProjectKey {
            checkForeignKey(object, &findings)
            return
        }
        if declaration.validType == "array" && declaration.items == nil {
            findings.report("The configuration key '\(key)' declares an array but does not specify the underlying type via the 'items' attribute",
                            in: file, at: declaration.entry.key.span)
        }
        if object.entry("default") != nil, object.entry("value") != nil {
            findings.report("project config '\(key)' cannot have both a 'default' and 'value' attribute", in: file, at: declaration.entry.key.span)
        }
        if let type = declaration.validType, let defaultValue = object["default"],
           !ConfigValueCheck.defaultMatches(defaultValue, type: type, items: declaration.items) {
            findings.report("The default value specified for configuration key '\(key)' is not of the expected type '\(ConfigValueCheck.fullTypeName(type, items: declaration.items))'",
                            in: file, at: defaultValue.span)
        }
    }

    private func checkShorthand(_ findings: inout Findings) {
        let value = declaration.value
        switch value.scalar?.kind {
        case .float?:
            findings.report("#/config/\(key): a shorthand value must be a string, integer, boolean or array, not a number with a fraction (quote it, or declare {type, default})",
                            in: file, at: value.span)
        case .null?:
            findings.report("#/config/\(key): a shorthand value must be a string, integer, boolean or array, not null",
                            in: file, at: value.span.length > 0 ? value.span : declaration.entry.key.span)
        default:
            break
        }
    }

    private func checkForeignKey(_ object: Node, _ findings: inout Findings) {
        if let type = object.entry("type") {
            findings.report("Configuration key '\(key)' is not namespaced by the project and should not define a type", in: file, at: type.key.span)
        }
        if let defaultEntry = object.entry("default") {
            let fix = object.entry("value") == nil ? Fix.renamingKey(defaultEntry, to: "value", in: object, file: file) : nil
            findings.report("Configuration key '\(key)' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?",
                            in: file, at: defaultEntry.key.span, fix: fix)
        } else if object.entry("value") == nil {
            findings.report("Configuration key '\(key)' is namespaced and must provide an attribute 'value'", in: file, at: declaration.entry.key.span)
        }
    }
}
