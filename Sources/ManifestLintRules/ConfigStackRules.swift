import ManifestLintGraph

/// Each stack with its config entries by full key, for the rules that check
/// stack values against the project's declarations; empty for templates and
/// nameless projects.
enum StackConfigs: ProjectFact {
    static func compute(for graph: ProjectGraph) -> [(stack: StackConfig, entries: StackConfig.EntriesByFullKey)] {
        guard let project = graph.project.name, !project.isEmpty, !graph.project.isTemplate else { return [] }
        return graph.stacks.filter(\.document.parsed).map { ($0, $0.entriesByFullKey(project: project)) }
    }
}

/// The project file's config declarations, for the rules that read them.
enum ConfigDeclarations: ProjectFact {
    static func compute(for graph: ProjectGraph) -> [ConfigDeclaration] {
        graph.project.configDeclarations
    }
}
