import CSystemCalls
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started with posix_spawnp (no shell), with pipes to its
/// standard input, output and error. It inherits the environment, so that a
/// git hook's GIT_INDEX_FILE and GIT_DIR reach the git it runs.
final class ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// Our ends of the pipes (-1 once closed).
    private(set) var input: Int32
    let output: Int32
    let errorOutput: Int32

    init(_ arguments: [String]) throws(SpawnError) {
        var inputPipe: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard Self.makePipe(&inputPipe), Self.makePipe(&outputPipe), Self.makePipe(&errorPipe) else {
            for fd in inputPipe + outputPipe + errorPipe where fd >= 0 { close(fd) }
            throw SpawnError(description: "could not create pipes: \(String(cString: strerror(errno)))")
        }
        // An opaque pointer on macOS, a structure on Linux.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        let status = posix_spawnp(&child, arguments.first ?? "", &actions, nil, argv, manifest_lint_environment())
        close(inputPipe[0])
        close(outputPipe[1])
        close(errorPipe[1])
        guard status == 0 else {
            close(inputPipe[1])
            close(outputPipe[0])
            close(errorPipe[0])
            throw SpawnError(description: "could not run \(arguments.first ?? "?"): \(String(cString: strerror(status)))")
        }
        pid = child
        input = inputPipe[1]
        output = outputPipe[0]
        errorOutput = errorPipe[0]
    }

    /// A pipe whose two ends are closed in children (dup2 clears the flag on the copies).
    private static func makePipe(_ descriptors: inout [Int32]) -> Bool {
        guard pipe(&descriptors) == 0 else { return false }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return true
    }

    deinit {
        closeInput()
        close(output)
        close(errorOutput)
        _ = waitForExit()
    }

    /// Runs a program to completion: its exit status, standard output and error.
    static func run(_ arguments: [String]) throws(SpawnError) -> (status: Int32, output: [UInt8], error: String) {
        let process = try ChildProcess(arguments)
        process.closeInput()
        let output = readToEnd(process.output)
        let error = readToEnd(process.errorOutput)
        let status = process.waitForExit()
        return (status, output, String(decoding: error, as: UTF8.self))
    }

    func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// Writes all bytes to the child's standard input; false when it is gone.
    func write(_ bytes: [UInt8]) -> Bool {
        systemWriteAll(input, bytes)
    }

    private var exitStatus: Int32?

    /// Waits for the child (once) and returns its exit status (128+signal when killed).
    func waitForExit() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR {
                exitStatus = -1
                return -1
            }
        }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        exitStatus = code
        return code
    }

    static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}

/// Buffered reads from a pipe: lines and exact byte counts.
struct PipeReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Refills the buffer; false at the end of the stream.
    private mutating func fill() -> Bool {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    /// The next line without its newline; nil at the end of the stream.
    mutating func line() -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[position..<newline], as: UTF8.self)
                position = newline + 1
                return line
            }
            guard fill() else { return nil }
        }
    }

    /// Exactly `count` bytes; nil if the stream ends first.
    mutating func bytes(_ count: Int) -> [UInt8]? {
        while buffer.count - position < count {
            guard fill() else { return nil }
        }
        let result = Array(buffer[position..<position + count])
        position += count
        return result
    }
}
