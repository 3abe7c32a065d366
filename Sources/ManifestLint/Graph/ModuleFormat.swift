/// How Node loads a JavaScript file: as CommonJS or as an ES module, from its
/// extension and the `type` of the nearest package.json (as publint judges it).
struct ModuleFormat {
    enum Kind: Equatable { case commonJS, module }

    var kind: Kind
    /// Why, for messages: "the .cjs extension", "\"type\": \"commonjs\" in package.json", ...
    var reason: String
    /// A .js file whose nearest package.json has no `type`: Node 22.7+ and
    /// 20.19+ re-parse it as an ES module when it has module syntax.
    var typeless: Bool
}

extension ProjectGraph {
    /// The format Node gives a .js, .mjs or .cjs file; nil for other files.
    func moduleFormat(of path: String) -> ModuleFormat? {
        switch Path.pathExtension(path) {
        case ".mjs": return ModuleFormat(kind: .module, reason: "the .mjs extension", typeless: false)
        case ".cjs": return ModuleFormat(kind: .commonJS, reason: "the .cjs extension", typeless: false)
        case ".js": break
        default: return nil
        }
        guard let manifest = nearestPackageManifest(from: Path.parent(path)) else {
            return ModuleFormat(kind: .commonJS, reason: "no package.json with a \"type\"", typeless: true)
        }
        let shown = tree.displayPath(manifest.file.path)
        switch manifest.root?["type"]?.string {
        case "module": return ModuleFormat(kind: .module, reason: "\"type\": \"module\" in \(shown)", typeless: false)
        case "commonjs": return ModuleFormat(kind: .commonJS, reason: "\"type\": \"commonjs\" in \(shown)", typeless: false)
        default: return ModuleFormat(kind: .commonJS, reason: "no \"type\" in \(shown)", typeless: true)
        }
    }

    /// The JavaScript files Node itself loads, untransformed: the entry point
    /// and what it imports, and the bin targets. Empty when something else
    /// compiles or loads them: the bun runtime, a loader or require hook in
    /// `nodeargs`, or ts-node with `allowJs`.
    func findNodeLoadedJavaScript() -> [JSModule] {
        guard runtime == "nodejs" else { return [] }
        let nodeArguments = project.runtimeOption("nodeargs")?.value.string ?? ""
        let hooks = ["--loader", "--experimental-loader", "--import", "--require", "-r"]
        if nodeArguments.split(separator: " ").contains(where: { word in hooks.contains { word == $0 || word.hasPrefix($0 + "=") } }) {
            return []
        }
        if project.typeScriptEnabled, runtimeTSConfig?.allowJs == true { return [] }
        let bins = binReferences.filter { $0.status == .exists }.compactMap { NodeResolution.file($0.target, in: tree) }
        return programSources.reachable(from: programEntryFiles + bins).filter { moduleFormat(of: $0.file.path) != nil }
    }
}
