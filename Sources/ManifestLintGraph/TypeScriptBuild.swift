import Synchronization
import ManifestLintManifests

/// What `tsc` emits, for the tsconfigs a project's build uses: lets a
/// reference to `dist/bin/tap.js` count as present when `bin/tap.ts` exists
/// and the build would emit it there.
public struct TypeScriptBuild: Sendable {
    public enum Verdict: Sendable, Equatable {
        /// The build emits the target from this source file.
        case emitted(from: String)
        case notEmitted
        /// A tsconfig could not be read completely: no conclusion.
        case unknown
    }

    public let configs: [TSConfig]
    /// Each config's common source directory, worked out once (it walks the tree).
    private let sourceDirectories = SourceDirectoryCache()

    public init(configs: [TSConfig]) {
        self.configs = configs
    }

    /// A list, not a table: a build has one or two configs, found faster by
    /// comparing their paths than by hashing them.
    private final class SourceDirectoryCache: Sendable {
        private let values = Mutex<[(path: String, directory: String?)]>([])

        func value(for config: TSConfig, compute: () -> String?) -> String? {
            if let cached = values.withLock({ $0.first { $0.path == config.path } }) { return cached.directory }
            let computed = compute()
            values.withLock { $0.append((config.path, computed)) }
            return computed
        }
    }

    /// The directory tsc mirrors into outDir: rootDir, else the common directory of the inputs.
    private func sourceBase(of config: TSConfig, tree: some FileTree) -> String? {
        if let rootDir = config.rootDir { return rootDir }
        return sourceDirectories.value(for: config) {
            Self.commonSourceDirectoryWithoutWalking(of: config, tree: tree) ?? Self.commonSourceDirectory(of: config, tree: tree)
        }
    }

    /// The common source directory when the config's own entries settle it:
    /// every input lies below the common directory of the include patterns
    /// (and `files`), and when a file named outright sits right in that
    /// directory, no input can make it any deeper. Nil when only a walk can tell.
    public static func commonSourceDirectoryWithoutWalking(of config: TSConfig, tree: some FileTree) -> String? {
        let emitting = sourceExtensionsEmitted(allowJs: config.allowJs)
        // The common directory of everything seen so far, and the directories of the files named outright.
        var common: String?
        var anchors: [String] = []
        func add(_ directory: String) {
            common = common.map { Path.commonDirectory($0, directory) } ?? directory
        }
        func addNamed(_ path: String) {
            // An entry naming a directory (which has no extension to speak of) counts as that directory.
            if Path.hasExtension(path, among: emitting), !path.hasByteSuffix(".d.ts"), tree.isFile(path), config.compiles(path),
               let parent = Path.parent(path) {
                anchors.append(parent)
                add(parent)
            } else if tree.isDirectory(path) {
                add(path)
            }
        }
        for path in config.files ?? [] { addNamed(path) }
        for pattern in config.include ?? (config.files == nil ? [Path.join(config.directory, "**/*")] : []) {
            guard let wildcard = pattern.withBytes({ $0.firstIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } }) else {
                addNamed(pattern)
                continue
            }
            // The directory part before the first wildcard.
            add(pattern.withBytes { bytes in
                let slash = bytes[..<wildcard].lastIndex(of: UInt8(ascii: "/")) ?? 0
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
            })
        }
        guard let common, anchors.contains(common) else { return nil }
        return common
    }

    public func verdict(for target: String, tree: some FileTree) -> Verdict {
        var unknown = false
        for config in configs {
            guard config.isComplete else {
                unknown = true
                continue
            }
            if let source = source(emitting: target, config: config, tree: tree) {
                return .emitted(from: source)
            }
        }
        return unknown ? .unknown : .notEmitted
    }

    /// The source directory that a directory in an outDir mirrors, when a
    /// complete config emits into it (`dist` for `lib` with outDir dist and rootDir lib).
    public func sourceDirectory(emitting directory: String, tree: some FileTree) -> String? {
        for config in configs where config.isComplete && !config.noEmit {
            guard let outDir = config.outDir, let relative = Path.relative(directory, inside: outDir),
                  let base = sourceBase(of: config, tree: tree) else { continue }
            let source = relative.isEmpty ? base : Path.join(base, relative)
            if source != directory, tree.isDirectory(source) { return source }
        }
        return nil
    }

    /// Where the build emits a source file (nil when no complete config compiles it).
    public func output(for source: String, tree: some FileTree) -> String? {
        for config in configs where config.isComplete && !config.noEmit && config.compiles(source) {
            let ext = Path.pathExtension(source)
            let outputExtension: String
            switch ext {
            case ".ts", ".tsx": outputExtension = ".js"
            case ".mts": outputExtension = ".mjs"
            case ".cts": outputExtension = ".cjs"
            default: continue
            }
            guard let outDir = config.outDir else { return Path.removingExtension(source) + outputExtension }
            guard let base = sourceBase(of: config, tree: tree),
                  let relative = Path.relative(source, inside: base) else { continue }
            return Path.join(outDir, Path.removingExtension(relative) + outputExtension)
        }
        return nil
    }

    /// The source extensions whose output has the target's extension.
    static func sourceExtensions(forOutput ext: String, allowJs: Bool) -> [String] {
        switch ext {
        case ".js": return allowJs ? [".ts", ".tsx", ".js", ".jsx"] : [".ts", ".tsx"]
        case ".mjs": return allowJs ? [".mts", ".mjs"] : [".mts"]
        case ".cjs": return allowJs ? [".cts", ".cjs"] : [".cts"]
        default: return []
        }
    }

    public func source(emitting target: String, config: TSConfig, tree: some FileTree) -> String? {
        guard !config.noEmit else { return nil }
        let extensions = Self.sourceExtensions(forOutput: Path.pathExtension(target), allowJs: config.allowJs)
        guard !extensions.isEmpty else { return nil }
        let stem: String
        if let outDir = config.outDir {
            guard let relative = Path.relative(target, inside: outDir), !relative.isEmpty else { return nil }
            guard let base = sourceBase(of: config, tree: tree) else { return nil }
            stem = Path.join(base, Path.removingExtension(relative))
        } else {
            stem = Path.removingExtension(target)
        }
        for ext in extensions {
            let candidate = stem + ext
            if candidate != target, tree.isFile(candidate), config.compiles(candidate) {
                return candidate
            }
        }
        return nil
    }

    /// tsc's default rootDir: the longest common directory of the input files
    /// that it emits (declaration files excluded).
    public static func commonSourceDirectory(of config: TSConfig, tree: some FileTree) -> String? {
        var common: String?
        var visited = 0
        var pending = [config.directory]
        while let directory = pending.popLast(), visited < 20_000 {
            guard let entries = tree.list(directory) else { continue }
            for entry in entries {
                visited += 1
                let path = Path.join(directory, entry.name)
                if entry.kind == .directory {
                    if entry.isWalkableDirectory, path != config.outDir { pending.append(path) }
                    continue
                }
                let emitsOutput = Path.hasExtension(path, among: sourceExtensionsEmitted(allowJs: config.allowJs))
                    && !path.hasByteSuffix(".d.ts") && !path.hasByteSuffix(".d.mts") && !path.hasByteSuffix(".d.cts")
                guard emitsOutput, config.compiles(path) else { continue }
                let parent = Path.parent(path) ?? ""
                common = common.map { Path.commonDirectory($0, parent) } ?? parent
            }
        }
        guard let common else { return nil }
        return Path.isAbsolute(config.directory) && !common.hasPrefix("/") ? "/" + common : common
    }


    private static func sourceExtensionsEmitted(allowJs: Bool) -> [String] {
        allowJs ? ModuleExtensions.all : ModuleExtensions.typeScript
    }
}
