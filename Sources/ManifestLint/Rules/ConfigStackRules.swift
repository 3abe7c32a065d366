extension ProjectGraph {
    /// Each stack with its config entries by full key; empty for templates and nameless projects.
    func findStackConfigs() -> [(stack: StackConfig, entries: StackConfig.EntriesByFullKey)] {
        guard let project = project.name, !project.isEmpty, !self.project.isTemplate else { return [] }
        return stacks.filter(\.document.parsed).map { ($0, $0.entriesByFullKey(project: project)) }
    }
}
