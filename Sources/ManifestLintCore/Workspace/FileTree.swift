/// What a path is, symbolic links followed. `file` is anything that is not
/// a directory: a regular file, or a special one (a FIFO, a socket, a
/// device) that reads refuse and report (see `UnreadableReason`).
public enum FileKind: Sendable, Equatable {
    case file, directory, missing
}

public struct DirectoryEntry: Sendable, Equatable {
    public var name: String
    /// What the entry is, symbolic links followed.
    public var kind: FileKind
    public var isSymbolicLink = false
    /// The listing itself said "a regular file" (getdents' DT_REG): not a
    /// link and nothing special, so reading it needs no second type check.
    public var isListedRegularFile = false

    /// A directory that walks may enter: not a link (no cycles), not skipped.
    public var isWalkableDirectory: Bool {
        kind == .directory && !isSymbolicLink && !Discovery.isSkipped(directoryName: name)
    }

    public init(name: String, kind: FileKind, isSymbolicLink: Bool = false, isListedRegularFile: Bool = false) {
        self.name = name
        self.kind = kind
        self.isSymbolicLink = isSymbolicLink
        self.isListedRegularFile = isListedRegularFile
    }
}

extension [DirectoryEntry] {
    /// What the entry called `name` is; `.missing` when there is none.
    public func kind(ofEntryNamed name: String) -> FileKind {
        entry(named: name)?.kind ?? .missing
    }

    /// The entry called `name`, if any.
    public func entry(named name: String) -> DirectoryEntry? {
        // Lengths first: they settle most mismatches without a string comparison.
        let length = name.utf8.count
        return first { $0.name.utf8.count == length && $0.name == name }
    }

    /// The first of `names` that is a file here.
    public func firstFile(named names: [String]) -> String? {
        names.first { kind(ofEntryNamed: $0) == .file }
    }
}

/// The one interface between the linter and the files it checks: the working
/// tree on disk, or a virtual tree (rule examples, tests).
public protocol FileTree: Sendable {
    func kind(of path: String) -> FileKind
    /// The file's bytes, or nil when it is missing or cannot be read. Only
    /// regular files are read: a FIFO or a device is never opened to read.
    func read(_ path: String) -> [UInt8]?
    /// `read`, for a path its directory's listing gave as a regular file
    /// (`DirectoryEntry.isListedRegularFile`): a tree may then skip its own
    /// type check. Others read as `read` does.
    func read(_ path: String, listedAsRegularFile: Bool) -> [UInt8]?
    /// Why `read` gave nil for a path that exists; nil when it is missing
    /// (or readable after all). Asked only after a read failed.
    func whyUnreadable(_ path: String) -> UnreadableReason?
    /// The entries of a directory, sorted by name, or nil when it cannot be listed.
    func list(_ directory: String) -> [DirectoryEntry]?
    /// Why `list` gave nil for a directory that exists; nil when it is missing.
    func whyUnlistable(_ directory: String) -> UnreadableReason?
    /// The reads this tree refused so far, each path once (a caching tree
    /// keeps them for the project it serves); empty for other trees.
    func refusedReads() -> [RefusedRead]
    /// The path as the user should see it.
    func displayPath(_ path: String) -> String
    /// Why a path that is missing here is missing, when there is more to say
    /// than "does not exist" (in the staged snapshot: present but not staged).
    func absenceNote(_ path: String) -> String?
    /// Every project file (Pulumi.* in any case) below a directory, when the
    /// tree can tell without walking it (the git index can); nil otherwise.
    func projectFiles(below directory: String) -> [String]?
}

extension FileTree {
    public func read(_ path: String, listedAsRegularFile: Bool) -> [UInt8]? { read(path) }
    public func whyUnreadable(_ path: String) -> UnreadableReason? { nil }
    public func whyUnlistable(_ directory: String) -> UnreadableReason? { nil }
    public func refusedReads() -> [RefusedRead] { [] }
    public func absenceNote(_ path: String) -> String? { nil }
    public func projectFiles(below directory: String) -> [String]? { nil }

    public func exists(_ path: String) -> Bool { kind(of: path) != .missing }
    public func isFile(_ path: String) -> Bool { kind(of: path) == .file }
    public func isDirectory(_ path: String) -> Bool { kind(of: path) == .directory }

    /// The spelling on disk of a path that exists only with other letter
    /// case, found by walking down from `anchor` (a directory that exists).
    public func caseInsensitiveMatch(for path: String, below anchor: String) -> String? {
        guard let relative = Path.relative(path, inside: anchor), !relative.isEmpty else { return nil }
        var current = anchor
        for component in relative.split(separator: "/") {
            let wanted = component.lowercased()
            guard let entries = list(current),
                  let match = entries.first(where: { $0.name == component })
                    ?? entries.first(where: { $0.name.lowercased() == wanted })
            else { return nil }
            current = Path.join(current, match.name)
        }
        return current == path ? nil : current
    }
}
