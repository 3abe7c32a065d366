import ArgumentParser
import ManifestLint
#if canImport(Glibc)
import Glibc
#endif

@main
struct ManifestLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest-lint",
        abstract: "Checks that Pulumi.yaml, the stack files, package.json and tsconfig.json agree with each other and with the files that exist.",
        version: "0.1.0",
        subcommands: [Check.self, RuleCommand.self, RulesCommand.self],
        defaultSubcommand: Check.self
    )

    /// Usage errors exit with 2, as the README promises (ArgumentParser's default is 64).
    static func main() {
        // A closed pipe (`| head`, a git child that died) is an error to handle, not a signal to die of.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Output.standardError(message + "\n") }
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case full, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the Pulumi projects below the given paths (default: the current directory).")

    @Argument(help: "Files or directories; a path inside a project checks that project.")
    var paths: [String] = []

    @Option(name: [.long, .customLong("output-format")], help: "Output format: full or json.")
    var format: OutputFormat = .full

    @Flag(help: "Check the snapshot in the git index (what the commit will contain), not the working tree.")
    var staged = false

    @Flag(help: "With --staged: check every project of the repository, not only those the staged change touches (also what happens when nothing is staged).")
    var all = false

    func validate() throws {
        if all && !staged { throw ValidationError("--all goes with --staged") }
    }

    func run() throws {
        let disk = DiskFileTree()
        let result: LintResult
        if staged {
            let index: GitIndexFileTree
            do {
                index = try GitIndexFileTree(at: disk.currentDirectory, disk: disk)
            } catch {
                Output.standardError("manifest-lint: --staged needs a git work tree: \(error)\n")
                throw ExitCode(2)
            }
            let given = paths.isEmpty ? [index.topLevel] : paths.map(disk.absolute)
            // Nothing staged (`pre-commit run --all-files`, an empty commit): the snapshot is HEAD, check it all.
            let everything = all || index.changedPaths.isEmpty
            result = Linter().check(paths: given, in: index, touching: everything ? nil : index.changedPaths)
            if result.projectCount == 0 && result.unreadablePaths.isEmpty && format == .full {
                Output.standardOutput(everything ? "No Pulumi project in the staged snapshot.\n"
                                          : "No Pulumi project is touched by the staged change.\n")
                return
            }
        } else {
            let given = paths.isEmpty ? ["."] : paths
            result = Linter().check(paths: given.map(disk.absolute), in: disk)
        }
        let tree = disk
        for path in result.unreadablePaths {
            Output.standardError("manifest-lint: \(tree.displayPath(path)): no such file or directory\n")
        }
        if !result.unreadablePaths.isEmpty && result.projectCount == 0 { throw ExitCode(2) }
        switch format {
        case .full:
            let useColor = isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
            Output.standardOutput(TextReporter(color: useColor).render(result))
        case .json:
            Output.standardOutput(JSONReporter().render(result))
        }
        // Exit here: tearing down the graph and the index of a large repository is wasted time.
        if !result.unreadablePaths.isEmpty { Glibc.exit(2) }
        Glibc.exit(result.errorCount > 0 ? 1 : 0)
    }
}

struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rule", abstract: "Explain a rule and show its examples.")

    @Argument(help: "The rule's id, for example main-bin-mismatch.")
    var id: String

    func run() throws {
        guard let rule = Rule.named(id) else {
            Output.standardError("manifest-lint: unknown rule '\(id)'; `manifest-lint rules` lists them\n")
            throw ExitCode(2)
        }
        Output.standardOutput(RuleDocumentation.render(rule))
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    func run() {
        Output.standardOutput(RuleDocumentation.table(Rule.all))
    }
}

/// Writes straight to the file descriptors (no buffering to flush at exit).
enum Output {
    static func standardOutput(_ text: String) { write(text, to: STDOUT_FILENO) }
    static func standardError(_ text: String) { write(text, to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in Glibc.write(descriptor, buffer.baseAddress, buffer.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
