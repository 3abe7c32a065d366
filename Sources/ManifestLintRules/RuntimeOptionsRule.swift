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
            __main__.py; with `toolchain: uv` and no uv.lock, the nearest pyproject.toml needs a [project] section \
            unless a requirements.txt beside it gives one; with `toolchain: poetry`, a [tool.poetry] or [project] \
            section; `virtualenv` names a directory, never a file such as requirements.txt), go ("binary and buildTarget cannot both be specified", no go.mod). The yaml runtime \
            reads Pulumi.yaml (or Main.yaml) as the program, never Pulumi.yml. requiredPulumiVersion must be a \
            semver range. Unknown option keys are ignored silently, so one close to a known key is a warning.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "typescript option must be a boolean (or the language host's message for the option)"),
        fixSafety: "It renames a misspelled option (nodeArgs) to its one close match (nodeargs): the option then takes effect and changes how the program runs, which is the point but still a change.",
        examples: [
            // Python toolchains: uv needs a [project] section, Poetry one it can read; virtualenv is a directory.
            .triggering([
                "Pulumi.yaml": #"""
                    name: data
                    runtime:
                      name: python
                      options:
                        toolchain: ↓uv

                    """#,
                "pyproject.toml": "[tool.ruff]\nline-length = 100\n",
                "__main__.py": "import pulumi\n",
            ], findings: [
                #"pyproject.toml is missing a [project] section, which uv requires to install dependencies: `pulumi install` stops there"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: data
                    runtime:
                      name: python
                      options:
                        toolchain: ↓poetry
                        virtualenv: ↓requirements.txt

                    """#,
                "pyproject.toml": "[tool.black]\nline-length = 100\n",
                "requirements.txt": "pulumi>=3\n",
                "__main__.py": "import pulumi\n",
            ], findings: [
                #"pyproject.toml has neither a [tool.poetry] nor a [project] section: `poetry install` cannot read the project, and `pulumi install` stops there"#,
                #"virtualenv names the file requirements.txt: it is the virtual environment's directory, which Pulumi creates and installs into"#,
            ]),
            // Pulumi makes the [project] section from a requirements.txt beside the pyproject.toml, or a whole pyproject.toml when there is none.
            .clean([
                "Pulumi.yaml": #"""
                    name: data
                    runtime:
                      name: python
                      options:
                        toolchain: uv
                        virtualenv: .venv

                    """#,
                "pyproject.toml": "[tool.ruff]\nline-length = 100\n",
                "requirements.txt": "pulumi>=3\n",
                "__main__.py": "import pulumi\n",
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        typescript: ↓"false"
                        ↓packageManager: npm
                        packagemanager: ↓npm7

                    """#,
                "index.js": "",
            ], findings: [
                #"typescript option must be a boolean (true or false, unquoted), not a string"#,
                #"unknown nodejs runtime option 'packageManager' is ignored by Pulumi; did you mean 'packagemanager'?"#,
                #"packagemanager option must be one of auto, npm, yarn, pnpm or bun, got "npm7""#,
            ]),
            .fix([
                "Pulumi.yaml": "name: demo\r\nruntime: {name: nodejs, options: {↓nodeArgs: --inspect}}\r\n",
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.yaml": "name: demo\r\nruntime: {name: nodejs, options: {nodeargs: --inspect}}\r\n",
            ], findings: [
                #"unknown nodejs runtime option 'nodeArgs' is ignored by Pulumi; did you mean 'nodeargs'?"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: py
                    runtime:
                      name: python
                      options:
                        toolchain: ↓auto
                        virtualenv: ↓[venv]
                    main: ↓src/

                    """#,
                "src/app.py": "",
            ], findings: [
                #"unsupported toolchain option: auto (one of pip, poetry, uv)"#,
                #"virtualenv option must be a string, not an array"#,
                #"unable to find main python program `__main__.py` in `src`"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: go
                    runtime:
                      name: go
                      options:
                        binary: bin/app
                        ↓buildTarget: ./cmd
                    requiredPulumiVersion: ↓^3.100.0

                    """#,
                "main.go": "",
            ], findings: [
                #"binary and buildTarget cannot both be specified"#,
                #"parsing CLI version range "^3.100.0": requiredPulumiVersion must be a semver range such as ">=3.100.0" (npm's ^ and ~ are not understood)"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: g
                    runtime: ↓go

                    """#,
                "main.go": "",
            ], findings: [
                #"no go.mod file found in '.' or above it: the go language host cannot build the program"#,
            ]),
            .triggering([
                "Pulumi.yml": #"""
                    name: site
                    runtime: ↓yaml
                    resources: {}

                    """#,
            ], findings: [
                #"the yaml runtime reads its program from Main.json, Main.yaml or Pulumi.yaml, never Pulumi.yml: rename the project file to Pulumi.yaml"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: py
                    runtime:
                      name: python
                      options:
                        toolchain: uv
                        typechecker: pyright
                        virtualenv: .venv
                    requiredPulumiVersion: ">=3.100.0 <4.0.0 || 4.x"

                    """#,
                "__main__.py": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: svc
                    runtime: go
                    main: cmd/svc/

                    """#,
                "go.mod": #"""
                    module svc

                    """#,
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
        case "python":
            checkPythonProgram(&findings)
            checkPythonToolchain(&findings)
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

    /// What `pulumi install` needs of the toolchain (sdk/python/toolchain): uv
    /// without a uv.lock reads the nearest pyproject.toml above the program
    /// directory, and refuses one without a [project] section unless a
    /// requirements.txt beside it can make one (uv.go checkPyprojectHasProject,
    /// PrepareProject); Poetry installs from the nearest pyproject.toml, which
    /// needs a [tool.poetry] or a [project] section (with none, Pulumi makes one
    /// from requirements.txt). A virtualenv option naming a file is no directory.
    private func checkPythonToolchain(_ findings: inout Findings) {
        if let virtualenv = project.runtimeOption("virtualenv"), let written = virtualenv.value.string {
            let path = Path.join(graph.location.directory, written)
            if graph.tree.kind(of: path) == .file {
                findings.report("virtualenv names the file \(graph.describe(path)): it is the virtual environment's directory, which Pulumi creates and installs into",
                                in: file, at: virtualenv.value.span)
            }
        }
        guard let toolchain = project.runtimeOption("toolchain"), let name = toolchain.value.string, name == "uv" || name == "poetry" else { return }
        var directory: String? = graph.programDirectory
        while let current = directory {
            if name == "uv", graph.tree.isFile(Path.join(current, "uv.lock")) { return }
            let pyprojectPath = Path.join(current, "pyproject.toml")
            if let bytes = graph.tree.read(pyprojectPath) {
                let tables = Set(String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line -> String? in
                    let trimmed = line.drop { $0 == " " || $0 == "\t" }
                    guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[[") else { return nil }
                    return String(trimmed.dropFirst().prefix { $0 != "]" })
                })
                let hasProject = tables.contains("project")
                if name == "uv", !hasProject, !graph.tree.isFile(Path.join(current, "requirements.txt")) {
                    findings.report("\(graph.describe(pyprojectPath)) is missing a [project] section, which uv requires to install dependencies: `pulumi install` stops there",
                                    in: file, at: toolchain.value.span)
                }
                if name == "poetry", !hasProject, !tables.contains("tool.poetry") {
                    findings.report("\(graph.describe(pyprojectPath)) has neither a [tool.poetry] nor a [project] section: `poetry install` cannot read the project, and `pulumi install` stops there",
                                    in: file, at: toolchain.value.span)
                }
                return
            }
            directory = Path.parent(current)
        }
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
