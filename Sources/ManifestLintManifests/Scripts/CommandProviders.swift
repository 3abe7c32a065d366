import ManifestLintFindings

/// Which commands the dependencies of a package provide: from
/// node_modules/<dep>/package.json when installed, else from the curated map
/// of well-known packages. What npm installs counts: the declared
/// dependencies, the peer dependencies they require (npm 7 and later
/// install those; optional peers it leaves out), and what the lockfile
/// (package-lock.json, npm-shrinkwrap.json) puts at the top of node_modules,
/// whose commands `npm ci` links whether declared or brought in by another package.
public final class CommandProviders {
    /// Dependencies of the package and of the package.json files above it.
    public let declared: Set<String>
    private let tree: any FileTree
    /// node_modules directories from the package up to the root.
    private let nodeModules: [String]
    /// What an installed package's package.json says, read once; nil when it is not installed.
    private var installed: [String: InstalledPackage?] = [:]
    /// The declared dependencies in a fixed order, for looking through the installed ones.
    private lazy var declaredInOrder = declared.sorted()
    /// The peers the declared dependencies require, worked out only when a command is not otherwise provided.
    private lazy var requiredPeers: [String] = {
        var peers = Set<String>()
        for dependency in declaredInOrder {
            peers.formUnion(installedPackage(dependency)?.requiredPeers ?? WellKnownCommands.requiredPeersByPackage[dependency] ?? [])
        }
        return peers.subtracting(declared).sorted()
    }()

    /// The packages the nearest npm lockfile installs at the top of node_modules; empty without one.
    private lazy var lockedPackages: Set<String> = NpmLockfile.topLevelPackages(from: packageDirectory, tree: tree)
    private let packageDirectory: String

    private struct InstalledPackage {
        var binaries: Set<String>
        var requiredPeers: [String]
    }

    public init(declared: Set<String>, packageDirectory: String, tree: any FileTree, ancestors: AncestorCache = AncestorCache()) {
        self.declared = declared
        self.tree = tree
        self.packageDirectory = packageDirectory
        nodeModules = ancestors.nodeModules(from: packageDirectory) { tree.isDirectory($0) }
    }

    public enum Answer: Equatable {
        case provided
        /// Not provided by a dependency; the packages that would provide it, if known.
        case undeclared(providers: [String])
        /// Nothing is known about the command.
        case unknown
    }

    public func answer(for command: String) -> Answer {
        let known = WellKnownCommands.packagesByBinary[command] ?? []
        if known.contains(where: declared.contains) || provides(command, among: declaredInOrder) { return .provided }
        if known.contains(where: requiredPeers.contains) || provides(command, among: requiredPeers) { return .provided }
        if known.contains(where: lockedPackages.contains) { return .provided }
        if !known.isEmpty { return .undeclared(providers: known) }
        if nodeModules.contains(where: { tree.exists(Path.join($0, ".bin/" + command)) }) { return .undeclared(providers: []) }
        return .unknown
    }

    /// Whether one of `packages`, installed, declares the command in its `bin`.
    private func provides(_ command: String, among packages: [String]) -> Bool {
        guard !nodeModules.isEmpty else { return false }
        return packages.contains { installedPackage($0)?.binaries.contains(command) == true }
    }

    /// The commands and required peers of an installed package; nil when it is not installed.
    private func installedPackage(_ dependency: String) -> InstalledPackage? {
        if let cached = installed[dependency] { return cached }
        var result: InstalledPackage?
        for directory in nodeModules {
            let path = Path.join(directory, dependency + "/package.json")
            guard let bytes = tree.read(path), let root = JSONLoader.load(SourceFile(path: path, bytes: bytes)).root else { continue }
            var binaries: Set<String>
            if root["bin"]?.string != nil {
                let name = root["name"]?.string ?? dependency
                binaries = [name.split(separator: "/").last.map(String.init) ?? name]
            } else {
                binaries = Set((root["bin"]?.entries ?? []).compactMap(\.name))
            }
            let optional = Set((root["peerDependenciesMeta"]?.entries ?? []).filter { $0.value["optional"]?.bool == true }.compactMap(\.name))
            let peers = (root["peerDependencies"]?.entries ?? []).compactMap(\.name).filter { !optional.contains($0) }
            result = InstalledPackage(binaries: binaries, requiredPeers: peers)
            break
        }
        installed[dependency] = .some(result)
        return result
    }
}
