import ManifestLintFindings

/// Whether fast-glob patterns match any file below a directory, each pattern
/// searched once per directory: scripts often repeat one (lint, format,
/// format:check). The answers are kept in a list, not a table: a package has a
/// few patterns, found faster by comparing than by building and hashing keys.
public struct GlobSearches {
    private let tree: any FileTree
    private var answers: [(directory: String, pattern: String, matches: Bool?)] = []

    public init(tree: any FileTree) {
        self.tree = tree
    }

    /// nil when the search could not finish (too many entries).
    public mutating func matchesAnyFile(_ pattern: String, below directory: String) -> Bool? {
        if let known = answers.first(where: { $0.pattern == pattern && $0.directory == directory }) { return known.matches }
        let matches = FastGlob.matchesAnyFile(pattern, base: directory, tree: tree)
        answers.append((directory, pattern, matches))
        return matches
    }
}
