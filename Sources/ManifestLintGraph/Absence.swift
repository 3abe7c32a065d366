import ManifestLintManifests

extension ProjectGraph {
    /// How to say that a referenced file is not there: "does not exist", or,
    /// in the staged snapshot, that it exists but is not staged (and how to
    /// fix that). `candidates` are the paths Node would probe, the literal one first.
    public func absence(of candidates: [String]) -> String {
        guard let first = candidates.first else { return "does not exist" }
        if let note = tree.absenceNote(first) { return note }
        for candidate in candidates.dropFirst() {
            if let note = tree.absenceNote(candidate) {
                return "is not in this commit: \(tree.displayPath(candidate)) \(note)"
            }
        }
        return "does not exist"
    }
}
