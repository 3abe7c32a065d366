import ManifestLintGraph

extension ProjectGraph {
    /// The load problems of every file of the graph in the given formats (a
    /// list: three formats at most, and most files have no problem).
    func loadProblems(in formats: [FileFormat]) -> [(file: SourceFile, problem: LoadProblem, format: FileFormat)] {
        var result: [(file: SourceFile, problem: LoadProblem, format: FileFormat)] = []
        for entry in documents where !entry.document.problems.isEmpty && formats.contains(entry.format) {
            result += entry.document.problems.map { (entry.document.file, $0, entry.format) }
        }
        return result
    }
}

extension Findings {
    /// Reports syntax problems as errors and tolerated ones as warnings.
    mutating func reportSyntaxProblems(of graph: ProjectGraph, in formats: [ProjectGraph.FileFormat]) {
        for (file, problem, _) in graph.loadProblems(in: formats) {
            switch problem.kind {
            case .syntax: report(problem.message, in: file, at: problem.span, severity: .error)
            case .tolerated: report(problem.message, in: file, at: problem.span, severity: .warning)
            case .duplicateKey: break
            }
        }
    }
}
