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
