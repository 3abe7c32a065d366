import Foundation
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// A scratch directory for real git repositories, with a clean git
/// environment (no global or system configuration, a fixed identity) and a
/// PATH without manifest-lint, so that hooks use the path install.sh records.
final class GitSandbox {
    let root: String

    /// The manifest-lint binary that `swift test` built next to the test bundle,
    /// or the one MANIFEST_LINT_BINARY names (.ci/run: the release build).
    static let binary: String = {
        if let chosen = ProcessInfo.processInfo.environment["MANIFEST_LINT_BINARY"], !chosen.isEmpty { return chosen }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("manifest-lint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return TestPaths.repositoryRoot + "/.build/debug/manifest-lint"
    }()

    static let installScript = TestPaths.repositoryRoot + "/install.sh"

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("manifest-lint-git-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    struct Output {
        var status: Int32
        var output: String
        var error: String
        var all: String { output + error }
    }

    var environment: [String: String] {
        [
            "PATH": "/usr/bin:/bin",
            "HOME": root + "/home",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": root + "/home/.gitconfig",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "LANG": "C.UTF-8",
        ]
    }

    @discardableResult
    func run(_ arguments: [String], in directory: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }

    @discardableResult
    func git(_ arguments: String..., in directory: String) throws -> Output {
        try run(["git"] + arguments, in: directory)
    }

    /// A new repository (no commits) at `name` below the sandbox.
    func repository(_ name: String = "repo") throws -> String {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main", in: path)
        return path
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    /// Copies a directory's files (the seed example, say) into `destination`.
    func copy(_ source: String, to destination: String) throws {
        let items = try FileManager.default.contentsOfDirectory(atPath: source)
        for item in items {
            let target = destination + "/" + item
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: target)
        }
    }

    func installHook(in repository: String) throws -> Output {
        try run(["sh", Self.installScript, "--hook", repository, "--binary", Self.binary], in: repository)
    }

    func commit(_ message: String, in repository: String) throws -> Output {
        try git("commit", "-q", "-m", message, in: repository)
    }

    static let seed = TestPaths.repositoryRoot + "/examples/seed-tap-stack"
    static let fixedSeed = TestPaths.repositoryRoot + "/examples/seed-tap-stack-fixed"
}
