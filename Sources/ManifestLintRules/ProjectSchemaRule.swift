import ManifestLintGraph

extension Rule {
    static let projectSchema = Rule(
        id: "project-schema",
        severity: .error,
        summary: "Pulumi.yaml has a field that is missing, of the wrong type, or misspelled.",
        rationale: """
            Pulumi validates the project file against its schema on every command and stops with "could not \
            validate" (name missing or not a non-empty string; main not a string; backend keys other than url; \
            options.refresh other than `always`; runtime neither a string nor {name, options}). A runtime is \
            needed to run anything. Unknown top-level keys are silently ignored by Pulumi, so one that is close \
            to a known key is a warning with a suggestion. Runtime options are runtime-options' business, the \
            name's rules project-name's.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "could not validate 'Pulumi.yaml': ... (every pulumi command stops)"),
        fixSafety: "It renames a misspelled key to its one close match; but Pulumi keeps unknown top-level keys without a word, so the key may be a field of the user's own, and the rename changes what Pulumi reads.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    ↓runtime: nodejs
                    description: no name

                    """#,
                "index.js": "",
            ], findings: [
                #"project is missing a 'name' attribute"#,
            ]),
            .fix([
                "Pulumi.yaml": "name: demo\r\nruntime: {name: nodejs, options: {nodeArgs: --inspect}}\r\n↓descripton: \"typo\" # comment\r\n",
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.yaml": "name: demo\r\nruntime: {name: nodejs, options: {nodeArgs: --inspect}}\r\ndescription: \"typo\" # comment\r\n",
            ], findings: [
                #"unknown key 'descripton' is ignored by Pulumi; did you mean 'description'?"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ↓[index.js]
                    ↓descripton: typo
                    options:
                      refresh: ↓never

                    """#,
                "index.js": "",
            ], findings: [
                #"'main' must be a string or null, not an array"#,
                #"unknown key 'descripton' is ignored by Pulumi; did you mean 'description'?"#,
                #"options.refresh must be 'always', not 'never'"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: ↓""
                    runtime: ↓""
                    backend:
                      url: file://~
                      ↓name: x

                    """#,
                "index.js": "",
            ], findings: [
                #"project is missing a non-empty string 'name' attribute"#,
                #"the runtime name must be a non-empty string"#,
                #"'name' not allowed in backend; the only allowed attribute is 'url'"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        typescript: false
                        packagemanager: pnpm
                        nodeargs: --max-old-space-size=4096
                    description: null
                    backend:
                      url: s3://bucket
                    options:
                      refresh: always

                    """#,
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: ↓nodjs

                    """#,
                "index.js": "",
            ], findings: [
                #"unknown runtime 'nodjs': Pulumi will look for a plugin named pulumi-language-nodjs; did you mean 'nodejs'?"#,
            ]),
            // The engine downloads pulumi-language-hcl: hcl is a real runtime, not a misspelled pcl.
            .clean([
                "Pulumi.yaml": #"""
                    name: infra
                    runtime: hcl

                    """#,
                "main.tf": #"""
                    resource "random_pet" "p" {}

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: ${PROJECT}
                    description: ${DESCRIPTION}
                    runtime: yaml
                    variables:
                      x: 1
                    resources:
                      bucket:
                        type: aws:s3:Bucket
                    outputs:
                      name: ${bucket.id}

                    """#,
            ]),
        ],
        check: { graph, findings in
            ProjectSchema(graph: graph).check(&findings)
        })
}

/// The schema checks of Pulumi.yaml (reference §2, §3, §5, §8).
private struct ProjectSchema {
    let graph: ProjectGraph
    var project: PulumiProject { graph.project }
    var file: SourceFile { project.file }

    static let topLevelKeys: Set<String> = [
        "name", "runtime", "main", "description", "author", "website", "license", "config", "stackConfigDir",
        "backend", "options", "template", "packages", "plugins", "requiredPulumiVersion",
    ]
    static let yamlProgramKeys: Set<String> = ["resources", "variables", "outputs", "configuration"]
    /// The language plugins the CLI bundles (IsPluginBundled), and those the engine downloads
    /// on first use: pulumi-language-hcl (pulumi/pulumi tests/smoke/testdata/hcl_smoke).
    static let knownRuntimes: Set<String> = ["nodejs", "bun", "go", "python", "dotnet", "yaml", "java", "pcl", "hcl"]

    func check(_ findings: inout Findings) {
        guard project.document.parsed else { return } // yaml-syntax or json-syntax says why
        guard let top = project.document.root, !top.isNull else {
            findings.report("project is missing a 'name' attribute (the file is empty)", in: file, at: Span(0, 0))
            return
        }
        guard let root = project.root else {
            findings.report("the project file must be a mapping, not \(article(top.typeName))", in: file, at: top.span)
            return
        }
        checkName(root, &findings)
        checkRuntime(root, &findings)
        checkTypes(root, &findings)
        checkUnknownKeys(root, &findings)
    }

    private func checkName(_ root: Node, _ findings: inout Findings) {
        guard let entry = root.entry("name") else {
            var message = "project is missing a 'name' attribute"
            if let close = root.entries?.first(where: { Suggestion.closest(to: $0.name ?? "", among: ["name"]) != nil }) {
                message += "; found '\(close.name ?? "")' instead"
                findings.report(message, in: file, at: close.key.span, fix: .renamingKey(close, to: "name", in: root, file: file))
            } else {
                findings.report(message, in: file, at: Span(root.span.start, root.span.start))
            }
            return
        }
        if entry.value.string?.isEmpty ?? true {
            findings.report("project is missing a non-empty string 'name' attribute", in: file, at: entry.value.span)
        }
    }

    private func checkRuntime(_ root: Node, _ findings: inout Findings) {
        guard let entry = root.entry("runtime") else {
            findings.report("project is missing a 'runtime' attribute: no program can run without one",
                            in: file, at: Span(root.span.start, root.span.start))
            return
        }
        let runtime = entry.value
        var nameNode: Node?
        switch runtime.value {
        case .scalar:
            guard runtime.string != nil else {
                findings.report("runtime must be a string or a mapping with 'name' and 'options', not \(article(runtime.typeName))",
                                in: file, at: runtime.span)
                return
            }
            nameNode = runtime
        case .mapping(let entries):
            for key in entries where key.name != "name" && key.name != "options" {
                findings.report("'\(key.name ?? "?")' not allowed in runtime; the only allowed attributes are 'name' and 'options'",
                                in: file, at: key.key.span)
            }
            nameNode = runtime["name"]
            if nameNode == nil {
                findings.report("runtime is missing its 'name'", in: file, at: entry.key.span)
            }
            if let options = runtime["options"], options.entries == nil, !options.isNull {
                findings.report("runtime options must be a mapping, not \(article(options.typeName))", in: file, at: options.span)
            }
        case .sequence:
            findings.report("runtime must be a string or a mapping with 'name' and 'options', not an array", in: file, at: runtime.span)
            return
        }
        guard let nameNode else { return }
        guard let name = nameNode.string, !name.isEmpty else {
            findings.report("the runtime name must be a non-empty string", in: file, at: nameNode.span)
            return
        }
        // A known runtime is never "corrected" into another one; a suggestion only names a known runtime.
        guard Self.knownRuntimes.contains(name) else {
            let hint = Suggestion.closest(to: name, among: Self.knownRuntimes).map { "; did you mean '\($0)'?" } ?? ""
            findings.report("unknown runtime '\(name)': Pulumi will look for a plugin named pulumi-language-\(name)\(hint)",
                            in: file, at: nameNode.span, severity: .warning)
            return
        }
    }

    private func checkTypes(_ root: Node, _ findings: inout Findings) {
        for key in ["main", "description", "author", "website", "license", "stackConfigDir"] {
            if let value = root[key], value.string == nil, !value.isNull {
                findings.report("'\(key)' must be a string or null, not \(article(value.typeName))", in: file, at: value.span)
            }
        }
        if let config = root["config"], config.string == nil, config.entries == nil, !config.isNull {
            findings.report("'config' must be a mapping (or, deprecated, the stack config directory), not \(article(config.typeName))",
                            in: file, at: config.span)
        }
        if root["config"]?.string != nil, let stackConfigDir = root.entry("stackConfigDir") {
            findings.report("Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead.",
                            in: file, at: stackConfigDir.key.span)
        }
        if let backend = root["backend"], !backend.isNull {
            if let entries = backend.entries {
                for entry in entries where entry.name != "url" {
                    findings.report("'\(entry.name ?? "?")' not allowed in backend; the only allowed attribute is 'url'",
                                    in: file, at: entry.key.span)
                }
                if let url = backend["url"], url.string == nil {
                    findings.report("backend url must be a string, not \(article(url.typeName))", in: file, at: url.span)
                }
            } else {
                findings.report("'backend' must be a mapping, not \(article(backend.typeName))", in: file, at: backend.span)
            }
        }
        if let options = root["options"], !options.isNull {
            if let entries = options.entries {
                for entry in entries {
                    if entry.name == "refresh" {
                        if entry.value.string != "always" {
                            findings.report("options.refresh must be 'always', not '\(entry.value.scalar?.text ?? entry.value.typeName)'",
                                            in: file, at: entry.value.span)
                        }
                    } else {
                        findings.report("'\(entry.name ?? "?")' not allowed in options; the only allowed attribute is 'refresh'",
                                        in: file, at: entry.key.span)
                    }
                }
            } else {
                findings.report("'options' must be a mapping, not \(article(options.typeName))", in: file, at: options.span)
            }
        }
    }

    private func checkUnknownKeys(_ root: Node, _ findings: inout Findings) {
        var known = Self.topLevelKeys
        if project.runtimeName == "yaml" { known.formUnion(Self.yamlProgramKeys) }
        for entry in root.entries ?? [] {
            guard let key = entry.name, !known.contains(key) else { continue }
            if key.lowercased() == "name", root.entry("name") == nil { continue } // reported as the missing name
            if let suggestion = Suggestion.closest(to: key, among: known) {
                findings.report("unknown key '\(key)' is ignored by Pulumi; did you mean '\(suggestion)'?",
                                in: file, at: entry.key.span, severity: .warning, fix: .renamingKey(entry, to: suggestion, in: root, file: file))
            }
        }
    }

    private func article(_ typeName: String) -> String { Node.article(typeName) }
}
