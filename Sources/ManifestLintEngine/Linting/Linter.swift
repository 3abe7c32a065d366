import Synchronization
import ManifestLintRules

/// What a check of some paths found.
public struct LintResult: Sendable {
    /// Every finding, deduplicated and in presentation order.
    public var diagnostics: [Diagnostic]
    public var projectCount: Int
    /// What the run could not judge: paths given that do not exist, directories
    /// that cannot be listed, projects whose project file cannot be read.
    public var unchecked: [UncheckedPath]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs the rules over every project below some paths: each project's graph
/// is built, checked and dropped on a worker, projects in parallel.
public struct Linter: Sendable {
    public var rules: [Rule]
    /// `.manifest-lint.yaml`, when there is one.
    public var configuration: Configuration?
    /// The revision the checked files are compared with (staged mode: HEAD;
    /// `--base REF`), for the rules about what a change does; nil: none.
    public var base: (any BaseRevision)?

    /// Rules that the configuration turns off for every path do not run.
    public init(rules: [Rule] = Rule.all, configuration: Configuration? = nil) {
        self.rules = rules.filter { !(configuration?.isOffEverywhere($0.id) ?? false) }
        self.configuration = configuration
    }

    /// Checks every project below `paths`. With `touching`, only the projects
    /// that depend on one of those paths count (staged mode: the paths the
    /// staged change adds, modifies, deletes or renames).
    public func check(paths: [String], in tree: some FileTree, touching changed: Set<String>? = nil) -> LintResult {
        let discovered = Discovery.findProjects(from: paths, in: tree)
        let projects = discovered.projects.filter { !(configuration?.excludes($0.projectFile) ?? false) }
        let collected = Mutex<[ProjectCheck?]>(Array(repeating: nil, count: projects.count))
        let listings = discovered.listings
        let next = Atomic<Int>(0)
        // One worker per CPU, taking the next project until none is left, each with caches of its own:
        // caches shared by all the CPUs cost more (their entries' reference counts and locks
        // bounce between the CPUs) than the second look-up per distinct answer that they save.
        WorkerThreads.run(max(projects.count, 1)) { _ in
            let shared = CachingFileTree.Shared(listings: listings)
            let scriptCache = ScriptCache()
            let ancestors = AncestorCache()
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < projects.count else { break }
                let outcome: ProjectCheck? = if let changed {
                    check(project: projects[index], in: tree, ifTouching: changed, scriptCache: scriptCache)
                } else {
                    check(project: projects[index], in: tree, shared: shared, scriptCache: scriptCache, ancestors: ancestors)
                }
                collected.withLock { $0[index] = outcome }
            }
        }
        let results = collected.withLock { $0 }.compactMap { $0 }
        var diagnostics = Array(results.map(\.diagnostics).joined())
        if let configuration { diagnostics = configuration.apply(to: diagnostics) }
        let unlisted = discovered.unchecked.filter { !(configuration?.excludes($0.path) ?? false) }
        return LintResult(diagnostics: Self.sortedWithoutRepeats(diagnostics), projectCount: results.count { $0.unchecked == nil },
                          unchecked: unlisted + results.compactMap(\.unchecked))
    }

    /// One project's findings, or, when its project file cannot be read, why it was not judged.
    struct ProjectCheck: Sendable {
        var diagnostics: [Diagnostic]
        var unchecked: UncheckedPath?
    }

    /// Findings in presentation order, each once (two projects may report the
    /// same finding about a file they share). Equal findings share their sort
    /// key, so after sorting each is compared only with the kept findings of
    /// its key, instead of hashing every field of every finding.
    public static func sortedWithoutRepeats(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        var keyStart = 0
        for diagnostic in diagnostics.sorted(by: Diagnostic.presentationOrder) {
            if let last = result.last, Diagnostic.presentationOrder(last, diagnostic) { keyStart = result.count }
            if !result[keyStart...].contains(diagnostic) { result.append(diagnostic) }
        }
        return result
    }

    /// Staged mode: the project's check when it depends on one of the changed paths, else nil.
    /// Every question of the project must reach its recorder, so nothing is shared with other projects
    /// (a kind looked up for another project would leave this one blind to a staged change there).
    private func check(project: ProjectLocation, in tree: some FileTree, ifTouching changed: Set<String>,
                       scriptCache: ScriptCache) -> ProjectCheck? {
        let recorder = RecordingFileTree(tree)
        let found = check(project: project, in: recorder, shared: CachingFileTree.Shared(), scriptCache: scriptCache,
                          ancestors: AncestorCache())
        return changed.contains { recorder.depends(on: $0) } ? found : nil
    }

    /// The findings of every rule on one project, suppressions applied.
    public func check(project: ProjectLocation, in tree: any FileTree) -> [Diagnostic] {
        check(project: project, in: tree, shared: CachingFileTree.Shared()).diagnostics
    }

    func check(project: ProjectLocation, in tree: any FileTree, shared: CachingFileTree.Shared,
               scriptCache: ScriptCache = ScriptCache(), ancestors: AncestorCache = AncestorCache()) -> ProjectCheck {
        let cached = CachingFileTree(tree, projectDirectory: project.directory, shared: shared)
        let graph = ProjectGraph(location: project, tree: cached, settings: configuration?.settings ?? RuleSettings(),
                                 scriptCache: scriptCache, ancestors: ancestors, base: base)
        // One list for every rule's findings; each rule stamps its own id and severity as it runs.
        var findings = Findings(tree: graph.tree)
        // By index: a rule called in place is not copied (a copy retains its strings and closures).
        for index in rules.indices { rules[index].run(on: graph, into: &findings) }
        // Without its project file there is no project to judge: what the rules made of an empty one is dropped.
        if let refused = cached.refusedReads().first(where: { $0.path == project.projectFile }) {
            return ProjectCheck(diagnostics: [], unchecked: UncheckedPath(path: refused.path, problem: "\(refused.reason); the project was not checked"))
        }
        return ProjectCheck(diagnostics: applySuppressions(findings.diagnostics, graph: graph))
    }
}
