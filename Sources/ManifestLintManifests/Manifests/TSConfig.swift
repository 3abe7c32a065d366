import ManifestLintFindings

/// The options of a tsconfig.json that decide what `tsc` emits where, merged
/// along its `extends` chain. Paths are tree paths, resolved against the
/// config file that wrote them, as TypeScript resolves them.
/// A class: builds and rules pass configs around, and a copy is one reference.
public final class TSConfig: Sendable {
    public let path: String
    /// The file itself, then every base it extends that could be read.
    public let documents: [LoadedDocument]
    /// False when an `extends` could not be followed or a file of the chain
    /// did not parse: then nothing that depends on the options is concluded.
    public let isComplete: Bool
    public let outDir: String?
    public let rootDir: String?
    public let allowJs: Bool
    public let noEmit: Bool
    /// Patterns and file names, each joined to the directory of the config that wrote it.
    public let include: [String]?
    public let exclude: [String]?
    public let files: [String]?
    /// What tsc compiles, as compiled globs: include (default `**/*` unless
    /// `files` is given) and exclude (default node_modules and the like, and outDir).
    let includeGlobs: [Glob]
    let excludeGlobs: [Glob]
    /// Excludes without wildcards (outDir, and those given): the directory and everything below it.
    let excludedDirectories: [String]
    /// Whether tsc's default excludes apply (no `exclude` given): the
    /// directories of `defaultExcludedNames` right in the config's directory.
    let excludesDefaultDirectories: Bool

    /// The directories tsc excludes when `exclude` is not given, besides outDir.
    private static let defaultExcludedNames = ["node_modules", "bower_components", "jspm_packages"]

    /// The directory of the config file (worked out once: globs and builds ask for it often).
    public let directory: String

    /// The options as merged along the chain; the globs are compiled from them.
    private struct Options {
        var documents: [LoadedDocument] = []
        var isComplete = true
        var outDir: String?
        var rootDir: String?
        var allowJs = false
        var noEmit = false
        var include: [String]?
        var exclude: [String]?
        var files: [String]?
    }

    private init(path: String, directory: String, options: Options) {
        self.path = path
        self.directory = directory
        documents = options.documents
        isComplete = options.isComplete
        outDir = options.outDir
        rootDir = options.rootDir
        allowJs = options.allowJs
        noEmit = options.noEmit
        include = options.include
        exclude = options.exclude
        files = options.files
        let include = options.include ?? (options.files == nil ? [Path.join(directory, "**/*")] : [])
        includeGlobs = include.map { pattern in
            // An entry without wildcards or extension names a directory.
            let last = Path.basename(pattern)
            return Glob(last.containsBytes(of: "*") || last.containsBytes(of: "?") || last.containsBytes(of: ".") ? pattern : pattern + "/**/*")
        }
        // The default excludes are matched by name below the directory (see `isInExcludedDirectory`), not joined to it here.
        excludesDefaultDirectories = options.exclude == nil
        var exclude = options.exclude ?? []
        if options.exclude == nil, let outDir = options.outDir { exclude.append(outDir) }
        var excludeGlobs: [Glob] = []
        var excludedDirectories: [String] = []
        for pattern in exclude {
            if pattern.containsBytes(of: "*") || pattern.containsBytes(of: "?") {
                excludeGlobs += [Glob(pattern), Glob(pattern + "/**/*")]
            } else {
                excludedDirectories.append(pattern)
            }
        }
        self.excludeGlobs = excludeGlobs
        self.excludedDirectories = excludedDirectories
    }

    /// Loads `path` and its bases; `load` returns the (cached) document of a file.
    public static func load(_ path: String, tree: some FileTree,
                            load: (String) -> LoadedDocument?) -> TSConfig {
        var config = Options()
        var chain: [(document: LoadedDocument, directory: String)] = []
        // A list: a chain holds one to a few files, and at most 32 are followed.
        var visited: [String] = []
        var pending: [String] = [path]
        // Collect the chain child-first; `extends` arrays apply in order, later winning.
        while let current = pending.popLast() {
            let seen = visited.contains(current)
            if !seen { visited.append(current) }
            guard !seen, visited.count <= 32, let document = load(current) else {
                config.isComplete = false
                continue
            }
            config.documents.append(document)
            guard document.parsed, let root = document.root, root.entries != nil else {
                config.isComplete = false
                continue
            }
            let directory = Path.parent(current) ?? ""
            chain.append((document, directory))
            let specs: [String]
            if let single = root["extends"]?.string {
                specs = [single]
            } else {
                specs = (root["extends"]?.elements ?? []).compactMap(\.string)
            }
            for spec in specs {
                if let base = resolveExtends(spec, from: directory, tree: tree) {
                    pending.append(base)
                } else {
                    config.isComplete = false
                }
            }
        }
        // Apply bases first so that the child's options win.
        for (document, directory) in chain.reversed() {
            guard let root = document.root else { continue }
            let options = root["compilerOptions"]
            if let outDir = options?["outDir"]?.string { config.outDir = Path.join(directory, outDir) }
            if let rootDir = options?["rootDir"]?.string { config.rootDir = Path.join(directory, rootDir) }
            if let allowJs = options?["allowJs"]?.bool { config.allowJs = allowJs }
            if let noEmit = options?["noEmit"]?.bool { config.noEmit = noEmit }
            if let include = root["include"]?.elements { config.include = include.compactMap(\.string).map { Path.join(directory, $0) } }
            if let exclude = root["exclude"]?.elements { config.exclude = exclude.compactMap(\.string).map { Path.join(directory, $0) } }
            if let files = root["files"]?.elements { config.files = files.compactMap(\.string).map { Path.join(directory, $0) } }
        }
        return TSConfig(path: path, directory: Path.parent(path) ?? "", options: config)
    }

    /// Whether tsc compiles `path` under this config (files, include, exclude).
    public func compiles(_ path: String) -> Bool {
        if files?.contains(path) == true { return true }
        return includeGlobs.contains { $0.matches(path) } && !isInExcludedDirectory(path) && !excludeGlobs.contains { $0.matches(path) }
    }

    /// Whether `path` is an excluded directory or lies below one.
    private func isInExcludedDirectory(_ path: String) -> Bool {
        if excludedDirectories.contains(where: { Path.isInside(path, $0) }) { return true }
        guard excludesDefaultDirectories, let start = Path.startOfRelative(path, inside: directory) else { return false }
        // The first component below the directory, by its bytes.
        return path.withBytes { bytes in
            let below = bytes[start...]
            let component = below[..<(below.firstIndex(of: UInt8(ascii: "/")) ?? below.endIndex)]
            return Self.defaultExcludedNames.contains { $0.utf8.elementsEqual(component) }
        }
    }

    /// A relative or absolute `extends` names a file (".json" may be left
    /// out); anything else is a package in node_modules, searched upward.
    static func resolveExtends(_ spec: String, from directory: String, tree: some FileTree) -> String? {
        if spec.hasPrefix("./") || spec.hasPrefix("../") || spec.hasPrefix("/") || spec == "." || spec == ".." {
            let target = Path.join(directory, spec)
            if tree.isFile(target) { return target }
            if tree.isFile(target + ".json") { return target + ".json" }
            return nil
        }
        var current: String? = directory
        while let base = current {
            let candidate = Path.join(base, "node_modules/" + spec)
            for path in [candidate, candidate + ".json", candidate + "/tsconfig.json"] where tree.isFile(path) {
                return path
            }
            current = Path.parent(base)
        }
        return nil
    }
}
