import ArgumentParser
import ManifestLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct ManifestLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest-lint",
        abstract: "Checks that Pulumi.yaml, the stack files, package.json and tsconfig.json agree with each other and with the files that exist.",
        version: ManifestLintVersion.current,
        subcommands: [Check.self, RuleCommand.self, RulesCommand.self, InitCommand.self],
        defaultSubcommand: Check.self
    )

    /// Usage errors exit with 2, as the README promises (ArgumentParser's default is 64).
    static func main() {
        // A closed pipe (`| head`, a git child that died) is an error to handle, not a signal to die of.
        signal(SIGPIPE, SIG_IGN)
        do {
            if let options = QuickArguments.check(Array(CommandLine.arguments.dropFirst())) {
                try options.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Output.standardError(message + "\n") }
            systemExit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rule", abstract: "Explain a rule and show its examples.")

    @Argument(help: "The rule's id, for example main-bin-mismatch.")
    var id: String

    func run() throws {
        guard let rule = Rule.named(id) else {
            Output.standardError(DisplayText.message("manifest-lint: unknown rule '\(id)'; `manifest-lint rules` lists them") + "\n")
            throw ExitCode(2)
        }
        Output.standardOutput(RuleDocumentation.render(rule))
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: id, default severity, fix, summary.")

    enum Format: String, ExpressibleByArgument {
        case table, json, markdown
    }

    @Option(help: "table, json, or markdown (docs/rules.md).")
    var format: Format = .table

    func run() {
        switch format {
        case .table: Output.standardOutput(RuleDocumentation.table(Rule.all))
        case .json: Output.standardOutput(RuleDocumentation.json(Rule.all))
        case .markdown: Output.standardOutput(RuleDocumentation.markdown(Rule.all))
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented .manifest-lint.yaml at the repository root.")

    func run() throws {
        let disk = DiskFileTree()
        let root = ReportContext.repositoryRoot(from: disk.currentDirectory, tree: disk)
        let path = ManifestLint.Path.join(root, Configuration.fileName)
        guard !disk.exists(path) else {
            Output.standardError("manifest-lint: \(disk.displayPath(path)) already exists; not overwritten\n")
            throw ExitCode(1)
        }
        do {
            try ReportFile.write(Configuration.starterFile, to: path)
        } catch {
            Output.standardError("manifest-lint: \(disk.displayPath(path)): \(error)\n")
            throw ExitCode(2)
        }
        Output.standardOutput("Wrote \(disk.displayPath(path)).\n")
    }
}

/// Writes straight to the file descriptors (no buffering to flush at exit).
enum Output {
    static func standardOutput(_ text: String) { write(text, to: STDOUT_FILENO) }
    static func standardError(_ text: String) { write(text, to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        _ = systemWriteAll(descriptor, Array(text.utf8))
    }
}
