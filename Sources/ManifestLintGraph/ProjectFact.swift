import ManifestLintManifests

/// Something some rules need to know about a project, worked out once per
/// project, on the first ask, and kept by its graph. A fact is defined next
/// to the rules that use it; the graph itself holds only what the graph is
/// (manifests, references, entry resolution, build outputs).
///
///     enum StackConfigs: ProjectFact {
///         static func compute(for graph: ProjectGraph) -> [...] { ... }
///     }
///     for (stack, entries) in graph.fact(StackConfigs.self) { ... }
public protocol ProjectFact {
    associatedtype Value
    static func compute(for graph: ProjectGraph) -> Value
}
