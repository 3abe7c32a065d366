import ManifestLintRules

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes fixed files atomically: a temporary file in the same directory,
/// fsync, then rename over the original, keeping its permissions. A symbolic
/// link is followed only when it stays inside the allowed roots; a read-only
/// file, and a file whose bytes are no longer those the fixes were made
/// from (saved in an editor meanwhile), are errors. One failure does not
/// stop the other files.
public enum FileWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes every changed file (renames first); returns what could not be written.
    public static func write(_ files: [Fixer.ChangedFile], allowedRoots: [String]) -> [Failure] {
        let roots = allowedRoots.map { resolved($0) ?? $0 }
        var failures: [Failure] = []
        for file in files {
            do {
                try expectUnchanged(file.originalPath, from: file.original)
                let editsContent = file.updated != file.original || !file.isRename
                if file.isRename {
                    // A file that cannot take its new content is not renamed either: a fix is written whole or not at all.
                    if editsContent { _ = try writableTarget(file.originalPath, roots: roots) }
                    try rename(file.originalPath, to: file.path, roots: roots)
                }
                if editsContent {
                    try replaceContents(of: file.path, with: file.updated, madeFrom: file.original, roots: roots)
                }
            } catch let failure as Failure {
                failures.append(failure)
            } catch {
                failures.append(Failure(path: file.path, reason: "\(error)"))
            }
        }
        return failures
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func isInside(_ path: String, _ roots: [String]) -> Bool {
        roots.contains { Path.isInside(path, $0) }
    }

    /// The file to write for `path`: itself when its directory is inside the roots, or the
    /// target of a link that stays inside them.
    private static func writableTarget(_ path: String, roots: [String]) throws -> String {
        guard isInside(resolved(Path.parent(path) ?? ".") ?? path, roots) else {
            throw Failure(path: path, reason: "lies outside the checked paths and their projects; not written")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Failure(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = resolved(path), isInside(real, roots) else {
                throw Failure(path: path, reason: "is a symbolic link that leads out of the project; not written")
            }
            target = real
            guard stat(target, &info) == 0 else { throw Failure(path: path, reason: "its link target cannot be read") }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(path: path, reason: "is not a regular file; not written") }
        if info.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw Failure(path: path, reason: "is not writable (read-only); not fixed")
        }
        return target
    }

    /// Fails when the file's bytes are no longer `original`: a fix made from
    /// them would undo what changed since.
    private static func expectUnchanged(_ path: String, from original: [UInt8]) throws {
        let current = DiskFileTree().read(path)
        if current == original { return }
        // A file the fixes create was not there, and must still not be.
        var info = stat()
        if current == nil, original.isEmpty, lstat(path, &info) != 0, errno == ENOENT { return }
        throw Failure(path: path, reason: "changed while it was being fixed; not written (run the fix again)")
    }

    private static func replaceContents(of path: String, with bytes: [UInt8], madeFrom original: [UInt8], roots: [String]) throws {
        let target = try writableTarget(path, roots: roots)
        var info = stat()
        guard stat(target, &info) == 0 else { throw Failure(path: path, reason: "cannot be read") }
        let directory = Path.parent(target) ?? "."
        var template = Array((Path.join(directory, "." + Path.basename(target) + ".manifest-lint-XXXXXX")).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        guard systemWriteAll(descriptor, bytes) else {
            close(descriptor)
            throw Failure(path: path, reason: "write failed: \(String(cString: strerror(errno)))")
        }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0, fsync(descriptor) == 0 else {
            close(descriptor)
            throw Failure(path: path, reason: "could not finish the temporary file: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        // Once more at the last moment: the window for an edit to be lost is the rename alone.
        try expectUnchanged(target, from: original)
        guard systemRename(temporary, target) == 0 else {
            throw Failure(path: path, reason: "could not replace it: \(String(cString: strerror(errno)))")
        }
        succeeded = true
        syncDirectory(directory)
    }

    private static func rename(_ from: String, to destination: String, roots: [String]) throws {
        guard isInside(resolved(Path.parent(from) ?? ".") ?? from, roots) else {
            throw Failure(path: from, reason: "lies outside the project; not renamed")
        }
        var info = stat()
        guard lstat(destination, &info) != 0 else { throw Failure(path: destination, reason: "already exists; not renamed") }
        // link + unlink never replaces a file that appeared meanwhile, unlike rename(2).
        if link(from, destination) == 0 {
            unlink(from)
        } else if systemRename(from, destination) != 0 {
            throw Failure(path: from, reason: "could not be renamed: \(String(cString: strerror(errno)))")
        }
        syncDirectory(Path.parent(destination) ?? ".")
    }

    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
