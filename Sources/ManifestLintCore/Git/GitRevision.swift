import Synchronization

/// A git revision to compare the checked files with: the base of a change.
/// In staged mode it is HEAD, compared with the index; with `--base REF`,
/// REF, compared with the index (`--staged`) or the working tree. A file's
/// content at the revision is read only when a rule asks, as `REV:path`
/// through one `git cat-file --batch` started then: a hook that changes no
/// program file starts no process for it.
public final class GitRevision: Sendable {
    public typealias GitError = GitIndexFileTree.GitError

    public enum Comparison: Sendable {
        case index, workingTree
    }

    /// The revision as git names it (`HEAD`, `origin/main`, a commit id).
    public let name: String
    /// The work tree's top-level directory (absolute).
    public let topLevel: String
    /// The paths (absolute) whose content differs between the revision and what is checked.
    public let changedPaths: Set<String>
    private let blobs = Mutex<BlobReader?>(nil)
    /// Staged mode: the index tree, whose `git cat-file` process reads the revision too.
    private let index: GitIndexFileTree?

    /// The revision `name` (HEAD) compared with the staged snapshot: its changed
    /// paths are the index's, and its files are read through the index's process.
    /// A name that names nothing (HEAD before the first commit) reads no file.
    public init(_ name: String, comparedWith index: GitIndexFileTree) {
        self.name = name
        topLevel = index.topLevel
        changedPaths = index.changedPaths
        self.index = index
    }

    private init(_ name: String, topLevel: String, changedPaths: Set<String>) {
        self.name = name
        self.topLevel = topLevel
        self.changedPaths = changedPaths
        index = nil
    }

    /// The revision `name` of the repository that holds `directory`, and what
    /// differs from it (`git diff --name-only`, with `--cached` for the index).
    /// Throws when there is no repository or `name` names no commit.
    public static func resolve(_ name: String, at directory: String, comparedWith comparison: Comparison) throws(GitError) -> GitRevision {
        let top = try GitIndexFileTree.git(["-C", directory, "rev-parse", "--show-toplevel"], what: "find the repository")
        guard let topLine = String(decoding: top, as: UTF8.self).split(separator: "\n").first else {
            throw GitError(description: "\(directory) is not inside a git work tree")
        }
        let topLevel = Path.normalize(String(topLine))
        // `--end-of-options`: a name that starts with `-` is not read as an option.
        let commit = try GitIndexFileTree.git(["-C", topLevel, "rev-parse", "--verify", "--end-of-options", name + "^{commit}"],
                                              what: "find the revision '\(name)'")
        guard let id = String(decoding: commit, as: UTF8.self).split(separator: "\n").first else {
            throw GitError(description: "'\(name)' names no commit")
        }
        var arguments = ["-C", topLevel, "diff", "--name-only", "--no-renames", "-z"]
        if comparison == .index { arguments.append("--cached") }
        arguments += [String(id), "--"]
        let changed = try GitIndexFileTree.git(arguments, what: "list what changed since \(name)")
        return GitRevision(String(id), topLevel: topLevel,
                           changedPaths: Set(changed.split(separator: 0).map { Path.join(topLevel, String(decoding: $0, as: UTF8.self)) }))
    }

    /// A file's content at the revision; nil when it was not there (or is too large to check).
    public func read(_ path: String) -> [UInt8]? {
        if let index {
            guard let bytes = index.read(path, at: name), bytes.count <= InputGuard.maximumSize else { return nil }
            return bytes
        }
        guard let relative = Path.relative(path, inside: topLevel), !relative.isEmpty else { return nil }
        return blobs.withLock { reader -> [UInt8]? in
            if reader == nil { reader = try? BlobReader(repository: topLevel) }
            guard let bytes = reader?.read("\(name):\(relative)", limit: InputGuard.maximumSize + 1),
                  bytes.count <= InputGuard.maximumSize else { return nil }
            return bytes
        }
    }
}
