import ManifestLintFindings

/// What an npm lockfile installs: the nearest package-lock.json or
/// npm-shrinkwrap.json from a package's directory up (a workspace's lives at
/// its root), read only when a command would otherwise be reported.
enum NpmLockfile {
    /// The packages it puts at the top of node_modules (`node_modules/<name>`
    /// in lockfile versions 2 and 3, the top-level `dependencies` in version 1):
    /// those whose commands npm links into node_modules/.bin.
    static func topLevelPackages(from directory: String, tree: some FileTree) -> Set<String> {
        var current: String? = directory
        while let candidate = current {
            for name in ["npm-shrinkwrap.json", "package-lock.json"] {
                let path = Path.join(candidate, name)
                guard tree.isFile(path), let bytes = tree.read(path) else { continue }
                guard let root = JSONLoader.load(SourceFile(path: path, bytes: bytes)).root else { return [] }
                return packages(in: root)
            }
            current = Path.parent(candidate)
        }
        return []
    }

    static func packages(in root: Node) -> Set<String> {
        var names = Set<String>()
        for entry in root["packages"]?.entries ?? [] {
            guard let key = entry.name, key.hasBytePrefix("node_modules/") else { continue }
            let name = String(key.dropFirst("node_modules/".count))
            // A package nested in another's node_modules is not linked at the top.
            if !name.contains("/node_modules/") { names.insert(name) }
        }
        for entry in root["dependencies"]?.entries ?? [] where root["packages"] == nil {
            if let name = entry.name { names.insert(name) }
        }
        return names
    }
}
