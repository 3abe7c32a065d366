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
