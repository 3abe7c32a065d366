import ManifestLintGraph

extension Rule {
    static let runtimeOptions = Rule(
        id: "runtime-options",
        severity: .error,
        summary: "A runtime option, or a runtime requirement, that the language host rejects.",
        rationale: """
            Each language host reads its own options when the program runs, and fails on a wrong type or \
            value: nodejs ("typescript option must be a boolean", "packagemanager option must be one of auto, \
            npm, yarn, pnpm or bun"), python ("unsupported toolchain option: X", a program directory without \
            __main__.py), go ("binary and buildTarget cannot both be specified", no go.mod). The yaml runtime \
            reads Pulumi.yaml (or Main.yaml) as the program, never Pulumi.yml. requiredPulumiVersion must be a \
            semver range. Unknown option keys are ignored silently, so one close to a known key is a warning.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "typescript option must be a boolean (or the language host's message for the option)"),
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime:\n  name: nodejs\n  options:\n    typescript: ↓\"false\"\n    ↓packageManager: npm\n    packagemanager: ↓npm7\n",
                "index.js": "",
            ]),
            .fix([
                "Pulumi.yaml": "name: demo\r\nruntime: {name: nodejs, options: {↓nodeArgs: --inspect}}\r\n",
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.yaml": "name: demo\r\nruntime: {name: nodejs, options: {nodeargs: --inspect}}\r\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: py\nruntime:\n  name: python\n  options:\n    toolchain: ↓auto\n    virtualenv: ↓[venv]\nmain: ↓src/\n",
                "src/app.py": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: go\nruntime:\n  name: go\n  options:\n    binary: bin/app\n    ↓buildTarget: ./cmd\nrequiredPulumiVersion: ↓^3.100.0\n",
                "main.go": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: g\nruntime: ↓go\n",
                "main.go": "",
            ]),
            .triggering([
                "Pulumi.yml": "name: site\nruntime: ↓yaml\nresources: {}\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: py\nruntime:\n  name: python\n  options:\n    toolchain: uv\n    typechecker: pyright\n    virtualenv: .venv\nrequiredPulumiVersion: \">=3.100.0 <4.0.0 || 4.x\"\n",
                "__main__.py": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: svc\nruntime: go\nmain: cmd/svc/\n",
                "go.mod": "module svc\n",
                "cmd/svc/main.go": "",
                "Pulumi.yml.bak": "",
            ]),
        ],
        check: { graph, findings in
            RuntimeOptions(graph: graph).check(&findings)
        })
}

/// The checks each language host makes of its options and program (reference §3, §5).
private struct RuntimeOptions {
    let graph: ProjectGraph
    var project: PulumiProject { graph.project }
    var file: SourceFile { project.file }

    enum OptionType {
        case boolean, string, choice([String])
    }

    /// The options each language host reads, with their types and Pulumi's names for them in messages.
    static let options: [String: [String: OptionType]] = {
        let node: [String: OptionType] = [
            "typescript": .boolean, "production": .boolean, "nodeargs": .string, "tsconfig": .string,
            "packagemanager": .choice(["auto", "npm", "yarn", "pnpm", "bun"]),
        ]
        return [
            "nodejs": node, "bun": node,
            "python": ["virtualenv": .string, "toolchain": .choice(["pip", "poetry", "uv"]), "typechecker": .choice(["mypy", "pyright"])],
            "go": ["binary": .string, "buildTarget": .string],
            "dotnet": ["binary": .string],
            "java": ["binary": .string],
            "yaml": ["compiler": .string],
        ]
    }()

    func check(_ findings: inout Findings) {
        guard let runtime = graph.runtime else { return }
        if let options = project.runtimeOptions, let known = Self.options[runtime] {
            checkOptions(options, known: known, runtime: runtime, &findings)
        }
        switch runtime {
        case "python": checkPythonProgram(&findings)
        case "go": checkGoModule(&findings)
        case "yaml": checkYAMLProgram(&findings)
        default: break
        }
        if let range = project.root?["requiredPulumiVersion"], !(range.string.map(SemverRange.isValid) ?? false) {
            findings.report("parsing CLI version range \"\(range.scalar?.text ?? range.typeName)\": requiredPulumiVersion must be a semver range such as \">=3.100.0\" (npm's ^ and ~ are not understood)",
                            in: file, at: range.span)
        }
    }

    private func checkOptions(_ options: Node, known: [String: OptionType], runtime: String, _ findings: inout Findings) {
        for option in options.entries ?? [] {
            guard let key = option.name else { continue }
            guard let type = known[key] else {
                if let suggestion = Suggestion.closest(to: key, among: known.keys) {
                    findings.report("unknown \(runtime) runtime option '\(key)' is ignored by Pulumi; did you mean '\(suggestion)'?",
                                    in: file, at: option.key.span, severity: .warning,
                                    fix: .renamingKey(option, to: suggestion, in: options, file: file))
                }
                continue
            }
            let value = option.value
            let shown = key == "tsconfig" ? "tsconfigpath" : key
            switch type {
            case .boolean where value.bool == nil:
                findings.report("\(shown) option must be a boolean (true or false, unquoted), not \(Node.article(value.typeName))", in: file, at: value.span)
            case .string where value.string == nil:
                findings.report("\(shown) option must be a string, not \(Node.article(value.typeName))", in: file, at: value.span)
            case .choice(let choices):
                guard let text = value.string else {
                    findings.report("\(shown) option must be a string, not \(Node.article(value.typeName))", in: file, at: value.span)
                    continue
                }
                guard !choices.contains(text) else { continue }
                let message: String
                if runtime == "python" {
                    message = "unsupported \(key) option: \(text) (one of \(choices.joined(separator: ", ")))"
                } else {
                    message = "\(key) option must be one of \(choices.dropLast().joined(separator: ", ")) or \(choices.last ?? ""), got \"\(text)\""
                }
                findings.report(message, in: file, at: value.span)
            default:
                break
            }
        }
        if runtime == "go", options["binary"] != nil, let target = options.entry("buildTarget") {
            findings.report("binary and buildTarget cannot both be specified", in: file, at: target.key.span)
        }
    }

    /// Where to point a finding about the program: main when set, else the runtime.
    private var programSpan: Span? {
        (project.main ?? project.runtimeNode.map { $0["name"] ?? $0 })?.span
    }

    private func checkPythonProgram(_ findings: inout Findings) {
        if let main = graph.mainReference, main.status != .exists || !graph.tree.isDirectory(main.target) { return }
        let directory = graph.programDirectory
        guard !graph.tree.isFile(Path.join(directory, "__main__.py")), let span = programSpan else { return }
        findings.report("unable to find main python program `__main__.py` in `\(graph.describe(directory))`", in: file, at: span)
    }

    private func checkGoModule(_ findings: inout Findings) {
        guard project.runtimeOption("binary") == nil, graph.mainReference?.status ?? .exists == .exists else { return }
        var current: String? = graph.programDirectory
        while let directory = current {
            if graph.tree.isFile(Path.join(directory, "go.mod")) { return }
            current = Path.parent(directory)
        }
        guard let span = programSpan else { return }
        findings.report("no go.mod file found in '\(graph.describe(graph.programDirectory))' or above it: the go language host cannot build the program",
                        in: file, at: span)
    }

    private func checkYAMLProgram(_ findings: inout Findings) {
        guard project.fileExtension == ".yml", let span = programSpan else { return }
        let directory = graph.programDirectory
        guard !graph.tree.isFile(Path.join(directory, "Main.yaml")), !graph.tree.isFile(Path.join(directory, "Main.json")) else { return }
        findings.report("the yaml runtime reads its program from Main.json, Main.yaml or Pulumi.yaml, never Pulumi.yml: rename the project file to Pulumi.yaml",
                        in: file, at: span)
    }
}
