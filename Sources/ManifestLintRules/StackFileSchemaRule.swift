import ManifestLintGraph

extension Rule {
    static let stackFileSchema = Rule(
        id: "stack-file-schema",
        severity: .warning,
        summary: "A top-level stack file key Pulumi drops (a config key outside `config:`, a misspelling), or secrets it cannot decrypt.",
        rationale: """
            Pulumi reads secretsprovider, encryptedkey, encryptionsalt, config and environment from a stack \
            file and drops anything else without a word: LoadProjectStackBytes \
            (sdk/go/common/workspace/loaders.go) unmarshals the file into ProjectStack, which has only those \
            five fields, with no check of unknown keys. So `secretsProvider` or `encryptionSalt` is lost, and a \
            config key written at the top level (`aws:region: us-west-2` beside `config:`, or every key of a \
            file that has no section at all) is not set: the program reads no value, and the provider falls \
            back to its default. That is an error; any other unknown key is a warning. With a self-managed \
            (DIY) backend, `secure:` values need the file's encryptionsalt or secretsprovider to be decrypted.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "the key is dropped: a config key outside config: is not set on the stack; secure values cannot be decrypted"),
        fixSafety: "A key in other letter case (secretsProvider) becomes the one Pulumi reads, the setting it was evidently meant to be: safe. A misspelling further off is only probably that key. Moving config keys under config: sets values that were not set before, which changes the deployment: unsafe.",
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
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    ↓aws:region: us-west-2 # where the bucket lives
                    config:
                    ↓demo:size: "3"

                    """#,
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.dev.yaml": #"""
                    config:
                      aws:region: us-west-2 # where the bucket lives
                      demo:size: "3"

                    """#,
            ], findings: [
                #"'aws:region' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no aws:region"#,
                #"'demo:size' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no demo:size"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      azure:environment: public
                    # the region
                    ↓azure:location: eastus
                    ↓azure:tags:
                      team: infra

                    """#,
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.dev.yaml": #"""
                    config:
                      azure:environment: public
                      azure:location: eastus
                      azure:tags:
                        team: infra
                    # the region

                    """#,
            ], findings: [
                #"'azure:location' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no azure:location"#,
                #"'azure:tags' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no azure:tags"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.prod.yaml": #"""
                    ↓instanceType: t3.large
                    ↓aws:region: eu-west-1

                    """#,
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.prod.yaml": #"""
                    config:
                      instanceType: t3.large
                      aws:region: eu-west-1

                    """#,
            ], findings: [
                #"'instanceType' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no instanceType"#,
                #"'aws:region' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no aws:region"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config: {}
                    ↓gcp:project: acme

                    """#,
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.dev.yaml": #"""
                    config:
                      gcp:project: acme

                    """#,
            ], findings: [
                #"'gcp:project' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no gcp:project"#,
            ]),
            .triggering([
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
                    ↓notes: free text Pulumi ignores

                    """#,
                "index.js": "",
            ], findings: [
                #"Pulumi ignores the stack file key 'notes': a stack file holds only config, environment, secretsprovider, encryptedkey and encryptionsalt"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    # settings
                    config:
                      aws:region: us-west-2
                      demo:size: "3"
                    environment:
                      - demo/dev

                    """#,
                "Pulumi.prod.yaml": #"{"config": {"aws:region": "eu-west-1"}, "encryptionsalt": "v1:abc"}"#,
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
                let unknown = entries.filter { $0.name.map { !known.contains($0) } ?? false }
                // With no section Pulumi reads, bare names too are config values written one level too high.
                let noSection = !unknown.isEmpty && unknown.count == entries.count
                let misplaced = unknown.filter { entry in
                    guard let key = entry.name, Suggestion.closest(to: key, among: known)?.lowercased() != key.lowercased() else { return false }
                    return key.contains(":") ? ConfigKey(key) != nil : noSection && Suggestion.closest(to: key, among: known) == nil
                }
                let move = misplaced.isEmpty ? nil : Fix.movingEntries(misplaced, under: "config", in: root, file: stack.file, .unsafe,
                                             misplaced.count == 1 ? "Move it under config:" : "Move the \(misplaced.count) config keys at the top level under config:")
                for entry in unknown {
                    guard let key = entry.name else { continue }
                    if misplaced.contains(where: { $0.key.span == entry.key.span }) {
                        findings.report("'\(key)' is a config key at the top level of the stack file, where Pulumi drops it: only the keys under config: are set, so the stack has no \(key)",
                                        in: stack.file, at: entry.key.span, severity: .error, fix: move)
                    } else if let suggestion = Suggestion.closest(to: key, among: known) {
                        let certain = suggestion.lowercased() == key.lowercased()
                        findings.report("Pulumi ignores the stack file key '\(key)'; did you mean '\(suggestion)'?", in: stack.file, at: entry.key.span,
                                        fix: .renamingKey(entry, to: suggestion, in: root, file: stack.file, certain ? .safe : .unsafe))
                    } else {
                        findings.report("Pulumi ignores the stack file key '\(key)': a stack file holds only config, environment, secretsprovider, encryptedkey and encryptionsalt",
                                        in: stack.file, at: entry.key.span)
                    }
                }
                guard selfManaged, ["secretsprovider", "encryptionsalt", "encryptedkey"].allSatisfy({ root[$0] == nil }),
                      let secure = stack.config.first(where: { StackConfig.isSecure($0.entry.value) }),
                      let marker = secure.entry.value.entries?.first else { continue }
                findings.report("this stack file holds secure values but neither encryptionsalt nor secretsprovider, which the self-managed backend (\(backend)) needs to decrypt them",
                                in: stack.file, at: marker.key.span)
            }
        })
}
