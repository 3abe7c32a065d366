import ManifestLintManifests

extension ProjectGraph {
    /// The program Pulumi runs, when it names the same program as `path`
    /// (same directory and stem, another module extension) and exists.
    public func programNamedLike(_ path: String) -> (path: String, description: String)? {
        if let main = mainReference, main.status != .missing, !tree.isDirectory(main.target),
           Path.nameSameProgram(main.target, path) {
            return (main.target, "Pulumi.yaml main")
        }
        if case .directory(let entry) = nodeEntry, let loaded = entry.loadedFile, Path.nameSameProgram(loaded, path) {
            return (loaded, entry.packageCandidate?.target == loaded ? "package.json main" : "the program Pulumi loads")
        }
        return nil
    }
}
