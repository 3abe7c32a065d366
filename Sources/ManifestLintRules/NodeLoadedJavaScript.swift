import ManifestLintGraph

/// The JavaScript files Node itself loads, untransformed: the entry point
/// and what it imports, and the bin targets. Empty when something else
/// compiles or loads them: the bun runtime, a loader or require hook in
/// `nodeargs`, or ts-node with `allowJs`. module-format-mismatch checks
/// them; esm-entry-require looks at the entry among them.
enum NodeLoadedJavaScript: ProjectFact {
    static func compute(for graph: ProjectGraph) -> [JSModule] {
        guard graph.runtime == "nodejs" else { return [] }
        let nodeArguments = graph.project.runtimeOption("nodeargs")?.value.string ?? ""
        let hooks = ["--loader", "--experimental-loader", "--import", "--require", "-r"]
        if nodeArguments.split(separator: " ").contains(where: { word in hooks.contains { word == $0 || word.hasPrefix($0 + "=") } }) {
            return []
        }
        if graph.project.typeScriptEnabled, graph.runtimeTSConfig?.allowJs == true { return [] }
        let bins = graph.binReferences.filter { $0.status == .exists }.compactMap { NodeResolution.file($0.target, in: graph.tree) }
        return graph.programSources.reachable(from: graph.programEntryFiles + bins).filter { graph.moduleFormat(of: $0.file.path) != nil }
    }
}
