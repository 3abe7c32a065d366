/// Which commands the declared dependencies of a package provide: from
/// node_modules/<dep>/package.json when installed, else from the curated map
/// of well-known packages.
final class CommandProviders {
    /// Dependencies of the package and of the workspace roots above it.
    let declared: Set<String>
    private let tree: any FileTree
    /// node_modules directories from the package up to the root.
    private let nodeModules: [String]
    private var installedBinaries: [String: Set<String>?] = [:]
    /// The declared dependencies in a fixed order, for looking through the installed ones.
    private lazy var declaredInOrder = declared.sorted()

    init(declared: Set<String>, packageDirectory: String, tree: any FileTree, ancestors: AncestorCache = AncestorCache()) {
        self.declared = declared
        self.tree = tree
        nodeModules = ancestors.nodeModules(from: packageDirectory) { tree.isDirectory($0) }
    }

    enum Answer: Equatable {
        case provided
        /// Not provided by a declared dependency; the packages that would provide it, if known.
        case undeclared(providers: [String])
        /// Nothing is known about the command.
        case unknown
    }

    func answer(for command: String) -> Answer {
        let known = WellKnownCommands.packagesByBinary[command] ?? []
        if known.contains(where: declared.contains) { return .provided }
        if !nodeModules.isEmpty {
            for dependency in declaredInOrder where binaries(ofInstalled: dependency)?.contains(command) == true {
                return .provided
            }
        }
        if !known.isEmpty { return .undeclared(providers: known) }
        if nodeModules.contains(where: { tree.exists(Path.join($0, ".bin/" + command)) }) { return .undeclared(providers: []) }
        return .unknown
    }

    /// The commands an installed package declares in its `bin`; nil when it is not installed.
    private func binaries(ofInstalled dependency: String) -> Set<String>? {
        if let cached = installedBinaries[dependency] { return cached }
        var result: Set<String>?
        for directory in nodeModules {
            let path = Path.join(directory, dependency + "/package.json")
            guard let bytes = tree.read(path), let root = JSONLoader.load(SourceFile(path: path, bytes: bytes)).root else { continue }
            if root["bin"]?.string != nil {
                let name = root["name"]?.string ?? dependency
                result = [name.split(separator: "/").last.map(String.init) ?? name]
            } else {
                result = Set((root["bin"]?.entries ?? []).compactMap(\.name))
            }
            break
        }
        installedBinaries[dependency] = .some(result)
        return result
    }
}
