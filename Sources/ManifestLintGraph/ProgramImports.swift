import ManifestLintManifests

extension ProjectGraph {
    /// The packages the program loads at run time: the bare specifiers that
    /// the modules reachable from its source files import (`@scope/name/sub`
    /// counts as `@scope/name`), Node's built-ins and type-only imports aside.
    public func packagesImportedByProgram() -> Set<String> {
        var packages = Set<String>()
        for module in programSources.reachable(from: programSourceFiles) {
            for (specifier, _) in module.imports {
                if let name = Self.packageName(ofSpecifier: specifier) { packages.insert(name) }
            }
        }
        return packages
    }

    /// The package a bare specifier names; nil for relative paths, URLs and `node:` built-ins.
    static func packageName(ofSpecifier specifier: String) -> String? {
        guard let first = specifier.first, first != ".", first != "/", first != "#", !specifier.contains(":") else { return nil }
        let parts = specifier.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        if first == "@" {
            guard parts.count >= 2, !parts[1].isEmpty else { return nil }
            return parts[0] + "/" + parts[1]
        }
        return parts.first.map(String.init)
    }
}
