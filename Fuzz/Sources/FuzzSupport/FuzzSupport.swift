#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's driver: it calls `body` with each input it makes, for as long
/// as its flags say. (A fuzz target calls this from its top-level code; a
/// file defining only LLVMFuzzerTestOneInput never reaches libFuzzer's main.)
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

public enum Fuzz {
    /// Runs libFuzzer with the process's arguments, feeding each input to `callback`; never returns.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }

    /// The input's bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let data, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: count))
    }

    /// The input split into a small project: parts separated by a line
    /// `--- <path>` become files of that path (the first part, before any
    /// such line, is Pulumi.yaml).
    public static func files(_ bytes: [UInt8]) -> [String: String] {
        var files: [String: String] = [:]
        var path = "Pulumi.yaml"
        var current: [Substring] = []
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("--- ") {
                files[path] = current.joined(separator: "\n")
                path = String(line.dropFirst(4)).trimmingBlanks
                current = []
            } else {
                current.append(line)
            }
        }
        files[path] = current.joined(separator: "\n")
        return files.filter { !$0.key.isEmpty && !$0.key.hasPrefix("/") && !$0.key.contains("..") }
    }
}

private extension String {
    var trimmingBlanks: String {
        String(unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\r" }.reversed().map(Character.init))
    }
}
