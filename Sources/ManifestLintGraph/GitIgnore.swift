import ManifestLintManifests

/// Whether git ignores a path, by the .gitignore files of the repository:
/// those in the path's directory and in each directory above it, up to the
/// repository root (the nearest directory holding `.git`, else the top of the
/// tree). Patterns follow gitignore(5): `#` comments, `!` negation, a
/// trailing `/` for directories only, a `/` elsewhere anchoring the pattern
/// to its file's directory, `*`, `?`, `[...]` and `**`; the last matching
/// pattern wins, and nothing below an ignored directory can be re-included.
/// (Files git tracks stay tracked whatever .gitignore says; the rules ask
/// about build outputs, which git does not track.)
public enum GitIgnore {
    private struct Pattern {
        var components: [String]
        var negated: Bool
        var directoryOnly: Bool
        /// Matched against the path below the .gitignore's directory, not only its last component.
        var anchored: Bool
    }

    /// `asDirectory`: ask about `path` as a directory even when it is not there (a `dist/` pattern then matches it).
    public static func ignores(_ path: String, asDirectory: Bool = false, tree: some FileTree) -> Bool {
        let path = Path.normalize(path)
        var directories: [String] = []
        var current = Path.parent(path)
        while let directory = current {
            directories.append(directory)
            if tree.exists(Path.join(directory, ".git")) { break }
            current = Path.parent(directory)
        }
        // From the repository root down: each .gitignore with its directory.
        let files = directories.reversed().compactMap { directory -> (String, [Pattern])? in
            guard let bytes = tree.read(Path.join(directory, ".gitignore")), bytes.count < 1_000_000 else { return nil }
            return (directory, patterns(String(decoding: bytes, as: UTF8.self)))
        }
        guard !files.isEmpty, let top = directories.last else { return false }
        // Each directory below the top, then the file: an ignored directory ignores what it holds.
        var prefixes: [(path: String, isDirectory: Bool)] = directories.reversed().dropFirst().map { ($0, true) }
        prefixes.append((path, asDirectory || tree.isDirectory(path)))
        for prefix in prefixes where Path.isInside(prefix.path, top) {
            var ignored = false
            for (directory, patterns) in files where prefix.path != directory && Path.isInside(prefix.path, directory) {
                guard let relative = Path.relative(prefix.path, inside: directory), !relative.isEmpty else { continue }
                let components = relative.split(separator: "/").map(String.init)
                for pattern in patterns where !pattern.directoryOnly || prefix.isDirectory {
                    let matched = pattern.anchored
                        ? match(pattern.components[...], components[...])
                        : components.last.map { FastGlob.matches(pattern.components[0], $0) } ?? false
                    if matched { ignored = !pattern.negated }
                }
            }
            if ignored { return true }
        }
        return false
    }

    private static func patterns(_ text: String) -> [Pattern] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
            var pattern = String(line)
            while pattern.hasSuffix(" "), !pattern.hasSuffix("\\ ") { pattern.removeLast() }
            guard !pattern.isEmpty, !pattern.hasPrefix("#") else { return nil }
            var negated = false
            if pattern.hasPrefix("!") {
                negated = true
                pattern.removeFirst()
            } else if pattern.hasPrefix("\\!") || pattern.hasPrefix("\\#") {
                pattern.removeFirst()
            }
            var directoryOnly = false
            while pattern.hasSuffix("/") {
                directoryOnly = true
                pattern.removeLast()
            }
            let anchored = pattern.contains("/")
            let components = pattern.split(separator: "/").map(String.init)
            guard !components.isEmpty else { return nil }
            return Pattern(components: components, negated: negated, directoryOnly: directoryOnly, anchored: anchored)
        }
    }

    /// Pattern components against path components; `**` spans any number of them.
    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let name = path.first, FastGlob.matches(first, name) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }
}
