import ManifestLintManifests

/// How Node loads a JavaScript file: as CommonJS or as an ES module, from its
/// extension and the `type` of the nearest package.json (as publint judges it).
public struct ModuleFormat {
    public enum Kind: Equatable { case commonJS, module }

    public var kind: Kind
    /// Why, for messages: "the .cjs extension", "\"type\": \"commonjs\" in package.json", ...
    public var reason: String
    /// A .js file whose nearest package.json has no `type`: Node 22.7+ and
    /// 20.19+ re-parse it as an ES module when it has module syntax.
    public var typeless: Bool
}

extension ProjectGraph {
    /// The format Node gives a .js, .mjs or .cjs file; nil for other files.
    public func moduleFormat(of path: String) -> ModuleFormat? {
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
}
