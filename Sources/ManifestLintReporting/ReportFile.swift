import ManifestLintEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report or a baseline file (`--output`, `--write-baseline`).
public enum ReportFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard systemWriteAll(descriptor, Array(text.utf8)) else {
            throw Failure(description: "cannot write: \(String(cString: strerror(errno)))")
        }
    }
}
