extension ProjectGraph {
    /// The load problems of every file of the graph in the given formats.
    func loadProblems(in formats: Set<FileFormat>) -> [(file: SourceFile, problem: LoadProblem, format: FileFormat)] {
        documents.flatMap { entry in
            formats.contains(entry.format)
                ? entry.document.problems.map { (entry.document.file, $0, entry.format) }
                : []
        }
    }
}

extension Findings {
    /// Reports syntax problems as errors and tolerated ones as warnings.
    mutating func reportSyntaxProblems(of graph: ProjectGraph, in formats: Set<ProjectGraph.FileFormat>) {
        for (file, problem, _) in graph.loadProblems(in: formats) {
            switch problem.kind {
            case .syntax: report(problem.message, in: file, at: problem.span, severity: .error)
            case .tolerated: report(problem.message, in: file, at: problem.span, severity: .warning)
            case .duplicateKey: break
            }
        }
    }
}
