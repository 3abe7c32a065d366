import ManifestLintManifests

/// How Pulumi's Node.js host finds the program (reference §4).
public enum NodeEntryPoint: Sendable {
    /// Pulumi.yaml `main` cannot be read: Pulumi stops before the host runs.
    case mainUnreadable
    /// Pulumi.yaml `main` names a file: it is loaded directly.
    case file(String)
    /// The program is a directory: package.json, then Node's directory resolution.
    case directory(DirectoryEntry)

    public struct DirectoryEntry: Sendable {
        public var programDirectory: String
        /// The package.json `exports`/`main` target Pulumi tried first, if any.
        public var packageCandidate: Reference?
        /// The file Node would load after that; nil when nothing loads.
        public var loadedFile: String?
        /// An index.ts that only ts-node could load, with `typescript: false`.
        public var blockedTypeScriptIndex: String?
        /// The names Node tried in the directory, for messages.
        public var triedNames: [String]
        /// The source directory the build emits the program directory from, when it is not there yet.
        public var emittedFrom: String?
    }
}

enum EntryPointResolver {
    /// Resolves the entry of a nodejs or bun project whose main (if any) exists.
    static func resolve(graph: ProjectGraph) -> NodeEntryPoint {
        let tree = graph.tree
        if let main = graph.mainReference {
            switch main.status {
            case .missing, .caseMismatch: return .mainUnreadable
            case .buildOutput, .unknown: return .file(main.target)
            case .emittedDirectory: break // resolved below, among the files the build emits into it
            case .exists:
                if !tree.isDirectory(main.target) { return .file(main.target) }
            }
        }
        let programDirectory = graph.programDirectory
        let typeScript = graph.runtime == "bun" || graph.project.typeScriptEnabled
        let isModule = graph.package?.isModule ?? false

        var entry = NodeEntryPoint.DirectoryEntry(programDirectory: programDirectory, packageCandidate: nil,
                                                  loadedFile: nil, blockedTypeScriptIndex: nil, triedNames: [])
        if case .emittedDirectory(let source) = graph.mainReference?.status { entry.emittedFrom = source }
        if let candidate = graph.packageEntryCandidate {
            entry.packageCandidate = candidate
            switch candidate.status {
            case .exists, .buildOutput, .unknown:
                entry.loadedFile = candidate.target
                return .directory(entry)
            case .missing, .caseMismatch, .emittedDirectory:
                break // Pulumi warns and falls back to the directory.
            }
        }
        var names: [String]
        if isModule {
            names = ["index.js", "index.mjs", "index.ts", "index.mts"]
        } else {
            names = ["index.js", "index.json", "index.node"]
            // require() of a directory reads that directory's own package.json main first.
            if let ownMain = graph.directoryPackageMain(programDirectory) {
                names.insert(contentsOf: NodeResolution.fileCandidates(ownMain), at: 0)
            }
            names.append("index.ts")
        }
        entry.triedNames = names
        let emitted = graph.mainIsEmittedDirectory
        for name in names {
            let path = Path.join(programDirectory, name)
            guard emitted ? graph.fileIsPresentOrEmitted(path) : tree.isFile(path) else { continue }
            let ext = Path.pathExtension(path)
            if ModuleExtensions.typeScript.contains(ext), !typeScript {
                entry.blockedTypeScriptIndex = entry.blockedTypeScriptIndex ?? path
                continue
            }
            entry.loadedFile = path
            return .directory(entry)
        }
        return .directory(entry)
    }
}

/// Node's file probing for a module path, as Node and publint do it.
public enum NodeResolution {
    /// `X`, `X.js`, `X/index.js`, relative to wherever X is resolved.
    public static func fileCandidates(_ path: String) -> [String] {
        [path, path + ".js", Path.join(path, "index.js")]
    }

    /// The file that probing finds for `path`, if any.
    public static func file(_ path: String, in tree: some FileTree) -> String? {
        fileCandidates(path).first { tree.isFile($0) }
    }
}
