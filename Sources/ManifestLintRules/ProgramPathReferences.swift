import ManifestLintGraph

/// A path the program opens while `pulumi up` runs (ProgramPathUse), folded
/// and resolved where Pulumi resolves it, with what is there.
struct ProgramPathReference {
    enum Status {
        case present
        /// Nothing there. `candidates`: where the same path does exist, from
        /// the directories the author may have meant (the project directory,
        /// the module's own, the source's beside a build output).
        case missing(candidates: [String])
        /// Present only with other letter case.
        case caseMismatch(actual: String)
        /// A directory where a file is read (or the other way round).
        case wrongKind(isDirectory: Bool)
        /// Absent now, but a build (tsc, a script) may make it, or git ignores it: not judged.
        case mayBeBuilt
        /// A Dockerfile whose build context is missing: the context's finding says it.
        case contextMissing
    }

    var use: ProgramPathUse
    var folded: FoldedPath
    /// The tree path it resolves to.
    var target: String
    /// The directory a relative path resolves from: Pulumi's working
    /// directory, or the module's own for `require`.
    var base: String
    /// The file Node runs for the module (its `__dirname` is this file's directory).
    var runningFile: String?
    var status: Status

    /// The literal's prefix (Python's r, b ...), quote and text, when the
    /// path is one plain literal in single quotes of either kind.
    private var literalParts: (prefix: String, quote: Character, text: String)? {
        guard let literal = folded.literal, let parts = StringLiteral.parts(use.file.text(literal)) else { return nil }
        return (parts.prefix, parts.quote, parts.body)
    }

    /// The literal's text, without prefix and quotes.
    var literalText: String? { literalParts?.text }

    /// Rewrites the literal to reach `target` from where it is resolved,
    /// keeping its prefix, its quotes and a leading "./"; nil unless the path is one plain literal.
    func retargeted(to target: String, _ applicability: Applicability) -> Fix? {
        guard let literal = folded.literal, !folded.isResolved, let parts = literalParts else { return nil }
        var replacement = Path.relative(target, from: base)
        if parts.text.hasPrefix("./"), !replacement.hasPrefix("../") { replacement = "./" + replacement }
        guard !replacement.isEmpty, !replacement.contains("\\"), !replacement.contains(parts.quote), !replacement.contains("{") else { return nil }
        let quote = String(parts.quote)
        return Fix(applicability, "Change '\(parts.text)' to '\(replacement)'",
                   [.edit(TextEdit(path: use.file.path, span: literal, replacement: parts.prefix + quote + replacement + quote))])
    }
}

/// The program paths of a Node.js or Python project, resolved once for the
/// rules that report them (asset-path-missing, path-case-mismatch).
enum ProgramPathReferences: ProjectFact {
    /// Each module's path uses, with the file that runs for it.
    private typealias ModuleUses = (uses: [ProgramPathUse], runningFile: String?, source: ProgramSource)

    static func compute(for graph: ProjectGraph) -> [ProgramPathReference] {
        let perModule: [ModuleUses]
        // A program that changes its directory resolves relative paths from wherever it went: those are not judged.
        let keepsDirectory: Bool
        if graph.isPythonRuntime {
            let modules = graph.pythonSources.reachable(from: graph.pythonEntryFiles)
            keepsDirectory = !modules.contains(where: PythonProgramPaths.changesDirectory)
            perModule = modules.map { (PythonProgramPaths.uses(in: $0), $0.file.path, .python($0)) }
        } else if graph.isNodeRuntime {
            let sources = graph.programSourceFiles
            guard !sources.isEmpty else { return [] }
            let runsBuildOutput = graph.runsBuildOutput
            let modules = graph.programSources.reachable(from: sources)
            keepsDirectory = !modules.contains(where: ProgramPaths.changesDirectory)
            perModule = modules.map { module in
                let uses = ProgramPaths.uses(in: module)
                return (uses, uses.isEmpty ? nil : graph.runningFile(ofSource: module.file.path, runsBuildOutput: runsBuildOutput),
                        .javaScript(module))
            }
        } else {
            return []
        }
        // Worked out only for a path that is missing (they read the scripts and every literal): most paths are there.
        var builds: BuildProducts?
        var written: Set<String>?
        var references: [ProgramPathReference] = []
        for (uses, runningFile, _) in perModule where !uses.isEmpty {
            let moduleDirectory = Path.parent(uses[0].file.path) ?? ""
            for use in uses {
                guard let folded = fold(use.argument, of: use, runningFile: runningFile, graph: graph),
                      keepsDirectory || folded.isResolved || use.kind == .dataRequire else { continue }
                let base = use.kind == .dataRequire ? moduleDirectory : graph.programDirectory
                let target = folded.isResolved ? folded.path : Path.join(base, folded.path)
                // What lies outside the project may differ on the machine that deploys: not judged.
                guard Path.isInside(target, graph.location.directory) else { continue }
                var reference = ProgramPathReference(use: use, folded: folded, target: target, base: base, runningFile: runningFile,
                                                     status: .present)
                reference.status = status(of: reference, graph: graph) { target in
                    if builds == nil { builds = BuildProducts(graph) }
                    if written == nil { written = pathsNamedElsewhere(in: perModule, graph: graph) }
                    return builds?.mayBuild(target) ?? true || written?.contains(target) ?? true
                }
                references.append(reference)
            }
        }
        return references
    }

    /// The paths the program's string literals name, other than the literals
    /// it reads from: a path the program also names elsewhere is one it may
    /// make itself (`ZipFile('files/app.zip', 'w')`, an archiver, a template it renders), and is not judged.
    private static func pathsNamedElsewhere(in perModule: [ModuleUses], graph: ProjectGraph) -> Set<String> {
        var paths = Set<String>()
        for (uses, _, source) in perModule {
            let reads = Set(uses.map { $0.span })
            for span in source.stringLiterals where !reads.contains(span) {
                guard let text = StringLiteral.parts(source.file.text(span))?.body else { continue }
                // A bare word ("app", "lambda") is as often a resource's name as a path: only what looks like a path counts.
                guard !text.isEmpty, !text.contains("\\"), text.count < 1_000, text.contains("/") || text.contains(".") else { continue }
                paths.insert(Path.join(graph.programDirectory, text))
            }
        }
        return paths
    }

    /// A path expression of the use's module, folded as its language reads it.
    private static func fold(_ range: Range<Int>, of use: ProgramPathUse, runningFile: String?, graph: ProjectGraph) -> FoldedPath? {
        switch use.source {
        case .javaScript(let module):
            return PathFolder(module: module, runningFile: runningFile, workingDirectory: graph.programDirectory).fold(range)
        case .python(let module):
            return PythonPathFolder(module: module, workingDirectory: graph.programDirectory).fold(range)
        }
    }

    private static func status(of reference: ProgramPathReference, graph: ProjectGraph,
                               mayBuild: (String) -> Bool) -> ProgramPathReference.Status {
        let tree = graph.tree
        let use = reference.use
        switch tree.kind(of: reference.target) {
        case .directory:
            if use.kind == .fileAsset || use.kind == .fileRead(directory: false) { return .wrongKind(isDirectory: true) }
            return .present
        case .file:
            if use.kind == .dockerContext || use.kind == .fileRead(directory: true) { return .wrongKind(isDirectory: false) }
            return .present
        case .missing:
            break
        }
        if case .dockerfile(let contextRange) = use.kind, let contextRange,
           let context = fold(contextRange, of: use, runningFile: reference.runningFile, graph: graph) {
            // Docker provider versions differ on what a relative Dockerfile is relative to: the context is tried too.
            let contextDirectory = context.isResolved ? context.path : Path.join(graph.programDirectory, context.path)
            guard tree.exists(contextDirectory) else { return .contextMissing }
            if !reference.folded.isResolved, tree.exists(Path.join(contextDirectory, reference.folded.path)) { return .present }
        }
        if let actual = tree.caseInsensitiveMatch(for: reference.target, below: graph.location.directory) { return .caseMismatch(actual: actual) }
        if mayBuild(reference.target) { return .mayBeBuilt }
        return .missing(candidates: candidates(for: reference, graph: graph))
    }

    /// Where the path does exist when read from a directory the author may
    /// have had in mind: for a relative path, the project directory, the
    /// module's directory and the directories between the working directory
    /// and the project's; for `__dirname` beside a build output, the source's directory.
    private static func candidates(for reference: ProgramPathReference, graph: ProjectGraph) -> [String] {
        var found: [String] = []
        func consider(_ path: String) {
            if path != reference.target, Path.isInside(path, graph.location.directory), graph.tree.exists(path), !found.contains(path) {
                found.append(path)
            }
        }
        let moduleDirectory = Path.parent(reference.use.file.path) ?? ""
        if !reference.folded.isResolved {
            var bases = [graph.location.directory, moduleDirectory]
            var directory = Path.parent(reference.base)
            while let current = directory, Path.isInside(current, graph.location.directory) {
                bases.append(current)
                directory = current == graph.location.directory ? nil : Path.parent(current)
            }
            for base in bases where base != reference.base { consider(Path.join(base, reference.folded.path)) }
        } else if reference.folded.isFromRunningFile, let runningFile = reference.runningFile, runningFile != reference.use.file.path,
                  let runningDirectory = Path.parent(runningFile), let relative = Path.relative(reference.target, inside: runningDirectory) {
            consider(Path.join(moduleDirectory, relative))
        }
        return found
    }
}

/// What a build may make before `pulumi up`: what tsc emits, what a
/// package.json script names (`esbuild … --outdir=dist/lambda`), and what
/// git ignores outside tsc's output directories (an ignored path is made by
/// something). A missing path that one of these may make is not judged.
struct BuildProducts {
    private let graph: ProjectGraph
    private let outDirectories: [String]
    /// The paths the package's scripts name, as tree paths.
    private let scriptPaths: Set<String>

    init(_ graph: ProjectGraph) {
        self.graph = graph
        outDirectories = graph.typeScriptBuild.configs.compactMap(\.outDir)
        var paths = Set<String>()
        if let package = graph.package {
            for entry in package.root?["scripts"]?.entries ?? [] {
                guard let script = entry.value.string else { continue }
                for word in script.split(whereSeparator: Self.separatesWords) where !word.hasPrefix("-") || word.contains("/") {
                    let text = word.hasPrefix("-") ? String(word.drop { $0 == "-" }) : String(word)
                    guard !text.isEmpty, !Path.isAbsolute(text), !text.contains("*"), !text.contains("$") else { continue }
                    paths.insert(Path.join(package.directory, text))
                }
            }
        }
        scriptPaths = paths
    }

    /// What ends a word that may be a path in a script (`--outdir=dist/lambda`, `cp a b && …`).
    private static func separatesWords(_ character: Character) -> Bool {
        switch character {
        case " ", "\t", "\n", "=", ",", ";", "'", "\"", "(", ")", "&", "|", "<", ">", ":": return true
        default: return false
        }
    }

    func mayBuild(_ path: String) -> Bool {
        switch graph.typeScriptBuild.verdict(for: path, tree: graph.tree) {
        case .emitted, .unknown: return true
        case .notEmitted: break
        }
        if let source = graph.typeScriptBuild.sourceDirectory(emitting: path, tree: graph.tree), compilesSomething(below: source) { return true }
        // The path or a directory above it that a script names, short of tsc's output directories themselves (which scripts name to clean them).
        var current: String? = path
        while let candidate = current, Path.isInside(candidate, graph.location.directory), candidate != graph.location.directory {
            if scriptPaths.contains(candidate), !outDirectories.contains(candidate) { return true }
            current = Path.parent(candidate)
        }
        let insideOutput = outDirectories.contains { Path.isInside(path, $0) }
        return !insideOutput && GitIgnore.ignores(path, tree: graph.tree)
    }

    /// Whether the build compiles a file below a source directory, so that
    /// tsc makes its mirror in the output (it copies nothing else there).
    /// A directory too large to look through counts as compiled.
    private func compilesSomething(below directory: String) -> Bool {
        var pending = [directory]
        var seen = 0
        while let current = pending.popLast() {
            for entry in graph.tree.list(current) ?? [] {
                seen += 1
                if seen > 500 { return true }
                let path = Path.join(current, entry.name)
                if entry.kind == .directory {
                    if entry.isWalkableDirectory { pending.append(path) }
                } else if graph.typeScriptBuild.output(for: path, tree: graph.tree) != nil {
                    return true
                }
            }
        }
        return false
    }
}
