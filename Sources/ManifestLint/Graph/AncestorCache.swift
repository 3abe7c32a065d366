import Synchronization

/// What the projects of a run find in the directories above them, looked up
/// once per directory: the projects of a monorepo all walk up through the
/// same directories, to the same workspace root and node_modules. Each
/// directory's answer is its own finding plus its parent's answer.
///
/// Shared by the projects of a run over one tree; in staged mode each project
/// gets its own, since every question it asks must reach its recorder.
final class AncestorCache: Sendable {
    /// The workspace roots of a directory and above, nearest first, and the names they all depend on.
    struct WorkspaceRoots: Sendable {
        var manifests: [PackageManifest] = []
        var dependencyNames: Set<String> = []
    }

    private let workspaceRoots = Mutex<[String: WorkspaceRoots]>([:])
    private let nodeModules = Mutex<[String: [String]]>([:])

    /// The workspace roots in `directory` and the directories above it.
    /// `root` reads one directory's package.json when it is a workspace root.
    func workspaceRoots(from directory: String, root: (String) -> PackageManifest?) -> WorkspaceRoots {
        if let cached = workspaceRoots.withLock({ $0[directory] }) { return cached }
        var result = WorkspaceRoots()
        if let manifest = root(directory) {
            result.manifests = [manifest]
            result.dependencyNames = manifest.dependencyNames
        }
        if let parent = Path.parent(directory) {
            let above = workspaceRoots(from: parent, root: root)
            result.manifests += above.manifests
            result.dependencyNames.formUnion(above.dependencyNames)
        }
        workspaceRoots.withLock { $0[directory] = result }
        return result
    }

    /// The node_modules directories in `directory` and the directories above it, nearest first.
    func nodeModules(from directory: String, isDirectory: (String) -> Bool) -> [String] {
        if let cached = nodeModules.withLock({ $0[directory] }) { return cached }
        let candidate = Path.join(directory, "node_modules")
        var result = isDirectory(candidate) ? [candidate] : []
        if let parent = Path.parent(directory) { result += nodeModules(from: parent, isDirectory: isDirectory) }
        nodeModules.withLock { $0[directory] = result }
        return result
    }
}
