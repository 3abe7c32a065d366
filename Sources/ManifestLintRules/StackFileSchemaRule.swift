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
        examples: [
            .fix([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "↓secretsProvider: awskms://alias/pulumi\n↓encryptionSalt: v1:abc\nconfig: {}\n",
                "index.js": "",
            ], .safe, becomes: [
                "Pulumi.dev.yaml": "secretsprovider: awskms://alias/pulumi\nencryptionsalt: v1:abc\nconfig: {}\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nbackend:\n  url: s3://acme-pulumi-state\n",
                "Pulumi.dev.yaml": "config:\n  demo:token:\n    ↓secure: AAABAGV4YW1wbGU=\n  demo:other:\n    secure: AAABAGV4YW1wbGU=\n",
                "Pulumi.prod.yaml": "config:\n  demo:token:\n    secure: AAABAGV4YW1wbGU=\nencryptionsalt: v1:abc:def\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:token:\n    secure: AAABAGV4YW1wbGU=\nenvironment:\n  - demo/dev\nnotes: free text Pulumi ignores\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nbackend:\n  url: file://~/.pulumi\n",
                "Pulumi.dev.yaml": "secretsprovider: passphrase\nencryptedkey: abc\nconfig:\n  demo:token:\n    secure: AAABAGV4YW1wbGU=\n",
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
