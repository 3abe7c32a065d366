/// The files of the revision a change is compared with (the base): what
/// differs from it, and a file's content there. GitRevision reads git; a
/// VirtualRevision holds the files of a rule example or a test.
public protocol BaseRevision: Sendable {
    /// The paths whose content differs between the base and what is checked.
    var changedPaths: Set<String> { get }
    /// A file's content at the base; nil when it was not there.
    func read(_ path: String) -> [UInt8]?
}

extension GitRevision: BaseRevision {}

/// A base revision given as files: each one given differs from what is
/// checked (a file added since the base is simply not given).
public struct VirtualRevision: BaseRevision {
    private let files: [String: [UInt8]]

    /// `files` by path, as the checked tree names them; `changed`: the paths
    /// that differ, the base's files and those added since.
    public init(_ files: [String: String], changed: Set<String>) {
        self.files = Dictionary(uniqueKeysWithValues: files.map { (Path.normalize($0.key), Array($0.value.utf8)) })
        changedPaths = Set(changed.map(Path.normalize))
    }

    public let changedPaths: Set<String>

    public func read(_ path: String) -> [UInt8]? { files[path] }
}
