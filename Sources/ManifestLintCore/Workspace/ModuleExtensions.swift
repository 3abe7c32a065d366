/// The file extensions of JavaScript and TypeScript modules, defined once.
public enum ModuleExtensions {
    /// TypeScript sources: tsc compiles them, ts-node loads them.
    public static let typeScript = [".ts", ".tsx", ".mts", ".cts"]
    /// JavaScript, as Node (or, for .jsx, a bundler) loads it.
    public static let javaScript = [".js", ".mjs", ".cjs", ".jsx"]
    /// Every module, TypeScript first.
    public static let all = typeScript + javaScript
    /// The order in which TypeScript's module resolution tries extensions
    /// added to an import without one.
    public static let resolutionOrder = [".ts", ".tsx", ".js", ".mjs", ".cjs", ".mts", ".cts", ".jsx"]

    /// Whether a path names a JavaScript or TypeScript module.
    public static func isModule(_ path: String) -> Bool {
        Path.hasExtension(path, among: all)
    }

    /// Whether a path names a TypeScript source.
    public static func isTypeScript(_ path: String) -> Bool {
        Path.hasExtension(path, among: typeScript)
    }
}
