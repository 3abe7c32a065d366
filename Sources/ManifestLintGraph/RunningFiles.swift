import ManifestLintManifests

extension ProjectGraph {
    /// Whether Node runs what the TypeScript build emits rather than the
    /// sources the rules read: `main` names tsc's output.
    public var runsBuildOutput: Bool {
        programSourceFiles != programEntryFiles
    }

    /// The file Node runs for a module of the program's source: the module's
    /// own file (ts-node compiles TypeScript where it lies, JavaScript runs
    /// as it is), or the file the build emits from it when the program is
    /// the build's output; nil when that output cannot be told. `__dirname`
    /// and `import.meta.url` name this file's directory.
    public func runningFile(ofSource path: String, runsBuildOutput: Bool) -> String? {
        runsBuildOutput ? typeScriptBuild.output(for: path, tree: tree) : path
    }

    /// Why the program runs in `programDirectory`, for messages: "the
    /// directory of main: lib/index.ts", "main: dist/", "the project directory".
    public var programDirectoryReason: String {
        guard let main = mainReference, programDirectory != location.directory else { return "the project directory" }
        return programDirectory == main.target ? "main: \(main.written)" : "the directory of main: \(main.written)"
    }
}
