import Synchronization

/// Remembers, for one project's check, what the file tree answered: each
/// directory is listed once, a path in a listed (or missing) directory needs
/// no stat, and what lies outside the project (package.json and
/// node_modules looked up in the directories above it) is shared by the
/// projects one worker checks, since they all walk up through the same directories.
public final class CachingFileTree: FileTree {
    /// Kinds of paths outside any one project, shared by a worker's projects (a few per directory level).
    public final class Shared: Sendable {
        fileprivate let kinds = Mutex<[String: FileKind]>([:])
        /// Listings made before the checks (by discovery's walk), read-only.
        fileprivate let listings: [String: [DirectoryEntry]]
        public init(listings: [String: [DirectoryEntry]] = [:]) {
            self.listings = listings
        }
    }

    private let base: any FileTree
    private let projectDirectory: String
    private let shared: Shared
    /// Inside the project, answers are keyed by the path relative to the
    /// project directory: short keys hash fast, and most questions are asked there.
    /// Sized for a typical project's questions (most are answered by the
    /// last listing, and a check stores a few to a dozen): room for them at
    /// once, without the cost of allocating a large table for every project.
    private let insideKinds = Mutex<[String: FileKind]>(Dictionary(minimumCapacity: 12))
    private let insideListings = Mutex<[String: [DirectoryEntry]?]>(Dictionary(minimumCapacity: 6))
    /// Listings of directories outside the project, by their tree path.
    private let outsideListings = Mutex<[String: [DirectoryEntry]?]>([:])
    /// The last listing made or used, with its directory: questions come in
    /// runs about one directory (the project's own, mostly), and this answers
    /// them by comparing bytes, without building a key string or hashing one.
    private let lastListing = Mutex<(directory: String, entries: [DirectoryEntry])?>(nil)

    public init(_ base: any FileTree, projectDirectory: String, shared: Shared) {
        self.base = base
        self.projectDirectory = projectDirectory
        self.shared = shared
    }

    public func list(_ directory: String) -> [DirectoryEntry]? {
        if let entries = lastListing.withLock({ $0?.directory == directory ? $0?.entries : nil }) { return entries }
        if let relative = Path.relative(directory, inside: projectDirectory) {
            return listing(of: directory, cachedIn: insideListings, as: relative)
        }
        return listing(of: directory, cachedIn: outsideListings, as: directory)
    }

    private func listing(of directory: String, cachedIn cache: borrowing Mutex<[String: [DirectoryEntry]?]>, as key: String) -> [DirectoryEntry]? {
        if let cached = cache.withLock({ $0[key] }) {
            if let cached { remember(cached, of: directory) }
            return cached
        }
        let entries = shared.listings[directory] ?? base.list(directory)
        cache.withLock { $0[key] = .some(entries) }
        if let entries { remember(entries, of: directory) }
        return entries
    }

    private func remember(_ entries: [DirectoryEntry], of directory: String) {
        lastListing.withLock { $0 = (directory, entries) }
    }

    /// What the last listing says of `path`, when `path` names an entry of
    /// its directory (the same answer that listing gives below); nil when the
    /// last listing is of another directory.
    private func kindFromLastListing(_ path: String) -> FileKind? {
        entryInLastListing(path).map { $0?.kind ?? .missing }
    }

    /// The last listing's entry for `path`: nil when that listing is of
    /// another directory, `.some(nil)` when the name is not in it.
    private func entryInLastListing(_ path: String) -> DirectoryEntry?? {
        path.withBytes { bytes -> DirectoryEntry?? in
            let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
            let nameStart = slash.map { $0 + 1 } ?? 0
            guard nameStart < bytes.count else { return nil }
            // The directory's bytes: "/" for a name right below the root, "" for a top name of a relative tree.
            let directoryEnd = slash.map { $0 == 0 ? 1 : $0 } ?? 0
            let directory = UnsafeBufferPointer(rebasing: bytes[..<directoryEnd])
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart...])
            return lastListing.withLock { last -> DirectoryEntry?? in
                guard let last, last.directory.hasBytes(directory) else { return nil }
                return .some(last.entries.first { $0.name.hasBytes(name) })
            }
        }
    }

    public func kind(of path: String) -> FileKind {
        if let answer = kindFromLastListing(path) { return answer }
        if let relative = Path.relative(path, inside: projectDirectory) { return kindInside(path, relative: relative) }
        if let cached = shared.kinds.withLock({ $0[path] }) { return cached }
        var answer: FileKind?
        if let parent = Path.parent(path), let entries = outsideListings.withLock({ $0[parent] ?? nil }) ?? shared.listings[parent] {
            remember(entries, of: parent)
            answer = entries.kind(ofEntryNamed: Path.basename(path))
        }
        let kind = answer ?? base.kind(of: path)
        shared.kinds.withLock { $0[path] = kind }
        return kind
    }

    /// A path inside the project: the listing of its directory answers when
    /// there is one, and a missing directory answers for everything below it.
    private func kindInside(_ path: String, relative: String) -> FileKind {
        if let cached = insideKinds.withLock({ $0[relative] }) { return cached }
        let answer: FileKind
        if let parentRelative = Path.parent(relative), let parent = Path.parent(path) {
            if let entries = listingMadeInside(parent, relative: parentRelative) {
                answer = entries.kind(ofEntryNamed: Path.basename(relative))
            } else if !parentRelative.isEmpty, kindInside(parent, relative: parentRelative) == .missing {
                answer = .missing
            } else {
                answer = base.kind(of: path)
            }
        } else {
            answer = base.kind(of: path)
        }
        insideKinds.withLock { $0[relative] = answer }
        return answer
    }

    /// The listing of a directory inside the project, when this check or
    /// discovery made one (nothing is listed to answer a question about a path).
    private func listingMadeInside(_ directory: String, relative: String) -> [DirectoryEntry]? {
        if let cached = insideListings.withLock({ $0[relative] }) {
            if let cached { remember(cached, of: directory) }
            return cached
        }
        guard let seeded = shared.listings[directory] else { return nil }
        insideListings.withLock { $0[relative] = .some(seeded) }
        remember(seeded, of: directory)
        return seeded
    }

    /// Reads through; a read refused for a path that exists is kept, with
    /// its reason, for the project's report (see `refusedReads`).
    public func read(_ path: String) -> [UInt8]? {
        if let bytes = base.read(path, listedAsRegularFile: isListedRegularFile(path)) { return bytes }
        noteRefusal(of: path)
        return nil
    }

    /// Whether a listing made so far gives `path` as a regular file (see
    /// `DirectoryEntry.isListedRegularFile`); nothing is listed to answer.
    private func isListedRegularFile(_ path: String) -> Bool {
        if let entry = entryInLastListing(path) { return entry?.isListedRegularFile ?? false }
        guard let parent = Path.parent(path) else { return false }
        let entries = Path.relative(parent, inside: projectDirectory).flatMap { relative in insideListings.withLock { $0[relative] ?? nil } }
            ?? outsideListings.withLock { $0[parent] ?? nil } ?? shared.listings[parent]
        return entries?.entry(named: Path.basename(path))?.isListedRegularFile ?? false
    }

    /// Most failed reads are of optional files that are simply missing
    /// (.gitignore, .nvmrc): those are no refusal, and the kind answered
    /// from a listing settles it without another system call. A path listed
    /// as a file that then reads as missing changed during the check.
    private func noteRefusal(of path: String) {
        guard kind(of: path) != .missing else { return }
        let reason = base.whyUnreadable(path) ?? .changedDuringCheck
        refused.withLock { refused in
            if !refused.contains(where: { $0.path == path }) { refused.append(RefusedRead(path: path, reason: reason)) }
        }
    }

    /// The refused reads of this check, in the order they happened.
    private let refused = Mutex<[RefusedRead]>([])

    public func refusedReads() -> [RefusedRead] { refused.withLock { $0 } }
    public func whyUnreadable(_ path: String) -> UnreadableReason? { base.whyUnreadable(path) }
    public func whyUnlistable(_ directory: String) -> UnreadableReason? { base.whyUnlistable(directory) }
    public func displayPath(_ path: String) -> String { base.displayPath(path) }
    public func absenceNote(_ path: String) -> String? { base.absenceNote(path) }
    public func projectFiles(below directory: String) -> [String]? { base.projectFiles(below: directory) }
}
