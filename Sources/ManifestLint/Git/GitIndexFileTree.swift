#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// The snapshot a commit will contain: files come from the git index (so a
/// partially staged file counts as staged), not from the working tree.
///
/// Built from one `git ls-files` (index entries with their blob ids, and the
/// untracked files that are not ignored), one `git diff --cached` (what the
/// commit changes) and one `git cat-file --batch` process that serves every
/// read. What git never holds (ignored files such as node_modules or build
/// outputs) and everything outside the repository is read from disk. A file
/// that is on disk but untracked and not ignored is missing for the commit.
public final class GitIndexFileTree: FileTree {
    public struct GitError: Error, CustomStringConvertible {
        public var description: String
    }

    private struct IndexEntry: Sendable {
        var objectID: String
        var isSubmodule: Bool
        var stage: Character
    }

    /// The work tree's top-level directory (absolute).
    public let topLevel: String
    /// Paths the staged change adds, modifies, deletes or renames (both names), absolute.
    public let changedPaths: Set<String>
    private let disk: DiskFileTree
    private let entries: [String: IndexEntry]
    /// Each directory of the index (relative, "" for the top) with its children.
    private let children: [String: [DirectoryEntry]]
    private let untrackedFiles: Set<String>
    private let untrackedDirectories: [String]
    private let blobs: Mutex<BlobReader>

    /// Opens the index of the repository that holds `directory`.
    public init(at directory: String, disk: DiskFileTree = DiskFileTree()) throws(GitError) {
        self.disk = disk
        let topLevel = try Self.git(["-C", directory, "rev-parse", "--show-toplevel"], what: "find the repository")
        guard let line = String(decoding: topLevel, as: UTF8.self).split(separator: "\n").first else {
            throw GitError(description: "\(directory) is not inside a git work tree")
        }
        self.topLevel = Path.normalize(String(line))

        let listing = try Self.git(["-C", self.topLevel, "ls-files", "-z", "--stage", "--cached", "--others",
                                    "--exclude-standard", "--directory", "--no-empty-directory"], what: "list the index")
        var entries: [String: IndexEntry] = [:]
        var untrackedFiles = Set<String>()
        var untrackedDirectories: [String] = []
        for record in listing.split(separator: 0) {
            if let (entry, path) = Self.parseStagedRecord(record) {
                // Unmerged paths have stages 1-3: keep stage 0, else ours (2).
                if let existing = entries[path], existing.stage == "0" || (existing.stage == "2" && entry.stage != "0") { continue }
                entries[path] = entry
            } else {
                let path = String(decoding: record, as: UTF8.self)
                if path.hasSuffix("/") { untrackedDirectories.append(String(path.dropLast())) } else { untrackedFiles.insert(path) }
            }
        }
        self.entries = entries
        self.untrackedFiles = untrackedFiles
        self.untrackedDirectories = untrackedDirectories

        var children: [String: [DirectoryEntry]] = ["": []]
        var seenDirectories: Set<String> = [""]
        for (path, entry) in entries {
            var child = path
            var kind: FileKind = entry.isSubmodule ? .directory : .file
            while let parent = Path.parent(child) {
                children[parent, default: []].append(DirectoryEntry(name: Path.basename(child), kind: kind))
                guard seenDirectories.insert(parent).inserted else { break }
                child = parent
                kind = .directory
            }
        }
        self.children = children.mapValues { $0.sorted { $0.name < $1.name } }

        let changed = try Self.git(["-C", self.topLevel, "diff", "--cached", "--name-only", "--no-renames", "-z"],
                                   what: "list the staged changes")
        let top = self.topLevel
        changedPaths = Set(changed.split(separator: 0).map { Path.join(top, String(decoding: $0, as: UTF8.self)) })

        do {
            blobs = Mutex(try BlobReader(repository: self.topLevel))
        } catch {
            throw GitError(description: "could not start git cat-file: \(error)")
        }
    }

    /// "100644 <oid> 0\t<path>": an index entry (untracked paths have no such prefix).
    private static func parseStagedRecord(_ record: ArraySlice<UInt8>) -> (IndexEntry, String)? {
        guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
        let fields = record[record.startIndex..<tab].split(separator: UInt8(ascii: " "))
        guard fields.count == 3, fields[0].count == 6, fields[0].allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }),
              fields[1].count == 40 || fields[1].count == 64, fields[2].count == 1 else { return nil }
        let mode = String(decoding: fields[0], as: UTF8.self)
        let entry = IndexEntry(objectID: String(decoding: fields[1], as: UTF8.self), isSubmodule: mode == "160000",
                               stage: Character(Unicode.Scalar(fields[2][fields[2].startIndex])))
        return (entry, String(decoding: record[(tab + 1)...], as: UTF8.self))
    }

    private static func git(_ arguments: [String], what: String) throws(GitError) -> [UInt8] {
        let result: (status: Int32, output: [UInt8], error: String)
        do {
            result = try ChildProcess.run(["git"] + arguments)
        } catch {
            throw GitError(description: "could not run git to \(what): \(error)")
        }
        guard result.status == 0 else {
            let reason = result.error.split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
            throw GitError(description: "git could not \(what): \(reason)")
        }
        return result.output
    }

    // MARK: FileTree

    /// The path relative to the top level when it lies inside the work tree.
    private func indexPath(_ path: String) -> String? {
        Path.relative(path, inside: topLevel)
    }

    /// Whether a relative path is untracked (and not ignored) in the work tree.
    private func isUntracked(_ relative: String) -> Bool {
        untrackedFiles.contains(relative)
            || untrackedDirectories.contains { relative == $0 || relative.hasPrefix($0 + "/") }
    }

    public func kind(of path: String) -> FileKind {
        guard let relative = indexPath(path) else { return disk.kind(of: path) }
        if let entry = entries[relative] { return entry.isSubmodule ? .directory : .file }
        if children[relative] != nil { return .directory }
        if isUntracked(relative) { return .missing }
        return disk.kind(of: path)
    }

    public func read(_ path: String) -> [UInt8]? {
        guard let relative = indexPath(path) else { return disk.read(path) }
        if let entry = entries[relative] {
            guard !entry.isSubmodule else { return nil }
            return blobs.withLock { $0.read(entry.objectID, limit: InputGuard.maximumSize + 1) }
        }
        if children[relative] != nil || isUntracked(relative) { return nil }
        return disk.read(path)
    }

    public func list(_ directory: String) -> [DirectoryEntry]? {
        guard let relative = indexPath(directory) else { return disk.list(directory) }
        guard let indexed = children[relative] else {
            return isUntracked(relative) ? nil : disk.list(directory)
        }
        // Ignored files beside tracked ones (a gitignored stack file, say) come from disk.
        let names = Set(indexed.map(\.name))
        let ignored = (disk.list(directory) ?? []).filter { entry in
            entry.name != ".git" && !names.contains(entry.name) && !isUntracked(Path.join(relative, entry.name))
        }
        return ignored.isEmpty ? indexed : (indexed + ignored).sorted { $0.name < $1.name }
    }

    public func displayPath(_ path: String) -> String { disk.displayPath(path) }

    public func absenceNote(_ path: String) -> String? {
        guard let relative = indexPath(path), isUntracked(relative), disk.exists(path) else { return nil }
        let shown = disk.displayPath(path)
        return "exists but is not staged: this commit would not contain it (git add \(shown))"
    }
}
