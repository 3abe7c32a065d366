import Synchronization
import ManifestLintFindings

/// What the projects of a run find in the directories above them, looked up
/// once per directory (and worker): the projects of a monorepo all walk up through the
/// same directories, to the same root package.json and node_modules. Each
/// directory's answer is its own finding plus its parent's answer.
///
/// Shared by the projects that one worker checks in a run over one tree; in
/// staged mode each project gets its own, since every question it asks must
/// reach its recorder.
public final class AncestorCache: Sendable {
    private let packageDependencies = Mutex<[String: Set<String>]>([:])
    private let nodeModules = Mutex<[String: [String]]>([:])

    public init() {}

    /// What the package.json files in `directory` and the directories above it
    /// depend on. `manifest` reads one directory's package.json, if it has one.
    public func packageDependencies(from directory: String, manifest: (String) -> PackageManifest?) -> Set<String> {
        answer(from: directory, in: packageDependencies, own: { manifest($0)?.dependencyNames ?? [] },
               addingAbove: { $0.formUnion($1) })
    }

    /// The node_modules directories in `directory` and the directories above it, nearest first.
    func nodeModules(from directory: String, isDirectory: (String) -> Bool) -> [String] {
        answer(from: directory, in: nodeModules, own: { directory in
            let candidate = Path.join(directory, "node_modules")
            return isDirectory(candidate) ? [candidate] : []
        }, addingAbove: { $0 += $1 })
    }

    /// A directory's answer from `table`, or its own finding joined with its parent's answer (and remembered).
    private func answer<Answer: Sendable>(from directory: String, in table: borrowing Mutex<[String: Answer]>,
                                          own: (String) -> Answer, addingAbove: (inout Answer, Answer) -> Void) -> Answer {
        if let cached = table.withLock({ $0[directory] }) { return cached }
        var result = own(directory)
        if let parent = Path.parent(directory) {
            addingAbove(&result, answer(from: parent, in: table, own: own, addingAbove: addingAbove))
        }
        table.withLock { $0[directory] = result }
        return result
    }
}
