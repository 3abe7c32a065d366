import ManifestLintFindings

/// The scripts of a package.json, parsed, with every command they run
/// (wrappers such as npx and cross-env removed) and every script they call.
public struct PackageScripts {
    /// A script and what parsing it gave.
    public struct Script {
        public let name: String
        /// Why the script could not be parsed, and where in package.json.
        public let error: ShellParseError?
    }

    /// A command as the script finally runs it: the analysed command, which
    /// the packages that have the same script share, and where it runs here.
    public struct Invocation {
        /// The name of the script it is part of.
        public let scriptName: String
        public let command: ScriptAnalysis.Command
        /// The tree path of the directory it runs in; nil when a `cd` made it unknown.
        public let directory: String?

        /// The command name first; wrappers removed.
        public var words: [ShellWord] { command.words }
        /// The command's name (its first word's last path component).
        public var name: String { command.name }
        /// The local files it runs or loads.
        public var fileArguments: [FileArgument] { command.fileArguments }
        /// Its command is one every system has (WellKnownCommands.globals).
        public var isWellKnownGlobal: Bool { command.isWellKnownGlobal }
        /// It runs through npx or the like, which installs a missing package.
        public var installsOnDemand: Bool { command.installsOnDemand }
        /// The script it runs, when it is `npm run X` or the like.
        public var call: ScriptCall? { command.call }
        /// `tsc` compiling the project of the nearest tsconfig.json (no input file, no `-p`).
        public var readsNearestTSConfig: Bool { command.readsNearestTSConfig }
        /// The patterns it gives prettier or eslint (GlobArguments).
        public var globPatterns: [ShellWord] { command.globPatterns }
    }

    /// `npm run X` and the like: the script a runner command names.
    public struct ScriptCall: Sendable {
        public var tool: String
        public var target: ShellWord
        /// The runner fails when the script is missing (npm run, pnpm run);
        /// otherwise it may run a binary or a file of that name instead.
        public var requiresScript: Bool
        /// The directory an option points the runner at (`--prefix DIR`,
        /// `-C DIR`, `--dir`, `--cwd`, `-w`/`--workspace`), relative to where it runs.
        public var packageOption: ShellWord? = nil
        /// `packageOption` is a workspace (`-w`): a path, or a name this does not resolve.
        public var packageOptionIsWorkspace = false
    }

    public let package: PackageManifest
    public private(set) var scripts: [Script] = []
    public private(set) var invocations: [Invocation] = []

    public init(package: PackageManifest, cache: ScriptCache = ScriptCache()) {
        self.package = package
        // The entries of "scripts" read in place (a script is a string value; others are not scripts).
        let entries = package.root?["scripts"]?.entries ?? []
        // Most scripts run one command or two: room for them at once, not grown step by step.
        scripts.reserveCapacity(entries.count)
        invocations.reserveCapacity(entries.count * 2)
        for entryIndex in entries.indices {
            guard entries[entryIndex].value.isString, let name = entries[entryIndex].name,
                  let analysis = cache.analysis(in: package.file, span: entries[entryIndex].value.span) else { continue }
            scripts.append(Script(name: name, error: analysis.error))
            for command in analysis.commands {
                let directory = command.directory.map { $0.isEmpty ? package.directory : Path.join(package.directory, $0) }
                invocations.append(Invocation(scriptName: name, command: command, directory: directory))
            }
        }
    }

    /// Whether package.json defines a script of this name (a search: a manifest has tens of scripts, and a set costs more to build).
    public func defines(_ name: String) -> Bool { scripts.contains { $0.name == name } }

    // MARK: Wrappers

    /// Removes what only starts another command: npx, `npm exec`, cross-env,
    /// `dotenv --`, env, time, nohup. `installsOnDemand`: a runner that installs
    /// the package when no dependency provides it (npx, `npm exec`, pnpx, bunx,
    /// unless told not to with `--no-install` or `--no`) starts the command.
    static func unwrap(_ words: [ShellWord]) -> (words: [ShellWord], installsOnDemand: Bool) {
        var words = words
        var installsOnDemand = false
        while let first = words.first, !first.isDynamic {
            let name = Path.basename(first.text)
            var rest = Array(words.dropFirst())
            switch name {
            case "npx", "pnpx", "bunx":
                installsOnDemand = !rest.prefix { $0.text.hasPrefix("-") }.contains { $0.text == "--no-install" || $0.text == "--no" }
                rest = dropOptions(rest, taking: Self.npxValueOptions)
            case "npm" where rest.first?.text == "exec" || rest.first?.text == "x":
                installsOnDemand = !rest.dropFirst().prefix { $0.text.hasPrefix("-") }.contains { $0.text == "--no" }
                rest = dropOptions(Array(rest.dropFirst()), taking: Self.execValueOptions)
            case "pnpm" where rest.first?.text == "exec",
                 "yarn" where rest.first?.text == "exec":
                rest = dropOptions(Array(rest.dropFirst()), taking: Self.execValueOptions)
            case "cross-env", "cross-env-shell", "env":
                rest = Array(rest.drop { $0.isAssignment || $0.text.hasPrefix("-") })
            case "dotenv":
                if let separator = rest.firstIndex(where: { $0.text == "--" }) {
                    rest = Array(rest[(separator + 1)...])
                } else {
                    rest = dropOptions(rest, taking: Self.dotenvValueOptions)
                }
            case "time", "nohup", "nice":
                rest = dropOptions(rest, taking: Self.niceValueOptions)
            default:
                if first.text.hasPrefix("node_modules/.bin/") || first.text.hasPrefix("./node_modules/.bin/") {
                    words[0].text = name
                }
                return (words, installsOnDemand)
            }
            if rest.first?.text == "--" { rest.removeFirst() }
            words = rest
        }
        return (words, installsOnDemand)
    }

    static let npxValueOptions: Set<String> = ["-p", "--package", "-c", "--call"]
    static let execValueOptions: Set<String> = ["-p", "--package", "-c", "--call", "-w", "--workspace"]
    static let dotenvValueOptions: Set<String> = ["-e", "-v", "-c"]
    static let niceValueOptions: Set<String> = ["-n"]

    /// Drops leading options (and the values of those in `taking`).
    static func dropOptions(_ words: [ShellWord], taking: Set<String>) -> [ShellWord] {
        var index = 0
        while index < words.count, words[index].text.hasPrefix("-"), words[index].text != "--" {
            index += taking.contains(words[index].text) ? 2 : 1
        }
        return Array(words.dropFirst(min(index, words.count)))
    }

    // MARK: Runners

    static let yarnCommands: Set<String> = [
        "add", "audit", "autoclean", "bin", "cache", "check", "config", "create", "dlx", "exec", "explain", "generate-lock-entry",
        "global", "help", "import", "info", "init", "install", "licenses", "link", "list", "login", "logout", "node", "npm",
        "outdated", "owner", "pack", "patch", "plugin", "policies", "publish", "rebuild", "remove", "run", "search", "set",
        "tag", "team", "unlink", "unplug", "up", "upgrade", "upgrade-interactive", "version", "versions", "why", "workspace",
        "workspaces", "constraints", "dedupe", "stage",
    ]
    static let pnpmCommands: Set<String> = [
        "add", "audit", "bin", "config", "create", "dedupe", "deploy", "dlx", "env", "exec", "fetch", "import", "init",
        "install", "i", "install-test", "it", "licenses", "link", "list", "ls", "outdated", "pack", "patch", "patch-commit",
        "prune", "publish", "rebuild", "recursive", "remove", "rm", "root", "run", "server", "setup", "store", "test", "t",
        "unlink", "update", "up", "why", "start",
    ]

    /// Options that point a runner at one other directory, alone (the next word is the value) or with `=value`.
    static let packageDirectoryOptions: Set<String> = ["--prefix", "-C", "--dir", "--cwd"]
    static let workspaceOptions: Set<String> = ["-w", "--workspace"]
    /// Options that run the script in many packages: not followed.
    static let manyPackageOptions: Set<String> = ["--workspaces", "-ws", "--filter", "-F", "-r", "--recursive"]

    /// The script a runner call names, when the words (`tool`, the first
    /// word's last path component) are one.
    static func scriptCall(_ words: [ShellWord], named tool: String) -> ScriptCall? {
        guard let first = words.first, !first.isDynamic else { return nil }
        guard tool == "npm" || tool == "pnpm" || tool == "yarn" || tool == "bun" else { return nil }
        var arguments = Array(words.dropFirst())
        // An option that points the runner at another directory: the call is checked there; many packages: not followed.
        var packageOption: ShellWord?
        var isWorkspace = false
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            // What follows `--` is the script's own.
            if word.text == "--" { break }
            guard word.text.utf8.first == UInt8(ascii: "-") else { index += 1; continue }
            let option = String(word.text.prefix { $0 != "=" })
            // pnpm's -w is --workspace-root, without a value.
            if manyPackageOptions.contains(option) || tool == "pnpm" && option == "-w" { return nil }
            guard packageDirectoryOptions.contains(option) || workspaceOptions.contains(option) else { index += 1; continue }
            // A second one, or one without a value: not followed.
            guard packageOption == nil else { return nil }
            isWorkspace = workspaceOptions.contains(option)
            if option.utf8.count < word.text.utf8.count {
                var value = word
                value.text = String(word.text.dropFirst(option.count + 1))
                packageOption = value
                arguments.remove(at: index)
            } else {
                guard index + 1 < arguments.count else { return nil }
                packageOption = arguments[index + 1]
                arguments.removeSubrange(index...(index + 1))
            }
            if packageOption?.isDynamic ?? true { return nil }
        }
        let ifPresent = arguments.contains { $0.text == "--if-present" }
        let positional = arguments.filter { !$0.text.hasPrefix("-") }
        guard let subcommand = positional.first, !subcommand.isDynamic else { return nil }
        var call = runnerCall(tool, subcommand: subcommand, positional: positional, ifPresent: ifPresent)
        call?.packageOption = packageOption
        call?.packageOptionIsWorkspace = isWorkspace
        return call
    }

    private static func runnerCall(_ tool: String, subcommand: ShellWord, positional: [ShellWord], ifPresent: Bool) -> ScriptCall? {
        switch tool {
        case "npm":
            switch subcommand.text {
            case "run", "run-script", "rum", "urn":
                guard positional.count > 1, !positional[1].isDynamic else { return nil }
                return ScriptCall(tool: "npm run", target: positional[1], requiresScript: !ifPresent)
            case "test", "t", "tst", "start", "stop", "restart":
                var target = subcommand
                target.text = ["t", "tst"].contains(subcommand.text) ? "test" : subcommand.text
                return ScriptCall(tool: "npm \(subcommand.text)", target: target, requiresScript: !ifPresent)
            default:
                return nil
            }
        case "pnpm":
            if subcommand.text == "run" {
                guard positional.count > 1, !positional[1].isDynamic else { return nil }
                return ScriptCall(tool: "pnpm run", target: positional[1], requiresScript: !ifPresent)
            }
            if pnpmCommands.contains(subcommand.text) { return nil }
            return ScriptCall(tool: "pnpm", target: subcommand, requiresScript: false)
        case "yarn":
            if subcommand.text == "run" {
                guard positional.count > 1, !positional[1].isDynamic else { return nil }
                return ScriptCall(tool: "yarn run", target: positional[1], requiresScript: false)
            }
            if yarnCommands.contains(subcommand.text) { return nil }
            return ScriptCall(tool: "yarn", target: subcommand, requiresScript: false)
        case "bun":
            guard subcommand.text == "run", positional.count > 1, !positional[1].isDynamic else { return nil }
            return ScriptCall(tool: "bun run", target: positional[1], requiresScript: false)
        default:
            return nil
        }
    }
}
