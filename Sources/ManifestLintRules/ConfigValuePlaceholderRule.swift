import ManifestLintGraph

extension Rule {
    static let configValuePlaceholder = Rule(
        id: "config-value-placeholder",
        severity: .warning,
        summary: "A stack config value holds `${NAME}` or `$NAME`, which Pulumi takes literally.",
        rationale: """
            Pulumi does not expand environment variables in stack files: the config path reads each value as \
            the text it is (pulumi/pulumi has no os.ExpandEnv in pkg/ or sdk/go), so the program or the \
            provider receives `${AZURE_CLIENT_SECRET}` itself, as the secret. Only Pulumi ESC environments \
            interpolate. `$$` is an escaped dollar and is not reported, nor are `secure:` values, nor template \
            stack files (Pulumi.example.yaml and the like), where a placeholder is meant to be replaced. A value \
            with spaces is taken for a command line that a shell runs later (a container's startup command, \
            `streamlit run app.py --server.port $PORT`), where the reference is expanded then. Config keys \
            written at the top level of the file instead of under `config:` are read too.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "the program or provider receives the text ${NAME}, not the variable's value"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      azure:clientSecret: ↓${AZURE_CLIENT_SECRET}
                      demo:endpoint: "https://↓$API_HOST/v1"
                      demo:tags:
                        owner: ↓${USER}

                    """#,
                "index.js": "",
            ], findings: [
                #"azure:clientSecret is the text '${AZURE_CLIENT_SECRET}': Pulumi does not expand environment variables in stack files; set the value with `pulumi config set --secret azure:clientSecret`, or import it from a Pulumi ESC environment"#,
                #"demo:endpoint is the text '$API_HOST': Pulumi does not expand environment variables in stack files; set the value with `pulumi config set --secret demo:endpoint`, or import it from a Pulumi ESC environment"#,
                #"demo:tags is the text '${USER}': Pulumi does not expand environment variables in stack files; set the value with `pulumi config set --secret demo:tags`, or import it from a Pulumi ESC environment"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.prod.yaml": #"{"config": {"demo:databaseUrl": "postgres://↓${DB_USER}@db.internal/app", "demo:hosts": ["↓$PRIMARY_HOST", "replica"]}}"#,
                "index.js": "",
            ], findings: [
                #"demo:databaseUrl is the text '${DB_USER}': Pulumi does not expand environment variables in stack files; set the value with `pulumi config set --secret demo:databaseUrl`, or import it from a Pulumi ESC environment"#,
                #"demo:hosts is the text '$PRIMARY_HOST': Pulumi does not expand environment variables in stack files; set the value with `pulumi config set --secret demo:hosts`, or import it from a Pulumi ESC environment"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:pattern: ^[a-z]+$
                      demo:currency: US$
                      demo:template: "{{ .Values.name }}"
                      demo:shell: echo $(date)
                      demo:startup: streamlit run app.py --server.port $PORT

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:price: $5
                      demo:password: pa$sword
                      demo:hash: $apr1$xyz$abc
                      demo:escaped: $${NOT_A_VARIABLE}
                      demo:token:
                        secure: AAABAGV4YW1wbGU=

                    """#,
                "Pulumi.example.yaml": #"""
                    config:
                      azure:clientSecret: ${AZURE_CLIENT_SECRET}

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            // A file without a `$` holds no placeholder: most are passed over on one memchr.
            for stack in graph.stacks where stack.file.bytes.containsByte(UInt8(ascii: "$")) && stack.document.parsed && !stack.isTemplate {
                // Config keys at the top level too: stack-file-schema moves them under config:, where they are still literal.
                let topLevel = (stack.document.root?.entries ?? []).filter { $0.name?.contains(":") ?? false }
                for entry in stack.config.map(\.entry) + topLevel {
                    guard let key = entry.name, !StackConfig.isSecure(entry.value) else { continue }
                    for (node, placeholder) in Self.placeholders(in: entry.value) {
                        findings.report("\(key) is the text '\(placeholder.text)': Pulumi does not expand environment variables in stack files; set the value with `pulumi config set --secret \(key)`, or import it from a Pulumi ESC environment",
                                        in: stack.file, at: node.span(ofTextBytes: placeholder.range, in: stack.file) ?? node.span)
                    }
                }
            }
        })

    /// The placeholders in every string of a config value, `secure:` values left out.
    private static func placeholders(in value: Node) -> [(Node, EnvironmentPlaceholders.Placeholder)] {
        switch value.value {
        case .scalar:
            guard let text = value.string, !text.contains(where: \.isWhitespace) else { return [] }
            return EnvironmentPlaceholders.find(in: text).map { (value, $0) }
        case .sequence(let elements):
            return elements.flatMap { placeholders(in: $0) }
        case .mapping(let entries):
            return StackConfig.isSecure(value) ? [] : entries.flatMap { placeholders(in: $0.value) }
        }
    }
}
