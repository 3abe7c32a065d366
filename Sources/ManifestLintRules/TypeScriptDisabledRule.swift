import ManifestLintGraph

extension Rule {
    static let typeScriptDisabled = Rule(
        id: "typescript-disabled",
        severity: .error,
        summary: "The entry point is TypeScript but the runtime option `typescript` is false.",
        rationale: """
            With `typescript: false` Pulumi's Node.js host does not register ts-node: a .ts entry file fails \
            with a syntax error, and index.ts is not found by directory resolution. The bun runtime runs \
            TypeScript itself and ignores the option.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "SyntaxError (the .ts entry loaded as JavaScript), or no entry point found"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        typescript: false
                    main: ↓index.ts

                    """#,
                "index.ts": "",
            ], findings: [
                #"main 'index.ts' is TypeScript, but runtime option typescript is false, so ts-node is not registered and Node cannot load it"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        typescript: ↓false

                    """#,
                "index.ts": "",
            ], findings: [
                #"the only entry point is index.ts, but runtime option typescript is false, so ts-node is not registered and Node cannot load it"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: bun
                      options:
                        typescript: false

                    """#,
                "index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        typescript: false

                    """#,
                "index.js": "",
                "index.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard graph.runtime == "nodejs", !graph.project.typeScriptEnabled,
                  let option = graph.project.runtimeOption("typescript") else { return }
            let reason = "runtime option typescript is false, so ts-node is not registered and Node cannot load it"
            switch graph.nodeEntry {
            case .file(let path) where ModuleExtensions.isTypeScript(path):
                if let main = graph.mainReference {
                    findings.report("main '\(main.written)' is TypeScript, but \(reason)", in: main.file, at: main.node.span)
                }
            case .directory(let entry):
                if let loaded = entry.loadedFile, ModuleExtensions.isTypeScript(loaded),
                   let candidate = entry.packageCandidate {
                    findings.report("the entry point \(candidate.written) is TypeScript, but \(reason)",
                                    in: candidate.file, at: candidate.node.span)
                } else if entry.loadedFile == nil, let index = entry.blockedTypeScriptIndex {
                    findings.report("the only entry point is \(graph.describe(index)), but \(reason)",
                                    in: graph.project.file, at: option.value.span)
                }
            default:
                break
            }
        })
}
