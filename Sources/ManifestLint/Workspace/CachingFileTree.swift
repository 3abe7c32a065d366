import Synchronization

/// Remembers, for one project's check, what the file tree answered: each
/// directory is listed once, a path in a listed (or missing) directory needs
/// no stat, and what lies outside the project (package.json and
/// node_modules looked up in the directories above it) is shared by every
/// project of the run, since they all walk up through the same directories.
final class CachingFileTree: FileTree {
    /// Kinds of paths outside any one project, shared by the whole run (a few per directory level).
    final class Shared: Sendable {
        fileprivate let kinds = Mutex<[String: FileKind]>([:])
        /// Listings made before the checks (by discovery's walk), read-only.
        fileprivate let listings: [String: [DirectoryEntry]]
        init(listings: [String: [DirectoryEntry]] = [:]) {
            self.listings = listings
        }
    }

    private let base: any FileTree
    private let projectDirectory: String
    private let shared: Shared
    private let listings = Mutex<[String: [DirectoryEntry]?]>([:])
    private let kinds = Mutex<[String: FileKind]>([:])

    init(_ base: any FileTree, projectDirectory: String, shared: Shared) {
        self.base = base
        self.projectDirectory = projectDirectory
        self.shared = shared
    }

    func list(_ directory: String) -> [DirectoryEntry]? {
        if let cached = listings.withLock({ $0[directory] }) { return cached }
        let entries = shared.listings[directory] ?? base.list(directory)
        listings.withLock { $0[directory] = .some(entries) }
        return entries
    }

    func kind(of path: String) -> FileKind {
        let outside = !Path.isInside(path, projectDirectory)
        if outside {
            if let cached = shared.kinds.withLock({ $0[path] }) { return cached }
        } else if let cached = kinds.withLock({ $0[path] }) {
            return cached
        }
        let answer = kindFromParent(of: path, outside: outside) ?? base.kind(of: path)
        if outside {
            shared.kinds.withLock { $0[path] = answer }
        } else {
            kinds.withLock { $0[path] = answer }
        }
        return answer
    }

    /// The answer a listing of the parent gives, or a missing parent.
    private func kindFromParent(of path: String, outside: Bool) -> FileKind? {
        guard let parent = Path.parent(path) else { return nil }
        if let entries = listings.withLock({ $0[parent] }) ?? shared.listings[parent] {
            let name = Path.basename(path)
            return entries.first { $0.name == name }?.kind ?? .missing
        }
        // Inside the project a missing directory answers for everything below it.
        if !outside, parent != projectDirectory, Path.isInside(parent, projectDirectory), kind(of: parent) == .missing {
            return .missing
        }
        return nil
    }

    func read(_ path: String) -> [UInt8]? { base.read(path) }
    func displayPath(_ path: String) -> String { base.displayPath(path) }
    func absenceNote(_ path: String) -> String? { base.absenceNote(path) }
    func projectFiles(below directory: String) -> [String]? { base.projectFiles(below: directory) }
}
