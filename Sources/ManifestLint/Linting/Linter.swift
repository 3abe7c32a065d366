import Dispatch
import Synchronization

/// What a check of some paths found.
public struct LintResult: Sendable {
    /// Every finding, deduplicated and in presentation order.
    public var diagnostics: [Diagnostic]
    public var projectCount: Int
    /// Paths from the command line that do not exist or cannot be read.
    public var unreadablePaths: [String]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs the rules over every project below some paths: each project's graph
/// is built, checked and dropped on a worker, projects in parallel.
public struct Linter: Sendable {
    public var rules: [Rule]

    public init(rules: [Rule] = Rule.all) {
        self.rules = rules
    }

    public func check(paths: [String], in tree: some FileTree) -> LintResult {
        let discovered = Discovery.findProjects(from: paths, in: tree)
        let projects = discovered.projects
        let collected = Mutex<[[Diagnostic]]>(Array(repeating: [], count: projects.count))
        DispatchQueue.concurrentPerform(iterations: projects.count) { index in
            let diagnostics = check(project: projects[index], in: tree)
            collected.withLock { $0[index] = diagnostics }
        }
        var seen = Set<Diagnostic>()
        let diagnostics = collected.withLock { $0 }.joined().filter { seen.insert($0).inserted }
        return LintResult(diagnostics: diagnostics.sorted(by: Diagnostic.presentationOrder),
                          projectCount: projects.count, unreadablePaths: discovered.unreadable)
    }

    /// The findings of every rule on one project.
    public func check(project: ProjectLocation, in tree: any FileTree) -> [Diagnostic] {
        let graph = ProjectGraph(location: project, tree: tree)
        return rules.flatMap { $0.run(on: graph) }
    }
}
