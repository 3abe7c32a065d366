import Foundation
import Testing
@testable import ManifestLintCore

/// The working trees that a tool, a mount or a mistake leaves odd, through
/// the binary, as a pre-commit hook meets them: a FIFO, a device behind a
/// symbolic link, the hook's own standard input, files and directories the
/// user cannot read, a megabyte on one line. Each run must end within a
/// second, print under 10 KB, and say what it could not read.
///
/// The second holds for the release binary, which .ci/run passes in
/// (MANIFEST_LINT_BINARY); the debug build `swift test` makes is 10 to 50
/// times slower on a megabyte of input, so on its own this suite allows 10
/// seconds, which still catches a run that blocks.
@Suite(.serialized)
struct HostileFileSystemTests {
    let sandbox: GitSandbox
    let secondsAllowed: Double = ProcessInfo.processInfo.environment["MANIFEST_LINT_BINARY"] == nil ? 10 : 1

    init() throws {
        sandbox = try GitSandbox()
        // Readable by the unprivileged user the permission cases run as.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.root)
    }

    /// A Node project whose package.json and tsconfig.json are ordinary unless replaced.
    func project(_ name: String) throws -> String {
        let path = sandbox.root + "/" + name
        try sandbox.write("name: demo\nruntime: nodejs\n", to: path + "/Pulumi.yaml")
        try sandbox.write(#"{ "name": "demo", "dependencies": { "@pulumi/pulumi": "^3.0.0" } }"#, to: path + "/package.json")
        try sandbox.write("{}", to: path + "/tsconfig.json")
        try sandbox.write("export {};\n", to: path + "/index.ts")
        return path
    }

    func replace(_ path: String, withFIFO: Void) throws {
        try? FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
    }

    func replace(_ path: String, withLinkTo target: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    struct Run {
        var status: Int32
        var output: String
        var seconds: Double
        var byteCount: Int
    }

    /// Runs the binary on `arguments` with a deadline: a run that blocks is
    /// killed, and fails the test, instead of hanging it. Standard output and
    /// error go to one file (a full pipe would block the run); standard input
    /// is a pipe the test keeps open, as git keeps a hook's. As root, the
    /// run drops to user 65534, for whom mode 000 means unreadable.
    func run(_ arguments: [String], in directory: String, asUnprivileged: Bool = false) throws -> Run {
        let outputPath = sandbox.root + "/output-\(UInt64.random(in: 0...UInt64.max))"
        #expect(FileManager.default.createFile(atPath: outputPath, contents: nil))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let input = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let drop = asUnprivileged && geteuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        process.arguments = drop + [GitSandbox.binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = sandbox.environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        // The line goes in before the run starts: written after, it could
        // meet a run that had already ended, and the write's SIGPIPE would end the tests.
        try input.fileHandleForWriting.write(contentsOf: Data("refs/heads/main 0000 refs/heads/main 0000\n".utf8))
        let start = Date()
        try process.run()
        let deadline = start.addingTimeInterval(secondsAllowed + 1)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        let seconds = Date().timeIntervalSince(start)
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try input.fileHandleForWriting.close()
        try output.close()
        let bytes = FileManager.default.contents(atPath: outputPath) ?? Data()
        return Run(status: process.isRunning ? -1 : process.terminationStatus, output: String(decoding: bytes, as: UTF8.self),
                   seconds: seconds, byteCount: bytes.count)
    }

    /// `check` and `check --fix --unsafe-fixes` both end quickly with a short report that contains `expected`.
    func expectBoundedRuns(of directory: String, toSay expected: String, status: Int32, asUnprivileged: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        for arguments in [["check", "."], ["check", "--fix", "--unsafe-fixes", "."]] {
            let result = try run(arguments, in: directory, asUnprivileged: asUnprivileged)
            #expect(result.seconds < secondsAllowed, "\(arguments) took \(result.seconds) s", sourceLocation: sourceLocation)
            #expect(result.byteCount < 10_000, "\(arguments) printed \(result.byteCount) bytes", sourceLocation: sourceLocation)
            #expect(result.output.contains(expected), "\(arguments) printed: \(result.output)", sourceLocation: sourceLocation)
            #expect(result.status == status, "\(arguments) exited \(result.status): \(result.output)", sourceLocation: sourceLocation)
            #expect(!result.output.contains("No problems found in 1 project.\n"), sourceLocation: sourceLocation)
        }
    }

    @Test func aFIFONamedPackageJSONIsReportedNotRead() throws {
        let directory = try project("fifo")
        try replace(directory + "/package.json", withFIFO: ())
        try expectBoundedRuns(of: directory, toSay: "package.json:1:1: error[file-unreadable] package.json is a FIFO, not a regular file",
                              status: 1)
    }

    @Test func aFIFOAsTheProgramsMainFileIsReportedNotRead() throws {
        let directory = try project("fifo-main")
        try sandbox.write("name: demo\nruntime: nodejs\nmain: index.js\n", to: directory + "/Pulumi.yaml")
        try replace(directory + "/index.js", withFIFO: ())
        try expectBoundedRuns(of: directory, toSay: "index.js:1:1: error[file-unreadable] index.js is a FIFO", status: 1)
    }

    @Test func aLinkToDevZeroIsNeverRead() throws {
        let directory = try project("zero")
        try replace(directory + "/tsconfig.json", withLinkTo: "/dev/zero")
        try expectBoundedRuns(of: directory, toSay: "tsconfig.json is a character device, not a regular file", status: 1)
    }

    @Test func aLinkToTheHooksStandardInputIsNeverRead() throws {
        let directory = try project("stdin")
        try replace(directory + "/tsconfig.json", withLinkTo: "/dev/stdin")
        // Standard input is a pipe that stays open (and holds a line), as a pre-push hook's does.
        try expectBoundedRuns(of: directory, toSay: "tsconfig.json is a FIFO, not a regular file", status: 1)
    }

    @Test func anUnreadablePackageJSONIsAnErrorNotAPass() throws {
        let directory = try project("mode-000")
        #expect(chmod(directory + "/package.json", 0) == 0)
        try expectBoundedRuns(of: directory, toSay: "package.json cannot be read (Permission denied)", status: 1, asUnprivileged: true)
    }

    @Test func anUnreadableProjectFileLeavesTheProjectUnjudged() throws {
        let directory = try project("project-000")
        #expect(chmod(directory + "/Pulumi.yaml", 0) == 0)
        try expectBoundedRuns(of: directory,
                              toSay: "manifest-lint: Pulumi.yaml: cannot be read (Permission denied); the project was not checked",
                              status: 2, asUnprivileged: true)
    }

    @Test func anUnreadableDirectoryIsReportedOnce() throws {
        let directory = try project("unreadable-directory")
        try sandbox.write("name: hidden\nruntime: nodejs\n", to: directory + "/stacks/hidden/Pulumi.yaml")
        #expect(chmod(directory + "/stacks", 0) == 0)
        defer { chmod(directory + "/stacks", 0o755) }
        try expectBoundedRuns(of: directory, toSay: "manifest-lint: stacks: cannot be listed (Permission denied)", status: 2,
                              asUnprivileged: true)
        let result = try run(["check", "."], in: directory, asUnprivileged: true)
        #expect(result.output.components(separatedBy: "stacks: cannot be listed").count == 2, "reported once: \(result.output)")
        #expect(result.output.contains("but 1 path could not be checked"))
    }

    @Test func stagedModeReadsLinksAsGitChecksThemOutAndNeverADevice() throws {
        let repository = try sandbox.repository("staged")
        let directory = try project("staged/app")
        try sandbox.write(#"{ "compilerOptions": { "strict": true } }"#, to: repository + "/shared/tsconfig.base.json")
        // Staged links: one to a file of the repository (read as that file), one to a device (never read).
        try replace(directory + "/tsconfig.json", withLinkTo: "../shared/tsconfig.base.json")
        try replace(directory + "/Pulumi.dev.yaml", withLinkTo: "/dev/zero")
        // Above the repository, files are read from disk (the package.json files Node would look up): a FIFO there is refused too.
        try replace(sandbox.root + "/package.json", withFIFO: ())
        try sandbox.git("add", "-A", in: repository)
        let result = try run(["check", "--staged"], in: repository)
        #expect(result.seconds < secondsAllowed && result.byteCount < 10_000, "\(result.seconds) s, \(result.byteCount) bytes")
        #expect(result.output.contains("app/Pulumi.dev.yaml:1:1: error[file-unreadable] Pulumi.dev.yaml is a character device"), "\(result.output)")
        #expect(result.output.contains("../package.json:1:1: error[file-unreadable] package.json is a FIFO"), "\(result.output)")
        #expect(!result.output.contains("tsconfig.json"), "the linked tsconfig reads as the file it points to: \(result.output)")
    }

    @Test func aMegabyteOnOneLinePrintsAShortSnippet() throws {
        let directory = try project("long-line")
        let filler = String(repeating: "x", count: 1_000_000)
        // A script calling a binary nobody declares, behind a megabyte of arguments: the finding is on this one line.
        try sandbox.write(#"{ "name": "demo", "dependencies": { "@pulumi/pulumi": "^3.0.0" }, "scripts": { "build": "tsc \#(filler)" } }"#,
                          to: directory + "/package.json")
        let result = try run(["check", "."], in: directory)
        #expect(result.seconds < secondsAllowed, "took \(result.seconds) s")
        #expect(result.byteCount < 10_000, "printed \(result.byteCount) bytes")
        #expect(result.output.contains("warning[script-binary-undeclared] 'tsc'"))
        let snippet = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("1 | ") })
        #expect(snippet.hasSuffix("…") && snippet.count < 220, "\(snippet.prefix(300))")
    }

    @Test func controlCharactersAreShownEscaped() throws {
        let directory = try project("control")
        try sandbox.write("name: demo\nruntime: nodejs\nmain: \"gone\\e[31m.js\"\n", to: directory + "/Pulumi.yaml")
        try sandbox.write("{ \"name\": \"demo\u{1B}[2J\u{7F}\u{8}\" }\n", to: directory + "/package.json")
        let result = try run(["check", "."], in: directory)
        #expect(result.output.contains("error[main-missing]") && result.output.contains("error[json-syntax]"))
        #expect(!result.output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F },
                "\(result.output.debugDescription)")
        #expect(result.output.contains("'gone␛[31m.js'"), "a message shows the value escaped: \(result.output)")
        #expect(result.output.contains("1 | { \"name\": \"demo␛[2J␡␈\" }"), "the snippet shows the line escaped: \(result.output)")
    }
}
