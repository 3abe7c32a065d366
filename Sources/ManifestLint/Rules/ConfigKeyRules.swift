/// A stack config key split as Pulumi's config.ParseKey splits it.
struct ConfigKey {
    let namespace: String?
    let name: String

    /// nil when Pulumi cannot parse the key: more than one colon outside the
    /// legacy `<ns>:config:<name>` form.
    init?(_ key: String) {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            namespace = nil
            name = key
        case 2:
            namespace = String(parts[0])
            name = String(parts[1])
        case 3 where parts[1] == "config":
            namespace = String(parts[0])
            name = String(parts[2])
        default:
            return nil
        }
    }
}

extension Rule {
    static let configKeyInvalid = Rule(
        id: "config-key-invalid",
        severity: .error,
        summary: "A stack config key that Pulumi cannot parse.",
        rationale: """
            Pulumi parses each key as `<namespace>:<name>` (or the legacy `<namespace>:config:<name>`); any \
            other key with more than one colon fails the whole stack with "could not parse <key> as a \
            configuration key".
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  ↓demo:db:password: x\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.prod.yaml": "config:\n  aws:region: us-east-1\n  ↓aws:assumeRole:roleArn: arn\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:config:legacy: x\n  demo:plain: y\n  unqualified: z\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  demo:url: \"https://example.com:8443\"\n",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            for stack in graph.stacks {
                for entry in stack.configEntries {
                    guard let key = entry.name, ConfigKey(key) == nil else { continue }
                    findings.report("could not parse '\(key)' as a configuration key (configuration keys should be of the form `<namespace>:<name>`): the stack '\(stack.stackName)' does not load",
                                    in: stack.file, at: entry.key.span)
                }
            }
        })

    static let configKeyDuplicate = Rule(
        id: "config-key-duplicate",
        severity: .error,
        summary: "A stack sets both `key` and `<project>:key`.",
        rationale: """
            Pulumi namespaces a key without a colon with the project name, so `region` and `demo:region` are \
            the same key. Which of the two values wins is decided by Go's map order: at random.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  region: us-east-1\n  ↓demo:region: us-west-2\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: tap-stack\nruntime: nodejs\n",
                "Pulumi.prod.yaml": "config:\n  tap-stack:env: prod\n  ↓env: production\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  region: us-east-1\n  aws:region: us-west-2\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: ${PROJECT}\nruntime: nodejs\n",
                "Pulumi.dev.yaml": "config:\n  region: us-east-1\n  demo:region: us-west-2\n",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let project = graph.project.name, !graph.project.isTemplate else { return }
            for stack in graph.stacks {
                var seen: [String: String] = [:]
                for entry in stack.configEntries {
                    guard let key = entry.name, let parsed = ConfigKey(key) else { continue }
                    guard parsed.namespace == nil || parsed.namespace == project else { continue }
                    if let first = seen[parsed.name], first != key {
                        findings.report("'\(key)' and '\(first)' are the same key (\(project):\(parsed.name)); Pulumi keeps one of the two values at random",
                                        in: stack.file, at: entry.key.span)
                    } else {
                        seen[parsed.name] = key
                    }
                }
            }
        })
}
