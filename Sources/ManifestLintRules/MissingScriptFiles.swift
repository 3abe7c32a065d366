import ManifestLintGraph

/// A file a script command names that is not there (or exists only as another program).
struct MissingScriptFile {
    var invocation: PackageScripts.Invocation
    var argument: FileArgument
    var target: String

    /// Every missing file argument of every command, once.
    fileprivate static func all(in graph: ProjectGraph) -> [MissingScriptFile] {
        guard let scripts = graph.packageScripts else { return [] }
        var seen = Set<Span>()
        var result: [MissingScriptFile] = []
        for invocation in scripts.invocations {
            // After a `cd` into a directory that is not there, nothing runs (script-file-missing reports the cd).
            guard let directory = invocation.directory,
                  directory == scripts.package.directory || graph.tree.kind(of: directory) == .directory else { continue }
            for argument in invocation.fileArguments where seen.insert(argument.word.span).inserted {
                let target = Path.join(directory, argument.word.text)
                if graph.isPresent(argument, at: target) == false {
                    result.append(MissingScriptFile(invocation: invocation, argument: argument, target: target))
                }
            }
        }
        return result
    }

    /// The program Pulumi runs, when this is a node/ts-node/tsx program naming it with another extension.
    func entryNamedLike(in graph: ProjectGraph) -> (path: String, description: String)? {
        guard case .program = argument.kind else { return nil }
        return graph.programNamedLike(target)
    }
}

/// The files script commands name that are not there, for script-file-missing
/// and script-entry-mismatch (which takes those that name the program under
/// another extension).
enum MissingScriptFiles: ProjectFact {
    static func compute(for graph: ProjectGraph) -> [MissingScriptFile] {
        MissingScriptFile.all(in: graph)
    }
}
