/// Reads the command lines that hooks and scripts usually give
/// (`check --staged`, `check --format json infra/`) without ArgumentParser.
///
/// ArgumentParser's parse reflects over the commands' properties, and the
/// runtime type lookups that reflection makes cost about 1.3 ms in a
/// static binary, a third of a one-project check. Anything this reader does
/// not take exactly as ArgumentParser would (help, another command, a short
/// option other than `-q` and `-o`, an unknown or repeated option, a value
/// that starts with `-`, a usage error) gives nil, and ArgumentParser reads
/// it: `Check` stays the one definition of the command line, and a test
/// checks that both readers agree.
enum QuickArguments {
    /// The options of `manifest-lint [check] ARGS`, or nil to leave ARGS to ArgumentParser.
    static func check(_ arguments: [String]) -> CheckOptions? {
        var rest = arguments[...]
        let commandNamed = rest.first == "check"
        if commandNamed { rest = rest.dropFirst() }
        var options = CheckOptions()
        var given = Set<String>()
        while let word = rest.popFirst() {
            guard word.hasPrefix("-") else {
                // Without "check" first, a command's name may be read as that command.
                guard !word.isEmpty, commandNamed || !commandNames.contains(word) else { return nil }
                options.paths.append(word)
                continue
            }
            var name = word
            var inlineValue: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            guard let option = Option(name), given.insert(option.rawValue).inserted else { return nil }
            if option.isFlag {
                guard inlineValue == nil else { return nil }
                option.set(in: &options)
                continue
            }
            guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
            guard option.set(value, in: &options) else { return nil }
        }
        guard (try? options.validate()) != nil else { return nil }
        return options
    }

    /// The commands' names, and ArgumentParser's help.
    static let commandNames: Set<String> = ["check", "rule", "rules", "init", "help"]

    /// The options of `Check`, each under the name it is stored by in `given`.
    private enum Option: String {
        case staged, all, fix, unsafeFixes, diff, showFixes, exitNonZeroOnFix, fixOnly, stageFixed, statistics, quiet, exitZero, strict
        case format, output, config, baseline, writeBaseline, base

        init?(_ name: String) {
            switch name {
            case "--staged": self = .staged
            case "--all": self = .all
            case "--fix": self = .fix
            case "--unsafe-fixes": self = .unsafeFixes
            case "--diff": self = .diff
            case "--show-fixes": self = .showFixes
            case "--exit-non-zero-on-fix": self = .exitNonZeroOnFix
            case "--fix-only": self = .fixOnly
            case "--stage-fixed": self = .stageFixed
            case "--statistics": self = .statistics
            case "-q", "--quiet": self = .quiet
            case "--exit-zero": self = .exitZero
            case "--strict": self = .strict
            case "--format", "--output-format": self = .format
            case "-o", "--output": self = .output
            case "--config": self = .config
            case "--baseline": self = .baseline
            case "--write-baseline": self = .writeBaseline
            case "--base": self = .base
            default: return nil
            }
        }

        var isFlag: Bool {
            switch self {
            case .format, .output, .config, .baseline, .writeBaseline, .base: false
            default: true
            }
        }

        /// Turns a flag on.
        func set(in options: inout CheckOptions) {
            switch self {
            case .staged: options.staged = true
            case .all: options.all = true
            case .fix: options.fix = true
            case .unsafeFixes: options.unsafeFixes = true
            case .diff: options.diff = true
            case .showFixes: options.showFixes = true
            case .exitNonZeroOnFix: options.exitNonZeroOnFix = true
            case .fixOnly: options.fixOnly = true
            case .stageFixed: options.stageFixed = true
            case .statistics: options.statistics = true
            case .quiet: options.quiet = true
            case .exitZero: options.exitZero = true
            case .strict: options.strict = true
            case .format, .output, .config, .baseline, .writeBaseline, .base: break
            }
        }

        /// Sets an option's value; false when the value is not one it takes.
        func set(_ value: String, in options: inout CheckOptions) -> Bool {
            switch self {
            case .format:
                guard let format = OutputFormat(rawValue: value) else { return false }
                options.format = format
            case .output: options.output = value
            case .config: options.config = value
            case .baseline: options.baseline = value
            case .writeBaseline: options.writeBaseline = value
            case .base: options.base = value
            default: return false
            }
            return true
        }
    }
}
