#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The snapshot a commit will contain: files come from the git index (so a
/// partially staged file counts as staged), not from the working tree.
///
/// Built from one `git ls-files --stage` (index entries and their blob ids)
/// and one `git diff --cached` (what the commit changes), run side by side,
/// and one `git cat-file --batch` process that serves every read. What git
/// never holds (ignored files such as node_modules or build outputs) and
/// everything outside the repository is read from disk. A file that is on
/// disk but neither in the index nor ignored is missing for the commit; that
/// is asked of git (`ls-files --others`, scoped to its directory) only when
/// such a file is met.
public final class GitIndexFileTree: FileTree {
    public struct GitError: Error, CustomStringConvertible {
        public var description: String
    }

    private struct IndexEntry: Sendable {
        var objectID: String
        var isSubmodule: Bool
        /// Mode 120000: the blob holds the link's target, not the file's bytes.
        var isSymbolicLink: Bool
        var stage: UInt8
    }

    /// The work tree's top-level directory (absolute).
    public let topLevel: String
    /// Paths the staged change adds, modifies, deletes or renames (both names), absolute.
    public let changedPaths: Set<String>
    private let disk: DiskFileTree
    /// Index paths (relative to the top level) in byte order, and their entries:
    /// a directory's contents are a contiguous run, found by binary search.
    private let paths: [[UInt8]]
    private let entries: [IndexEntry]
    private let blobs: Mutex<BlobReader>
    /// Untracked, not ignored paths (directories end in "/"), by the directory they were asked for.
    private let untracked = Mutex<[String: Set<String>]>([:])

    /// Opens the index of the repository that holds `directory`.
    public init(at directory: String, disk: DiskFileTree = DiskFileTree()) throws(GitError) {
        self.disk = disk
        let topLevel = try Self.git(["-C", directory, "rev-parse", "--show-toplevel"], what: "find the repository")
        guard let line = String(decoding: topLevel, as: UTF8.self).split(separator: "\n").first else {
            throw GitError(description: "\(directory) is not inside a git work tree")
        }
        let top = Path.normalize(String(line))
        self.topLevel = top

        // The three processes run side by side.
        let listing: ChildProcess
        let diff: ChildProcess
        do {
            blobs = Mutex(try BlobReader(repository: top))
            listing = try ChildProcess(["git", "-C", top, "ls-files", "-z", "--stage"])
            diff = try ChildProcess(["git", "-C", top, "diff", "--cached", "--name-only", "--no-renames", "-z"])
        } catch {
            throw GitError(description: "could not run git: \(error)")
        }
        let listed = try Self.finish(listing, what: "list the index")
        let changed = try Self.finish(diff, what: "list the staged changes")

        // ls-files prints paths in byte order; unmerged paths repeat with stages 1-3: keep stage 0, else ours (2).
        var paths: [[UInt8]] = []
        var entries: [IndexEntry] = []
        paths.reserveCapacity(listed.count / 64)
        entries.reserveCapacity(listed.count / 64)
        var recordStart = 0
        while recordStart < listed.count {
            let recordEnd = listed[recordStart...].firstIndex(of: 0) ?? listed.count
            let record = listed[recordStart..<recordEnd]
            recordStart = recordEnd + 1
            guard let (entry, path) = Self.parseStagedRecord(record) else { continue }
            if let last = paths.last, last == path {
                let existing = entries[entries.count - 1]
                if existing.stage == 0 || (existing.stage == 2 && entry.stage != 0) { continue }
                entries[entries.count - 1] = entry
                continue
            }
            paths.append(path)
            entries.append(entry)
        }
        self.paths = paths
        self.entries = entries
        changedPaths = Set(changed.split(separator: 0).map { Path.join(top, String(decoding: $0, as: UTF8.self)) })
    }

    /// "100644 <oid> 0\t<path>", as `ls-files --stage` prints an entry: a
    /// six-digit mode, the object id (40 or 64 hex digits), the stage, a tab.
    private static func parseStagedRecord(_ record: ArraySlice<UInt8>) -> (IndexEntry, [UInt8])? {
        let start = record.startIndex
        for idLength in [40, 64] {
            let tab = start + 6 + 1 + idLength + 2
            guard record.endIndex > tab, record[start + 6] == UInt8(ascii: " "), record[tab - 2] == UInt8(ascii: " "),
                  record[tab] == UInt8(ascii: "\t") else { continue }
            let entry = IndexEntry(objectID: String(decoding: record[(start + 7)..<(start + 7 + idLength)], as: UTF8.self),
                                   isSubmodule: record[start..<(start + 6)].elementsEqual("160000".utf8),
                                   isSymbolicLink: record[start..<(start + 6)].elementsEqual("120000".utf8),
                                   stage: record[tab - 1] &- UInt8(ascii: "0"))
            return (entry, Array(record[(tab + 1)...]))
        }
        return nil
    }

    static func git(_ arguments: [String], what: String) throws(GitError) -> [UInt8] {
        let process: ChildProcess
        do {
            process = try ChildProcess(["git"] + arguments)
        } catch {
            throw GitError(description: "could not run git to \(what): \(error)")
        }
        return try finish(process, what: what)
    }

    /// Reads a git process's output to the end and checks its exit status.
    static func finish(_ process: ChildProcess, what: String) throws(GitError) -> [UInt8] {
        process.closeInput()
        let output = ChildProcess.readToEnd(process.output)
        let error = String(decoding: ChildProcess.readToEnd(process.errorOutput), as: UTF8.self)
        let status = process.waitForExit()
        guard status == 0 else {
            let reason = error.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
            throw GitError(description: "git could not \(what): \(reason)")
        }
        return output
    }

    // MARK: Untracked files

    /// The path relative to the top level when it lies inside the work tree.
    private func indexPath(_ path: String) -> String? {
        Path.relative(path, inside: topLevel)
    }

    /// The first index position whose path is not before `key` in byte order.
    private func lowerBound(_ key: [UInt8]) -> Int {
        var low = 0
        var high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if paths[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func entry(_ relative: String) -> IndexEntry? {
        let key = Array(relative.utf8)
        let index = lowerBound(key)
        return index < paths.count && paths[index] == key ? entries[index] : nil
    }

    /// The index positions of the paths below a directory ("" for the top).
    private func range(below directory: String) -> Range<Int> {
        guard !directory.isEmpty else { return 0..<paths.count }
        let prefix = Array((directory + "/").utf8)
        let start = lowerBound(prefix)
        // The run ends at the first path without the prefix ("/" + 1 is "0").
        var upper = prefix
        upper[upper.count - 1] = UInt8(ascii: "0")
        return start..<max(start, lowerBound(upper))
    }

    private func isIndexDirectory(_ relative: String) -> Bool {
        relative.isEmpty || !range(below: relative).isEmpty
    }

    /// The index's entries directly inside a directory.
    private func indexChildren(_ relative: String) -> [DirectoryEntry] {
        let run = range(below: relative)
        let skip = relative.isEmpty ? 0 : relative.utf8.count + 1
        var result: [DirectoryEntry] = []
        var lastDirectory: ArraySlice<UInt8>?
        for index in run {
            let rest = paths[index][skip...]
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                let name = rest[..<slash]
                if name != lastDirectory {
                    result.append(DirectoryEntry(name: String(decoding: name, as: UTF8.self), kind: .directory))
                    lastDirectory = name
                }
            } else {
                result.append(DirectoryEntry(name: String(decoding: rest, as: UTF8.self), kind: entries[index].isSubmodule ? .directory : .file))
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Project files straight from the index, without walking its directories.
    public func projectFiles(below directory: String) -> [String]? {
        guard let relative = indexPath(directory) else { return nil }
        let names = Discovery.projectFileNames.map { Array($0.lowercased().utf8) }
        return range(below: relative).compactMap { index in
            let path = paths[index]
            let name = path[(path.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)...]
            // Compared without case, byte by byte: this runs for every file of the index.
            guard names.contains(where: { $0.count == name.count && zip($0, name).allSatisfy { $0 == ($1 | 0x20) || $0 == $1 } }) else { return nil }
            return Path.join(topLevel, String(decoding: path, as: UTF8.self))
        }
    }

    /// Whether a relative path that is on disk but not in the index is
    /// untracked and not ignored: asked of git once per directory.
    private func isUntracked(_ relative: String) -> Bool {
        let directory = Path.parent(relative) ?? ""
        let listing = untracked.withLock { cache in
            if let known = cache[directory] { return known }
            let pathspec = directory.isEmpty ? "." : ":(literal)" + directory + "/"
            let output = (try? Self.git(["-C", topLevel, "ls-files", "-z", "--others", "--exclude-standard", "--directory",
                                         "--no-empty-directory", "--", pathspec], what: "list untracked files")) ?? []
            let paths = Set(output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
            cache[directory] = paths
            return paths
        }
        if listing.contains(relative) || listing.contains(relative + "/") { return true }
        // An untracked directory listed whole ("new/") holds everything below it.
        var current = Path.parent(relative)
        while let ancestor = current, !ancestor.isEmpty {
            if listing.contains(ancestor + "/") { return true }
            current = Path.parent(ancestor)
        }
        return false
    }

    // MARK: FileTree

    public func kind(of path: String) -> FileKind {
        kind(of: path, linksFollowed: 0)
    }

    private func kind(of path: String, linksFollowed: Int) -> FileKind {
        guard let relative = indexPath(path) else { return disk.kind(of: path) }
        if let entry = entry(relative) {
            if entry.isSymbolicLink {
                guard let target = linkTarget(of: path, entry, linksFollowed: linksFollowed) else { return .missing }
                return kind(of: target, linksFollowed: linksFollowed + 1)
            }
            return entry.isSubmodule ? .directory : .file
        }
        if isIndexDirectory(relative) { return .directory }
        let onDisk = disk.kind(of: path)
        return onDisk != .missing && isUntracked(relative) ? .missing : onDisk
    }

    public func read(_ path: String) -> [UInt8]? {
        read(path, linksFollowed: 0)
    }

    /// A staged symbolic link is read as what it points to, as git checks it
    /// out: the staged file when the target is in the index, else the file on
    /// disk (read as any disk file is: regular files only).
    private func read(_ path: String, linksFollowed: Int) -> [UInt8]? {
        guard let relative = indexPath(path) else { return disk.read(path) }
        if let entry = entry(relative) {
            guard !entry.isSubmodule else { return nil }
            if entry.isSymbolicLink {
                guard let target = linkTarget(of: path, entry, linksFollowed: linksFollowed) else { return nil }
                return read(target, linksFollowed: linksFollowed + 1)
            }
            return blobs.withLock { $0.read(entry.objectID, limit: InputGuard.maximumSize + 1) }
        }
        if isIndexDirectory(relative) || !disk.exists(path) || isUntracked(relative) { return nil }
        return disk.read(path)
    }

    /// A file's content at a revision (`HEAD`), read through this tree's own
    /// `git cat-file --batch`: the base of the staged change costs no process of its own.
    public func read(_ path: String, at revision: String) -> [UInt8]? {
        guard let relative = indexPath(path), !relative.isEmpty else { return nil }
        return blobs.withLock { $0.read("\(revision):\(relative)", limit: InputGuard.maximumSize + 1) }
    }

    /// Links followed at most, as the kernel's own limit (ELOOP past it).
    private static let maximumLinksFollowed = 40

    /// The absolute path a staged link points to; nil past the limit of links or when its blob cannot be read.
    private func linkTarget(of path: String, _ entry: IndexEntry, linksFollowed: Int) -> String? {
        guard linksFollowed < Self.maximumLinksFollowed, let parent = Path.parent(path),
              let bytes = blobs.withLock({ $0.read(entry.objectID, limit: 4_096) }), !bytes.isEmpty, !bytes.contains(0)
        else { return nil }
        return Path.join(parent, String(decoding: bytes, as: UTF8.self))
    }

    /// A staged file whose blob git cannot give is a refused read; a file from disk answers as the disk does.
    public func whyUnreadable(_ path: String) -> UnreadableReason? {
        guard let relative = indexPath(path), let entry = entry(relative) else { return disk.whyUnreadable(path) }
        if entry.isSubmodule { return .notRegularFile(.directory) }
        if entry.isSymbolicLink {
            guard let target = linkTarget(of: path, entry, linksFollowed: 0) else {
                return .systemError("the staged symbolic link cannot be followed")
            }
            return kind(of: target) == .missing ? nil : whyUnreadable(target)
        }
        return .systemError("git cannot give the staged content")
    }

    public func whyUnlistable(_ directory: String) -> UnreadableReason? {
        guard let relative = indexPath(directory), isIndexDirectory(relative) else { return disk.whyUnlistable(directory) }
        return nil
    }

    /// An index directory lists what the index holds; an ignored directory
    /// (node_modules) lists what is on disk.
    public func list(_ directory: String) -> [DirectoryEntry]? {
        guard let relative = indexPath(directory) else { return disk.list(directory) }
        if isIndexDirectory(relative) { return indexChildren(relative) }
        guard disk.isDirectory(directory), !isUntracked(relative) else { return nil }
        return disk.list(directory)
    }

    public func displayPath(_ path: String) -> String { disk.displayPath(path) }

    /// Whether the working-tree file has exactly the staged bytes (so that a
    /// fix computed on the staged content may be written to it).
    public func workingTreeMatchesIndex(_ path: String) -> Bool {
        guard let relative = indexPath(path) else { return true }
        guard entry(relative) != nil else { return !disk.exists(path) || !isUntracked(relative) }
        return read(path) == disk.read(path)
    }

    /// `git add` of the given paths (deletions included), in one process.
    public func stage(_ paths: [String]) throws(GitError) {
        guard !paths.isEmpty else { return }
        _ = try Self.git(["-C", topLevel, "add", "-A", "--"] + paths.map { ":(literal)" + (indexPath($0) ?? $0) },
                         what: "stage the fixed files")
    }

    public func absenceNote(_ path: String) -> String? {
        guard let relative = indexPath(path), entry(relative) == nil, !isIndexDirectory(relative),
              disk.exists(path), isUntracked(relative) else { return nil }
        return "exists but is not staged: this commit would not contain it (git add \(disk.displayPath(path)))"
    }
}
