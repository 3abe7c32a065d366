import Synchronization

/// Wraps a file tree and remembers every path asked about: what one
/// project's graph and rules depend on, so that a staged change can be
/// matched to the projects it touches.
public final class RecordingFileTree: FileTree {
    private let base: any FileTree
    private let queried = Mutex<Set<String>>([])
    private let listed = Mutex<Set<String>>([])

    public init(_ base: any FileTree) {
        self.base = base
    }

    /// Whether a change to `path` (added, modified, deleted or renamed) can
    /// change what was seen: the path itself was asked about, or a directory
    /// that holds it (or held it: a deleted directory is no longer listed)
    /// was listed or asked about (a file added below a missing directory
    /// changes what that directory is).
    public func depends(on path: String) -> Bool {
        let queried = queried.withLock { $0 }
        if queried.contains(path) { return true }
        let listed = listed.withLock { $0 }
        var current = Path.parent(path)
        while let directory = current {
            if listed.contains(directory) || queried.contains(directory) { return true }
            current = Path.parent(directory)
        }
        return false
    }

    public func kind(of path: String) -> FileKind {
        queried.withLock { _ = $0.insert(path) }
        return base.kind(of: path)
    }

    public func read(_ path: String) -> [UInt8]? {
        queried.withLock { _ = $0.insert(path) }
        return base.read(path)
    }

    public func list(_ directory: String) -> [DirectoryEntry]? {
        listed.withLock { _ = $0.insert(directory) }
        return base.list(directory)
    }

    public func whyUnreadable(_ path: String) -> UnreadableReason? { base.whyUnreadable(path) }
    public func whyUnlistable(_ directory: String) -> UnreadableReason? { base.whyUnlistable(directory) }
    public func displayPath(_ path: String) -> String { base.displayPath(path) }
    public func absenceNote(_ path: String) -> String? { base.absenceNote(path) }
    public func projectFiles(below directory: String) -> [String]? { base.projectFiles(below: directory) }
}
