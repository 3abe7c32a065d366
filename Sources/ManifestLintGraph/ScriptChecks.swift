import ManifestLintManifests

/// What the script rules ask of the graph.
extension ProjectGraph {
    /// Whether a file a command names is there: true, false, or nil when it
    /// might be the output of a tsconfig that could not be read completely.
    public func isPresent(_ argument: FileArgument, at target: String) -> Bool? {
        let candidates = argument.candidates(target)
        if case .configuration(let directoryAllowed) = argument.kind, directoryAllowed, tree.isFile(target) || tree.isFile(Path.join(target, "tsconfig.json")) {
            return true
        }
        // Every candidate lies in the target's directory or below it: when that is missing
        // (a build output before the build), none needs a look.
        let directoryExists = Path.parent(target).map { tree.kind(of: $0) != .missing } ?? true
        if directoryExists, candidates.contains(where: { tree.isFile($0) }) { return true }
        var unknown = false
        for candidate in candidates {
            switch typeScriptBuild.verdict(for: candidate, tree: tree) {
            case .emitted: return true
            case .unknown: unknown = true
            case .notEmitted: break
            }
        }
        return unknown ? nil : false
    }

    /// A fix that replaces a script word with `text`, when the word is
    /// written as is in package.json and `text` needs no quoting.
    public func replacing(_ word: ShellWord, with text: String, in file: SourceFile, _ applicability: Applicability) -> Fix? {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._/@+-".unicodeScalars.contains($0)) }
        guard safe, !text.isEmpty, word.isVerbatim(in: file) else { return nil }
        return Fix(applicability, "Change '\(word.text)' to '\(text)'", [.edit(TextEdit(path: file.path, span: word.span, replacement: text))])
    }
}

extension ProjectGraph {
    /// The scripts of the package whose script a runner started in
    /// `directory` runs: that of the nearest package.json from there up (this
    /// package's own when it is the one). nil when the directory is not there
    /// or the package.json found cannot be read or parsed.
    public func packageScripts(runningIn directory: String) -> PackageScripts? {
        if let own = packageScripts, own.package.directory == directory { return own }
        guard tree.kind(of: directory) == .directory, let manifest = nearestPackageManifest(from: directory) else { return nil }
        if let own = packageScripts, own.package.directory == manifest.directory { return own }
        guard manifest.document.parsed else { return nil }
        return PackageScripts(package: manifest, cache: scriptCache)
    }
}

extension ProjectGraph {
    /// Whether a file of this name is in `directory` or any directory above it, up to the root of the file system.
    public func hasFileAbove(named name: String, from directory: String) -> Bool {
        var current: String? = directory
        while let directory = current {
            if tree.isFile(Path.join(directory, name)) { return true }
            current = Path.parent(directory)
        }
        return false
    }
}
