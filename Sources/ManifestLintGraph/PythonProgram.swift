import ManifestLintManifests

extension ProjectGraph {
    public var isPythonRuntime: Bool { runtime == "python" }

    /// The file Pulumi's Python host runs (`runpy.run_path`): `main` when it
    /// is a file, else `__main__.py` in the program directory; [] when there is none.
    public var pythonEntryFiles: [String] {
        guard isPythonRuntime else { return [] }
        if let main = mainReference, main.status == .exists, tree.isFile(main.target) { return [main.target] }
        let entry = Path.join(programDirectory, "__main__.py")
        return tree.isFile(entry) ? [entry] : []
    }
}
