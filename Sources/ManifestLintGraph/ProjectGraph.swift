import ManifestLintManifests

/// Everything known about one Pulumi project: its manifests, as loaded, and
/// the references between them and to the files on disk.
///
/// A graph is built, checked by the rules and dropped, one project at a time.
public final class ProjectGraph {
    public enum FileFormat: Sendable { case yaml, json, jsonc }

    public let tree: any FileTree
    public let location: ProjectLocation
    /// What the configuration file adds: known namespaces, global commands.
    public let settings: RuleSettings
    /// The revision the change is compared with, when there is one (see Linter.base).
    public let base: (any BaseRevision)?
    public private(set) var project: PulumiProject
    /// Every file loaded for this project, in load order, with its format.
    public private(set) var documents: [(document: LoadedDocument, format: FileFormat)] = []
    /// Stack files Pulumi reads (same extension as the project file).
    public private(set) var stacks: [StackConfig] = []
    /// Pulumi.<stack>.<ext> files with another extension: never read.
    public private(set) var misnamedStackFiles: [String] = []
    /// The package.json Pulumi's Node host uses (nodejs and bun runtimes).
    public private(set) var package: PackageManifest?
    /// Where the program runs: `main` as a directory, the directory of a file
    /// `main`, or the project root.
    public private(set) var programDirectory: String
    public private(set) var mainReference: Reference?
    public private(set) var binReferences: [Reference] = []
    public private(set) var packageMainReference: Reference?
    /// The package.json `exports` or `main` target Pulumi consults when the
    /// program is a directory.
    public private(set) var packageEntryCandidate: Reference?
    public private(set) var tsconfigOptionReference: Reference?
    /// The tsconfig ts-node uses: the one the `tsconfig` option names, else
    /// tsconfig.json in the program directory (nodejs runtime).
    public private(set) var runtimeTSConfig: TSConfig?
    /// Entry resolution for nodejs and bun projects.
    public private(set) var nodeEntry: NodeEntryPoint?
    public private(set) var typeScriptBuild = TypeScriptBuild(configs: [])
    /// What the package.json files above the package depend on, all together,
    /// workspace roots or not: Node finds what they install when it resolves a
    /// module from the program, and `npm run` puts the node_modules/.bin of
    /// every directory above the package on PATH (@npmcli/run-script).
    private var ancestorDependencyNames: Set<String> = []
    /// The package's scripts, parsed (nodejs and bun projects).
    public private(set) var packageScripts: PackageScripts?
    let scriptCache: ScriptCache
    private let ancestors: AncestorCache
    /// Which commands the declared dependencies provide.
    public private(set) var commandProviders: CommandProviders?
    /// The program's JavaScript and TypeScript modules, read when a rule asks.
    public private(set) lazy var programSources = ProgramSources(
        tree: tree, projectDirectory: location.directory,
        jest: JestConfiguration.load(package: package, projectDirectory: location.directory, tree: tree))

    /// The program's Python modules, read when a rule asks; the program directory is on sys.path.
    public private(set) lazy var pythonSources = PythonSources(tree: tree, programDirectory: programDirectory)

    /// The files Node loads first: the entry point (Pulumi.yaml main or what
    /// the directory resolves to), when it is JavaScript or TypeScript.
    public var programEntryFiles: [String] {
        switch nodeEntry {
        case .file(let path)?: return [path]
        case .directory(let entry)?: return entry.loadedFile.map { [$0] } ?? []
        default: return []
        }
    }

    /// The files the program is written in: `programEntryFiles`, with an
    /// entry that is not built yet replaced by the TypeScript source the build
    /// compiles into it, or, when `main` is missing, by the TypeScript file of
    /// the same name beside it (what tsc would compile into it). The rules
    /// that read the program's source start here.
    public var programSourceFiles: [String] {
        if case .mainUnreadable = nodeEntry, let main = mainReference, main.status == .missing {
            return Self.typeScriptSource(beside: main.target, in: tree).map { [$0] } ?? []
        }
        // Where the entry's reference says it is a build output, its source (no file is looked up for the others).
        let reference: Reference?
        switch nodeEntry {
        case .file?: reference = mainReference
        case .directory(let entry)?: reference = entry.packageCandidate?.target == entry.loadedFile ? entry.packageCandidate : nil
        default: reference = nil
        }
        if case .buildOutput(let source)? = reference?.status { return [source] }
        // An index file in a directory the build emits.
        if case .directory(let entry)? = nodeEntry, entry.emittedFrom != nil, let loaded = entry.loadedFile,
           case .emitted(let source) = typeScriptBuild.verdict(for: loaded, tree: tree) {
            return [source]
        }
        return programEntryFiles
    }

    /// `x.ts` for `x.js` (`.mts` for `.mjs`, `.cts` for `.cjs`), when it exists.
    static func typeScriptSource(beside output: String, in tree: some FileTree) -> String? {
        let sourceExtension: String
        switch Path.pathExtension(output) {
        case ".js": sourceExtension = ".ts"
        case ".mjs": sourceExtension = ".mts"
        case ".cjs": sourceExtension = ".cts"
        default: return nil
        }
        let source = Path.removingExtension(output) + sourceExtension
        return tree.isFile(source) ? source : nil
    }

    /// The facts worked out so far (see ProjectFact), by their type.
    private var facts: [ObjectIdentifier: Any] = [:]

    /// A fact about the project, worked out on the first ask.
    public func fact<Fact: ProjectFact>(_ fact: Fact.Type) -> Fact.Value {
        let key = ObjectIdentifier(fact)
        // Unwrapped in two steps: an absent optional fact must not pass for a nil one.
        if let boxed = facts[key], let known = boxed as? Fact.Value { return known }
        let value = Fact.compute(for: self)
        facts[key] = value
        return value
    }

    /// The tsconfigs loaded so far: a project has one or two, found by a
    /// search faster than hashing their long paths.
    private var tsconfigs: [TSConfig] = []

    /// A tsconfig and its bases, read once per graph.
    func tsconfig(_ path: String) -> TSConfig {
        if let cached = tsconfigs.first(where: { $0.path == path }) { return cached }
        let config = TSConfig.load(path, tree: tree) { self.load($0, format: .jsonc) }
        tsconfigs.append(config)
        return config
    }

    public var runtime: String? { project.runtimeName }
    public var isNodeRuntime: Bool { runtime == "nodejs" || runtime == "bun" }

    /// `scriptCache` and `ancestors` are shared by the projects one worker checks,
    /// which often repeat the same scripts and lie below the same directories.
    public init(location: ProjectLocation, tree: any FileTree, settings: RuleSettings = RuleSettings(),
         scriptCache: ScriptCache = ScriptCache(), ancestors: AncestorCache = AncestorCache(), base: (any BaseRevision)? = nil) {
        self.tree = tree
        self.base = base
        self.location = location
        self.settings = settings
        self.scriptCache = scriptCache
        self.ancestors = ancestors
        self.programDirectory = location.directory
        let format: FileFormat = location.projectFile.lowercased().hasSuffix(".json") ? .json : .yaml
        let bytes = tree.read(location.projectFile) ?? []
        let document = Self.parse(SourceFile(path: location.projectFile, bytes: bytes), format: format)
        project = PulumiProject(document: document, directory: location.directory)
        // A project loads a handful of files (project, stacks, package.json, tsconfigs): room for them at once.
        documents.reserveCapacity(8)
        documents.append((document, format))
        build()
    }

    // MARK: Loading

    private static func parse(_ file: SourceFile, format: FileFormat) -> LoadedDocument {
        switch format {
        case .yaml: return YAMLLoader.load(file)
        case .json: return JSONLoader.load(file, dialect: .json)
        case .jsonc: return JSONLoader.load(file, dialect: .jsonc)
        }
    }

    /// Reads and parses a file once per graph; nil when it cannot be read.
    /// Earlier loads are found by a search of `documents`: a project loads a
    /// handful of files, and comparing paths costs less than hashing them.
    public func load(_ path: String, format: FileFormat) -> LoadedDocument? {
        if let loaded = documents.first(where: { $0.document.file.path == path }) { return loaded.document }
        guard let bytes = tree.read(path) else { return nil }
        let document = Self.parse(SourceFile(path: path, bytes: bytes), format: format)
        documents.append((document, format))
        return document
    }

    // MARK: Building

    private func build() {
        loadStacks()
        if let main = project.main {
            let target = Path.join(location.directory, main.string ?? "")
            let status = status(of: target, probing: false, anchor: location.directory)
            mainReference = Reference(kind: .projectMain, target: target, file: project.file, node: main, status: status)
            switch status {
            case .exists where tree.isDirectory(target), .emittedDirectory: programDirectory = target
            case .exists, .buildOutput, .unknown: programDirectory = Path.parent(target) ?? location.directory
            case .missing, .caseMismatch: break
            }
        }
        guard isNodeRuntime else { return }
        loadPackage()
        if let package, package.document.parsed { packageScripts = PackageScripts(package: package, cache: scriptCache) }
        typeScriptBuild = TypeScriptBuild(configs: buildConfigs())
        // Statuses that may depend on build outputs are settled now that the build is known.
        if let main = mainReference, main.status == .missing || main.status == .unknown {
            let settled = status(of: main.target, probing: false, anchor: location.directory)
            mainReference?.status = settled
            if case .emittedDirectory = settled { programDirectory = main.target }
        }
        resolveReferences()
        loadRuntimeTSConfig()
        loadAncestorPackages()
        if let package, package.document.parsed {
            commandProviders = CommandProviders(declared: declaredDependencies, packageDirectory: package.directory, tree: tree,
                                                ancestors: ancestors)
        }
        nodeEntry = EntryPointResolver.resolve(graph: self)
    }

    private func loadStacks() {
        let directory = project.stackConfigDirectory
        for entry in tree.list(directory) ?? [] where entry.kind == .file {
            guard let (stack, ext) = StackConfig.stackName(fromFileName: entry.name) else { continue }
            let path = Path.join(directory, entry.name)
            if ext != project.fileExtension {
                if Self.looksLikeStackFile(path, tree: tree) { misnamedStackFiles.append(path) }
                continue
            }
            guard let document = load(path, format: ext == ".json" ? .json : .yaml) else { continue }
            stacks.append(StackConfig(document: document, stackName: stack))
        }
    }

    /// Whether a file Pulumi never reads holds stack settings (so that an
    /// unrelated Pulumi.<something>.json is not taken for a stack file).
    private static func looksLikeStackFile(_ path: String, tree: some FileTree) -> Bool {
        guard let bytes = tree.read(path) else { return false }
        let file = SourceFile(path: path, bytes: bytes)
        let document = path.hasSuffix(".json") ? JSONLoader.load(file) : YAMLLoader.load(file)
        return document.root?.entries?.contains { StackConfig.topLevelKeys.contains($0.name ?? "") } ?? false
    }

    /// The nearest package.json walking up from the program directory.
    private func loadPackage() {
        package = nearestPackageManifest(from: programDirectory)
    }

    /// The package.json in `directory` or the nearest one above it, as Node looks it up.
    func nearestPackageManifest(from directory: String?) -> PackageManifest? {
        var current = directory
        while let directory = current {
            let path = Path.join(directory, "package.json")
            if tree.isFile(path) {
                // One that cannot be read ends the search (file-unreadable says why): the one above is another package's.
                return load(path, format: .json).map { PackageManifest(document: $0, directory: directory) }
            }
            current = Path.parent(directory)
        }
        return nil
    }

    private static let tscProjectFlags = ["-p", "--project", "-b", "--build"]

    /// The tsconfigs the build uses: those `tsc -p X` (or `--project`,
    /// `-b`) names in scripts, else the package root's (or project root's) tsconfig.json.
    private func buildConfigs() -> [TSConfig] {
        let root = package?.directory ?? location.directory
        var paths: [String] = []
        var plainTsc = false
        for invocation in packageScripts?.invocations ?? [] where invocation.name == "tsc" {
            let arguments = invocation.words.dropFirst()
            let flag = arguments.firstIndex { Self.tscProjectFlags.contains($0.text) }
            if let flag, flag + 1 < invocation.words.count, !invocation.words[flag + 1].isDynamic,
               !invocation.words[flag + 1].text.hasPrefix("-") {
                let target = Path.join(invocation.directory ?? root, invocation.words[flag + 1].text)
                paths.append(tree.isDirectory(target) ? Path.join(target, "tsconfig.json") : target)
            } else if let project = arguments.first(where: { $0.text.hasPrefix("--project=") }) {
                paths.append(Path.join(invocation.directory ?? root, String(project.text.dropFirst("--project=".count))))
            } else {
                plainTsc = true
            }
        }
        if paths.isEmpty || plainTsc { paths.append(Path.join(root, "tsconfig.json")) }
        // One or two paths: an array finds repeats faster than a set is built.
        var seen: [String] = []
        return paths.filter { path in
            defer { seen.append(path) }
            return !seen.contains(path) && tree.isFile(path)
        }.map(tsconfig)
    }

    private func resolveReferences() {
        if let option = project.runtimeOption("tsconfig")?.value, let written = option.string, runtime == "nodejs" {
            let target = Path.join(programDirectory, written)
            tsconfigOptionReference = Reference(kind: .tsconfigOption, target: target, file: project.file, node: option,
                                                status: status(of: target, probing: false, anchor: programDirectory))
        }
        guard let package, package.document.parsed else { return }
        let root = package.directory
        for (name, value) in package.binEntries {
            let target = Path.join(root, value.string ?? "")
            binReferences.append(Reference(kind: .bin(name), target: target, file: package.file, node: value,
                                           status: status(of: target, probing: true, anchor: root)))
        }
        if let main = package.main {
            let target = Path.join(root, main.string ?? "")
            packageMainReference = Reference(kind: .packageMain, target: target, file: package.file, node: main,
                                             status: status(of: target, probing: true, anchor: root))
        }
        if mainReference == nil || mainReference?.target == programDirectory && (tree.isDirectory(programDirectory) || mainIsEmittedDirectory) {
            if let exports = Self.exportsEntry(package.exports) {
                let target = Path.join(root, exports.string ?? "")
                packageEntryCandidate = Reference(kind: .packageExports, target: target, file: package.file, node: exports,
                                                  status: status(of: target, probing: false, anchor: root))
            } else {
                packageEntryCandidate = packageMainReference
            }
        }
    }

    private func loadAncestorPackages() {
        guard let package, let start = Path.parent(package.directory) else { return }
        ancestorDependencyNames = ancestors.packageDependencies(from: start) { directory in
            let path = Path.join(directory, "package.json")
            guard tree.isFile(path), let document = load(path, format: .json), document.parsed else { return nil }
            return PackageManifest(document: document, directory: directory)
        }
    }

    /// Dependencies of the package (its package.json alone), read once.
    private(set) lazy var packageDependencyNames: Set<String> = package?.dependencyNames ?? []

    /// Dependencies of the package and of the package.json files above it (the
    /// ancestors' set, shared by the projects below them, takes the package's few names).
    public private(set) lazy var declaredDependencies: Set<String> = {
        if ancestorDependencyNames.isEmpty { return packageDependencyNames }
        var names = ancestorDependencyNames
        names.formUnion(packageDependencyNames)
        return names
    }()

    private func loadRuntimeTSConfig() {
        guard runtime == "nodejs" else { return }
        let path = tsconfigOptionReference?.target ?? Path.join(programDirectory, "tsconfig.json")
        guard tree.isFile(path) else { return }
        runtimeTSConfig = tsconfig(path)
    }

    /// `exports` as a string, or `exports["."]` as a string or as an object's
    /// `default`, `require` or `import` (run.ts's order).
    static func exportsEntry(_ exports: Node?) -> Node? {
        guard let exports else { return nil }
        if exports.string != nil { return exports }
        guard let dot = exports["."] else { return nil }
        if dot.string != nil { return dot }
        for condition in ["default", "require", "import"] {
            if let value = dot[condition], value.string != nil { return value }
        }
        return nil
    }

    /// A Pulumi YAML program: the first of Main.json, Main.yaml and
    /// Pulumi.yaml in the program directory, as pulumi-yaml reads it.
    func yamlProgram() -> Node? {
        for name in ["Main.json", "Main.yaml", "Pulumi.yaml"] {
            let path = Path.join(programDirectory, name)
            guard tree.isFile(path) else { continue }
            return load(path, format: name.hasSuffix(".json") ? .json : .yaml)?.root
        }
        return nil
    }

    /// The `main` of a directory's own package.json (for Node's directory require).
    func directoryPackageMain(_ directory: String) -> String? {
        if let package, package.directory == directory { return package.main?.string }
        let path = Path.join(directory, "package.json")
        guard tree.isFile(path), let document = load(path, format: .json) else { return nil }
        return document.root?["main"]?.string
    }

    // MARK: Path status

    /// Whether `target` is there: as is (or, probing, as X.js or X/index.js),
    /// as a build output, or only with other letter case below `anchor`.
    public func status(of target: String, probing: Bool, anchor: String) -> PathStatus {
        let candidates = probing ? NodeResolution.fileCandidates(target) : [target]
        for candidate in candidates {
            if probing ? tree.isFile(candidate) : tree.exists(candidate) { return .exists }
        }
        var unknown = false
        for candidate in candidates {
            switch typeScriptBuild.verdict(for: candidate, tree: tree) {
            case .emitted(let source): return .buildOutput(source: source)
            case .unknown: unknown = true
            case .notEmitted: break
            }
        }
        if !probing, let source = typeScriptBuild.sourceDirectory(emitting: target, tree: tree) {
            return .emittedDirectory(source: source)
        }
        if let actual = tree.caseInsensitiveMatch(for: target, below: anchor) {
            return .caseMismatch(actual: actual)
        }
        return unknown ? .unknown : .missing
    }

    /// Whether Pulumi.yaml `main` names a directory the build emits (and that is not there yet).
    var mainIsEmittedDirectory: Bool {
        if case .emittedDirectory = mainReference?.status { return true }
        return false
    }

    /// Whether a file is there or the build emits it: what Node will find once the project is built.
    func fileIsPresentOrEmitted(_ path: String) -> Bool {
        if tree.isFile(path) { return true }
        if case .emitted = typeScriptBuild.verdict(for: path, tree: tree) { return true }
        return false
    }

    /// A path as the user should see it, relative to the project root when inside it.
    public func describe(_ path: String) -> String {
        Path.relative(path, inside: location.directory).map { $0.isEmpty ? "." : $0 } ?? tree.displayPath(path)
    }
}
