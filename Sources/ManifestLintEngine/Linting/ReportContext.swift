import ManifestLintRules

/// Where the machine formats anchor paths: the repository root (or the
/// current directory outside a repository).
public struct ReportContext: Sendable {
    public var root: String
    public var displayPath: @Sendable (String) -> String

    public init(root: String, displayPath: @escaping @Sendable (String) -> String) {
        self.root = root
        self.displayPath = displayPath
    }

    /// A path relative to the root (as SARIF and GitHub want it).
    public func rootRelative(_ path: String) -> String {
        Path.relative(path, inside: root) ?? displayPath(path)
    }

    /// The nearest directory at or above `directory` holding `.git`, else `directory`.
    public static func repositoryRoot(from directory: String, tree: some FileTree) -> String {
        var current: String? = directory
        while let path = current {
            if tree.exists(Path.join(path, ".git")) { return path }
            current = Path.parent(path)
        }
        return directory
    }
}
