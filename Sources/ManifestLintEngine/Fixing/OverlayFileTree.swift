import Synchronization
import ManifestLintRules

/// A file tree with pending changes laid over another: the fixer lints and
/// edits this in memory, round after round, before anything is written.
/// Each file is read from the base once: every round, and the writer's
/// check that nothing changed meanwhile, see the bytes the fixes were made from.
final class OverlayFileTree: FileTree {
    private struct State {
        var contents: [String: [UInt8]] = [:]
        var removed: Set<String> = []
        /// What the base gave on the first read of each path (nil: it could not be read).
        var baseReads: [String: [UInt8]?] = [:]
    }

    let base: any FileTree
    private let state = Mutex(State())

    init(_ base: any FileTree) {
        self.base = base
    }

    func write(_ bytes: [UInt8], to path: String) {
        state.withLock { state in
            state.contents[path] = bytes
            state.removed.remove(path)
        }
    }

    func rename(_ from: String, to destination: String) {
        let bytes = read(from) ?? []
        state.withLock { state in
            state.contents[destination] = bytes
            state.removed.remove(destination)
            state.contents[from] = nil
            state.removed.insert(from)
        }
    }

    /// The files whose content was set, and the paths renamed away.
    var changes: (contents: [String: [UInt8]], removed: Set<String>) {
        state.withLock { ($0.contents, $0.removed) }
    }

    func kind(of path: String) -> FileKind {
        let (contents, removed) = changes
        if contents[path] != nil { return .file }
        if removed.contains(path) { return .missing }
        return base.kind(of: path)
    }

    func read(_ path: String) -> [UInt8]? {
        let (contents, removed) = changes
        if let bytes = contents[path] { return bytes }
        if removed.contains(path) { return nil }
        return original(path)
    }

    /// The base's bytes of a path as the run first read them.
    func original(_ path: String) -> [UInt8]? {
        if let known = state.withLock({ $0.baseReads[path] }) { return known }
        let bytes = base.read(path)
        state.withLock { $0.baseReads[path] = .some(bytes) }
        return bytes
    }

    func list(_ directory: String) -> [DirectoryEntry]? {
        let (contents, removed) = changes
        let listed = base.list(directory)
        // A directory that cannot be listed stays so (discovery reports it), unless a fix put a file there.
        if listed == nil && !contents.keys.contains(where: { Path.parent($0) == directory }) { return nil }
        var entries = listed ?? []
        entries.removeAll { removed.contains(Path.join(directory, $0.name)) }
        for path in contents.keys where Path.parent(path) == directory {
            let name = Path.basename(path)
            if !entries.contains(where: { $0.name == name }) { entries.append(DirectoryEntry(name: name, kind: .file)) }
        }
        return entries.sorted { $0.name < $1.name }
    }

    func whyUnreadable(_ path: String) -> UnreadableReason? {
        state.withLock { $0.contents[path] == nil && !$0.removed.contains(path) } ? base.whyUnreadable(path) : nil
    }

    func whyUnlistable(_ directory: String) -> UnreadableReason? { base.whyUnlistable(directory) }
    func displayPath(_ path: String) -> String { base.displayPath(path) }
    func absenceNote(_ path: String) -> String? { base.absenceNote(path) }
}
