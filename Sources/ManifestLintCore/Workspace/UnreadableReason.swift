/// Why a path that exists could not be read as a file, or listed as a
/// directory: what a check reports instead of passing over the path.
public enum UnreadableReason: Sendable, Hashable, CustomStringConvertible {
    /// A FIFO, socket, device or directory where a file was to be read:
    /// never opened for reading (a FIFO would block, a device never ends).
    case notRegularFile(SpecialFileKind)
    /// The system refused: the error's text ("Permission denied", "Input/output error").
    case systemError(String)
    /// Listed as a file, then gone or unreadable when read: it changed while the check ran.
    case changedDuringCheck

    public var description: String {
        switch self {
        case .notRegularFile(let kind): "is \(kind), not a regular file"
        case .systemError(let text): "cannot be read (\(text))"
        case .changedDuringCheck: "changed while it was being checked (gone or unreadable when read)"
        }
    }
}

/// What stands at a path where a regular file was expected.
public enum SpecialFileKind: String, Sendable, Hashable, CustomStringConvertible {
    case directory = "a directory"
    case fifo = "a FIFO"
    case socket = "a socket"
    case characterDevice = "a character device"
    case blockDevice = "a block device"
    case unknown = "a special file"

    public var description: String { rawValue }
}

/// A read that a check asked for and the tree refused.
public struct RefusedRead: Sendable, Hashable {
    public var path: String
    public var reason: UnreadableReason

    public init(path: String, reason: UnreadableReason) {
        self.path = path
        self.reason = reason
    }
}

/// A path the run could not look into, and what that leaves unjudged: a
/// path given that does not exist, a directory the walk cannot list, a
/// project file that cannot be read. The run ends with exit status 2.
public struct UncheckedPath: Sendable, Hashable {
    public var path: String
    /// Follows the path in a message: "cannot be read (Permission denied); the projects below it were not checked".
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }
}
