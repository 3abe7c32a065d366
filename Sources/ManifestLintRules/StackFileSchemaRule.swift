import ManifestLintGraph

extension Rule {
    static let stackFileSchema = Rule(
        id: "stack-file-schema",
        severity: .warning,
        summary: "A stack file key Pulumi ignores (a misspelling of a known one), or secrets it cannot decrypt.",
        rationale: """
            Pulumi reads secretsprovider, encryptedkey, encryptionsalt, config and environment from a stack \
            file and silently ignores anything else, so `secretsProvider` or `encryptionSalt` is lost. With a \
            self-managed (DIY) backend, `secure:` values need the file's encryptionsalt or secretsprovider to be \
            decrypted.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "the misspelled key is ignored; secure values cannot be decrypted"),
        fixSafety: "A key in other letter case (secretsProvider) becomes the one Pulumi reads, the setting it was evidently meant to be: safe. A misspelling further off is only probably that key.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    ↓secretsProvider: awskms://alias/pulumi
                    ↓encryptionSalt: v1:abc
                    config: {}

                    """#,
                "index.js": "",
            ], .safe, becomes: [
                "Pulumi.dev.yaml": #"""
                    secretsprovider: awskms://alias/pulumi
                    encryptionsalt: v1:abc
                    config: {}

                    """#,
            ], findings: [
                #"Pulumi ignores the stack file key 'secretsProvider'; did you mean 'secretsprovider'?"#,
                #"Pulumi ignores the stack file key 'encryptionSalt'; did you mean 'encryptionsalt'?"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    backend:
                      url: s3://acme-pulumi-state

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:token:
                        ↓secure: AAABAGV4YW1wbGU=
                      demo:other:
                        secure: AAABAGV4YW1wbGU=

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      demo:token:
                        secure: AAABAGV4YW1wbGU=
                    encryptionsalt: v1:abc:def

                    """#,
                "index.js": "",
            ], findings: [
                #"this stack file holds secure values but neither encryptionsalt nor secretsprovider, which the self-managed backend (s3://acme-pulumi-state) needs to decrypt them"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      demo:token:
                        secure: AAABAGV4YW1wbGU=
                    environment:
                      - demo/dev
                    notes: free text Pulumi ignores

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    backend:
                      url: file://~/.pulumi

                    """#,
                "Pulumi.dev.yaml": #"""
                    secretsprovider: passphrase
                    encryptedkey: abc
                    config:
                      demo:token:
                        secure: AAABAGV4YW1wbGU=

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let known = StackConfig.topLevelKeys
            let backend = graph.project.root?["backend"]?["url"]?.string ?? ""
            let selfManaged = ["file://", "s3://", "gs://", "azblob://"].contains { backend.hasPrefix($0) }
            for stack in graph.stacks where stack.document.parsed {
                guard let root = stack.document.root, let entries = root.entries else { continue }
                for entry in entries {
                    guard let key = entry.name, !known.contains(key), let suggestion = Suggestion.closest(to: key, among: known) else { continue }
                    let certain = suggestion.lowercased() == key.lowercased()
                    findings.report("Pulumi ignores the stack file key '\(key)'; did you mean '\(suggestion)'?", in: stack.file, at: entry.key.span,
                                    fix: .renamingKey(entry, to: suggestion, in: root, file: stack.file, certain ? .safe : .unsafe))
                }
                guard selfManaged, ["secretsprovider", "encryptionsalt", "encryptedkey"].allSatisfy({ root[$0] == nil }),
                      let secure = stack.config.first(where: { StackConfig.isSecure($0.entry.value) }),
                      let marker = secure.entry.value.entries?.first else { continue }
                findings.report("this stack file holds secure values but neither encryptionsalt nor secretsprovider, which the self-managed backend (\(backend)) needs to decrypt them",
                                in: stack.file, at: marker.key.span)
            }
        })
}
