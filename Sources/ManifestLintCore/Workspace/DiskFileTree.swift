#if os(Linux) && !MANIFEST_LINT_PORTABLE
import CSystemCalls
#endif
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
    /// A directory the paths below which are opened relative to (see `anchored(at:)`).
    private var anchor: Anchor?

    /// An open directory, closed with the last tree that uses it.
    private final class Anchor: Sendable {
        let path: String
        let descriptor: Int32

        init?(_ path: String) {
            let descriptor = path.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            guard descriptor >= 0 else { return nil }
            self.path = path
            self.descriptor = descriptor
        }

        deinit { close(descriptor) }
    }

    public init() {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let found = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { getcwd($0.baseAddress, $0.count) != nil }
        }
        currentDirectory = found ? String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self) : "/"

    }

    /// The same tree, with the paths below `directory` handed to the system
    /// relative to that directory, opened once: the kernel then walks only
    /// the components below it on each call (a check opens ten files per
    /// project). Unchanged when the directory cannot be opened.
    public func anchored(at directory: String) -> DiskFileTree {
        var tree = self
        tree.anchor = Anchor(directory) ?? anchor
        return tree
    }

    /// A path typed by the user, made absolute and normalized.
    public func absolute(_ userPath: String) -> String {
        Path.join(currentDirectory, userPath)
    }

    public func kind(of path: String) -> FileKind {
        var info = stat()
        guard withSystemPath(path, { fstatat($0, $1, &info, 0) }) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .file
        }
    }

    /// Reads a regular file and nothing else: the open never blocks
    /// (O_NONBLOCK: a FIFO without a writer would wait forever) and fstat
    /// turns away what is not a regular file (a device behind a symbolic link
    /// never ends).
    public func read(_ path: String) -> [UInt8]? {
        let descriptor = withSystemPath(path) { openat($0, $1, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return readToEnd(descriptor)
    }

    /// A path its listing gave as a regular file is opened without following
    /// a link (O_NOFOLLOW) and read without fstat: the listing's type is the
    /// check, as `find -type f` makes it, and it spares a system call on
    /// nearly every file a check reads (8,200 of 41,000 calls at 1,000
    /// projects). If the entry became a link since, the open fails and the
    /// read starts over with the full check; if a FIFO took its place since,
    /// the open still does not block.
    public func read(_ path: String, listedAsRegularFile: Bool) -> [UInt8]? {
        guard listedAsRegularFile else { return read(path) }
        let descriptor = withSystemPath(path) { openat($0, $1, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW) }
        guard descriptor >= 0 else { return errno == ELOOP ? read(path) : nil }
        defer { close(descriptor) }
        return readToEnd(descriptor)
    }

    /// The size is not asked for: the first read goes into temporary storage
    /// that most manifests fit, and the result is allocated once at the size
    /// read; a larger file continues in chunks as large as what was read so
    /// far. A read that returns less than the space offered has reached the
    /// end of a regular file.
    private func readToEnd(_ descriptor: Int32) -> [UInt8]? {
        // Never read more than one byte past the loaders' size bound.
        let limit = InputGuard.maximumSize + 1
        let firstSize = min(Self.firstReadSize, limit)
        var complete = false
        var result: [UInt8]? = ScratchBuffer.with(byteCount: firstSize) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard let got = Self.read(descriptor, into: buffer) else { return nil }
            complete = got < firstSize
            return Array(UnsafeBufferPointer(rebasing: buffer[..<got]))
        }
        while !complete, let sofar = result, sofar.count < limit {
            let wanted = min(sofar.count, limit - sofar.count)
            var got: Int?
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                got = Self.read(descriptor, into: buffer)
                initialized = got ?? 0
            }
            guard let got else { return nil }
            result? += chunk
            complete = got < wanted
        }
        return result
    }

    /// Asked after a read failed, so it costs nothing on the usual path: what
    /// the path is (links followed), and what opening and reading it says.
    public func whyUnreadable(_ path: String) -> UnreadableReason? {
        var info = stat()
        guard withSystemPath(path, { fstatat($0, $1, &info, 0) }) == 0 else { return Self.failure(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegularFile(Self.specialKind(info.st_mode)) }
        let descriptor = withSystemPath(path) { openat($0, $1, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return Self.failure(errno) }
        defer { close(descriptor) }
        var byte: UInt8 = 0
        return systemRead(descriptor, &byte, 1) < 0 ? Self.failure(errno) : nil
    }

    public func whyUnlistable(_ directory: String) -> UnreadableReason? {
        var info = stat()
        guard withSystemPath(directory, { fstatat($0, $1, &info, 0) }) == 0 else { return Self.failure(errno) }
        let descriptor = withSystemPath(directory) { openat($0, $1, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return Self.failure(errno) }
        close(descriptor)
        return nil
    }

    /// A system error as a reason; nil for the errors that mean "missing".
    private static func failure(_ code: Int32) -> UnreadableReason? {
        code == ENOENT || code == ENOTDIR ? nil : .systemError(String(cString: strerror(code)))
    }

    private static func specialKind(_ mode: mode_t) -> SpecialFileKind {
        switch mode & S_IFMT {
        case S_IFDIR: .directory
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .unknown
        }
    }

    /// What the first read of a file asks for: most manifests fit.
    static let firstReadSize = 16_384

    /// The storage of first reads and of directory listings: one buffer per
    /// thread, kept for the thread's life. Temporary storage this large is
    /// not taken from the stack, and a heap allocation and free for every
    /// file read or directory listed cost 500 to 1,100 instructions each.
    /// (Neither use calls the other while it holds the buffer.)
    private enum ScratchBuffer {
        static let size = 32_768

        /// The thread-specific key; nil when none could be created (then every use allocates).
        static let key: pthread_key_t? = {
            var key = pthread_key_t()
            return pthread_key_create(&key, { free($0) }) == 0 ? key : nil
        }()

        /// Calls `body` with `byteCount` bytes (at most `size`) of the thread's buffer.
        static func with<Result>(byteCount: Int, _ body: (UnsafeMutableRawBufferPointer) -> Result) -> Result {
            guard byteCount <= size, let key else {
                return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 16, body)
            }
            if let stored = pthread_getspecific(key) {
                return body(UnsafeMutableRawBufferPointer(start: stored, count: byteCount))
            }
            guard let fresh = malloc(size) else { return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 16, body) }
            // Kept for the thread when the key takes it; else freed after this use.
            let kept = pthread_setspecific(key, fresh) == 0
            defer { if !kept { free(fresh) } }
            return body(UnsafeMutableRawBufferPointer(start: fresh, count: byteCount))
        }
    }

    /// One read(2) into `buffer`, retried when interrupted: the byte count, or nil on an error.
    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var got: Int
        repeat {
            got = systemRead(descriptor, buffer.baseAddress, buffer.count)
        } while got < 0 && errno == EINTR
        return got < 0 ? nil : got
    }

    #if os(Linux) && !MANIFEST_LINT_PORTABLE
    /// Lists through getdents64(2) into the thread's scratch buffer (room for
    /// a few hundred entries per call; larger directories take more calls): opendir's stream
    /// would add a 32 KB allocation, an fstat and two fcntl calls per directory.
    /// As with readdir, an error partway ends the listing with what was read.
    public func list(_ directory: String) -> [DirectoryEntry]? {
        let descriptor = withSystemPath(directory) { openat($0, $1, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var entries: [DirectoryEntry] = []
        entries.reserveCapacity(16)
        ScratchBuffer.with(byteCount: ScratchBuffer.size) { buffer in
            guard let base = buffer.baseAddress else { return }
            while true {
                let count = manifest_lint_getdents64(descriptor, base, UInt(buffer.count))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                var offset = 0
                while offset + Self.nameOffset < count {
                    let record = base + offset
                    let length = Int(record.loadUnaligned(fromByteOffset: Self.recordLengthOffset, as: UInt16.self))
                    guard length > Self.nameOffset, offset + length <= count else { return }
                    defer { offset += length }
                    let type = record.load(fromByteOffset: Self.typeOffset, as: UInt8.self)
                    // The name's bytes decoded in place ("." and ".." skipped on the bytes), NUL-terminated within the record.
                    let field = UnsafeRawBufferPointer(start: record + Self.nameOffset, count: length - Self.nameOffset)
                    let nameLength = field.firstIndex(of: 0) ?? field.count
                    if field[0] == UInt8(ascii: "."), nameLength == 1 || nameLength == 2 && field[1] == UInt8(ascii: ".") { continue }
                    let name = String(decoding: UnsafeRawBufferPointer(rebasing: field[..<nameLength]), as: UTF8.self)
                    entries.append(entry(named: name, type: type, in: directory))
                }
            }
        }
        // Sorted into a new array of the exact size: discovery keeps every listing for the whole run.
        return entries.sorted { $0.name < $1.name }
    }

    /// The layout of struct linux_dirent64: inode (8 bytes), offset (8),
    /// record length (2), type (1), then the NUL-terminated name.
    private static let recordLengthOffset = 16
    private static let typeOffset = 18
    private static let nameOffset = 19

    #else
    /// Lists with readdir(3) on the opened directory: the portable path, for
    /// systems other than Linux and the portable build. An error partway ends
    /// the listing with what was read.
    public func list(_ directory: String) -> [DirectoryEntry]? {
        let descriptor = withSystemPath(directory) { openat($0, $1, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        // Closes the descriptor too.
        defer { closedir(stream) }
        var entries: [DirectoryEntry] = []
        while let record = readdir(stream) {
            let name = withUnsafeBytes(of: record.pointee.d_name) { field in
                String(decoding: UnsafeRawBufferPointer(rebasing: field[..<(field.firstIndex(of: 0) ?? field.count)]), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append(entry(named: name, type: record.pointee.d_type, in: directory))
        }
        return entries.sorted { $0.name < $1.name }
    }
    #endif

    /// What the file system says of an entry; a type it leaves open (and a
    /// symbolic link) is asked of the path, links followed.
    private func entry(named name: String, type: UInt8, in directory: String) -> DirectoryEntry {
        switch Int32(type) {
        case Int32(DT_DIR): return DirectoryEntry(name: name, kind: .directory)
        case Int32(DT_REG): return DirectoryEntry(name: name, kind: .file, isListedRegularFile: true)
        default:
            let path = Path.join(directory, name)
            var info = stat()
            let isSymbolicLink = withSystemPath(path) { fstatat($0, $1, &info, AT_SYMLINK_NOFOLLOW) } == 0 && info.st_mode & S_IFMT == S_IFLNK
            return DirectoryEntry(name: name, kind: kind(of: path), isSymbolicLink: isSymbolicLink)
        }
    }

    /// Calls `body` with the directory descriptor and the path to hand the
    /// system's `*at` calls: relative to the anchor or else to the current
    /// directory when the path lies below it, which spares the kernel walking
    /// the leading components on every call (the process never changes its
    /// directory). The relative path is the tail of the absolute one's C
    /// string, so no second string is built; and the C string comes from
    /// `withCString`, which hands over the string's own bytes (passing a
    /// String where C wants a pointer copies it into a new array on every call).
    private func withSystemPath<Result>(_ path: String, _ body: (Int32, UnsafePointer<CChar>) -> Result) -> Result {
        path.withCString { absolute in
            if let anchor, let start = Path.startOfRelative(path, inside: anchor.path), start < path.utf8.count {
                return body(anchor.descriptor, absolute + start)
            }
            guard currentDirectory != "/", let start = Path.startOfRelative(path, inside: currentDirectory),
                  start < path.utf8.count else { return body(AT_FDCWD, absolute) }
            return body(AT_FDCWD, absolute + start)
        }
    }

    public func displayPath(_ path: String) -> String {
        Path.relative(path, from: currentDirectory)
    }
}
