#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's read, write, rename and exit under names that a type's own
// `read`, `write`, `rename` or `exit` does not hide. Inside such a type the
// plain name finds the method, and the module-qualified name (`Glibc.read`)
// exists on Linux only; these are top-level, where the plain name is libc's.

/// read(2): the byte count, 0 at the end, -1 on an error (errno set).
@inlinable
public func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Writes every byte, retrying when interrupted; false on an error (errno set).
public func systemWriteAll(_ descriptor: Int32, _ bytes: some Collection<UInt8>) -> Bool {
    var rest = Array(bytes)[...]
    while !rest.isEmpty {
        let written = rest.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return false }
        rest = rest.dropFirst(written)
    }
    return true
}

/// rename(2): 0, or -1 (errno set).
@inlinable
public func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}

/// exit(3).
@inlinable
public func systemExit(_ status: Int32) -> Never {
    exit(status)
}
