#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The working tree on disk, through plain libc calls. Paths are absolute;
/// they are shown relative to the current directory.
public struct DiskFileTree: FileTree {
    public let currentDirectory: String

    public init() {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let found = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { getcwd($0.baseAddress, $0.count) != nil }
        }
        currentDirectory = found ? String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self) : "/"

    }

    /// A path typed by the user, made absolute and normalized.
    public func absolute(_ userPath: String) -> String {
        Path.join(currentDirectory, userPath)
    }

    public func kind(of path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .file
        }
    }

    /// Reads without asking fstat for the size first: a buffer that most
    /// manifests fit, doubled while reads fill it. A read that returns less
    /// than the space offered has reached the end of a regular file; a
    /// directory fails with EISDIR.
    public func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // Never read more than one byte past the loaders' size bound.
        let limit = InputGuard.maximumSize + 1
        var bytes = [UInt8](repeating: 0, count: 16_384)
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - bytes.count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += got
            if count < bytes.count { break }
        }
        return Array(bytes[..<count])
    }

    public func list(_ directory: String) -> [DirectoryEntry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: FileKind
            var isSymbolicLink = false
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            default:
                let path = Path.join(directory, name)
                var info = stat()
                isSymbolicLink = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
                kind = self.kind(of: path)
            }
            entries.append(DirectoryEntry(name: name, kind: kind, isSymbolicLink: isSymbolicLink))
        }
        return entries.sorted { $0.name < $1.name }
    }

    public func displayPath(_ path: String) -> String {
        Path.relative(path, from: currentDirectory)
    }
}
