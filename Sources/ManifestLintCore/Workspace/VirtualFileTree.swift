/// An in-memory file tree: rule examples and tests run on it. Paths are
/// relative to its root (""); an absolute path ("/home/x") stands for a file
/// outside the checkout.
public struct VirtualFileTree: FileTree {
    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = ["", "/"]
    /// Files that stand for something a virtual tree cannot hold: present, never read.
    private var unreadable: [String: UnreadableReason] = [:]

    /// A file's text that stands for what no text can be: a special file,
    /// or a file the system will not read (the examples of file-unreadable).
    public enum StandIn: String, CaseIterable, Sendable {
        case fifo = "⟨a FIFO⟩"
        case characterDevice = "⟨a character device⟩"
        case permissionDenied = "⟨unreadable: Permission denied⟩"

        var reason: UnreadableReason {
            switch self {
            case .fifo: .notRegularFile(.fifo)
            case .characterDevice: .notRegularFile(.characterDevice)
            case .permissionDenied: .systemError("Permission denied")
            }
        }
    }

    public init(_ files: [String: String] = [:]) {
        for (path, text) in files { add(path, text) }
    }

    /// Adds a file; a path ending in "/" adds an empty directory.
    public mutating func add(_ path: String, _ text: String) {
        if path.hasSuffix("/") {
            addDirectory(Path.normalize(path))
            return
        }
        let normalized = Path.normalize(path)
        files[normalized] = Array(text.utf8)
        unreadable[normalized] = StandIn(rawValue: text)?.reason
        if let parent = Path.parent(normalized) { addDirectory(parent) }
    }

    private mutating func addDirectory(_ path: String) {
        var current: String? = path
        while let directory = current, !directories.contains(directory) {
            directories.insert(directory)
            current = Path.parent(directory)
        }
    }

    public func kind(of path: String) -> FileKind {
        let normalized = Path.normalize(path)
        if files[normalized] != nil { return .file }
        if directories.contains(normalized) { return .directory }
        return .missing
    }

    public func read(_ path: String) -> [UInt8]? {
        let normalized = Path.normalize(path)
        return unreadable[normalized] == nil ? files[normalized] : nil
    }

    public func whyUnreadable(_ path: String) -> UnreadableReason? { unreadable[Path.normalize(path)] }

    public func list(_ directory: String) -> [DirectoryEntry]? {
        let normalized = Path.normalize(directory)
        guard directories.contains(normalized) else { return nil }
        var entries: [DirectoryEntry] = []
        for path in files.keys where Path.parent(path) == normalized {
            entries.append(DirectoryEntry(name: Path.basename(path), kind: .file))
        }
        for path in directories where path != normalized && Path.parent(path) == normalized {
            entries.append(DirectoryEntry(name: Path.basename(path), kind: .directory))
        }
        return entries.sorted { $0.name < $1.name }
    }

    public func displayPath(_ path: String) -> String { path.isEmpty ? "." : path }
}
