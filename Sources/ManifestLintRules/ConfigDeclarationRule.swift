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
        fixSafety: "`type: String` becomes `string`, the spelling Pulumi accepts for the same type: safe. `default` becomes `value` for a key of another namespace: what Pulumi asks for, but it decides which value applies.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      instanceType:
                        type: ↓String
                        default: t3.micro

                    """#,
                "index.js": "",
            ], .safe, becomes: [
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      instanceType:
                        type: string
                        default: t3.micro

                    """#,
            ], findings: [
                #"#/config/instanceType/type: value must be one of "string", "integer", "boolean", "array", "object""#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      ratio: ↓1.5
                      ↓zones:
                        type: array
                      count:
                        type: integer
                        default: ↓"3"
                      ↓size:
                        default: small
                        value: large
                      price:
                        type: ↓number
                      tags: {↓team: a}

                    """#,
                "index.js": "",
            ], findings: [
                #"#/config/ratio: a shorthand value must be a string, integer, boolean or array, not a number with a fraction (quote it, or declare {type, default})"#,
                #"The configuration key 'zones' declares an array but does not specify the underlying type via the 'items' attribute"#,
                #"The default value specified for configuration key 'count' is not of the expected type 'integer'"#,
                #"project config 'size' cannot have both a 'default' and 'value' attribute"#,
                #"#/config/price/type: value must be one of "string", "integer", "boolean", "array", "object""#,
                #"#/config/tags: additionalProperties 'team' not allowed (a bare object must be wrapped as {value: ...})"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      aws:region:
                        ↓default: us-east-1
                      ↓gcp:project:
                        description: the project
                      azure:location:
                        ↓type: string
                        value: westeurope

                    """#,
                "index.js": "",
            ], findings: [
                #"Configuration key 'aws:region' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?"#,
                #"Configuration key 'gcp:project' is namespaced and must provide an attribute 'value'"#,
                #"Configuration key 'azure:location' is not namespaced by the project and should not define a type"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config:
                      env: dev
                      replicas: 3
                      debug: false
                      zones: [a, b]
                      cidrs:
                        type: array
                        items:
                          type: string
                        default: [10.0.0.0/16]
                      db:
                        type: object
                        default: {size: 10}
                      aws:region: us-west-2
                      gcp:project:
                        value: acme
                      demo:owner:
                        type: string
                        secret: true

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    config: stacks

                    """#,
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
