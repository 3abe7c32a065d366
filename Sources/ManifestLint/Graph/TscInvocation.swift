/// A `tsc` call found in a package.json script, with the project it builds.
struct TscInvocation: Equatable {
    /// The argument of `-p`/`--project` (or the first of `-b`/`--build`), if any.
    var project: String?

    /// The tsc calls in a script. Words are split on blanks and the shell's
    /// list operators; quotes are stripped. Enough to find `tsc -p X`.
    static func parse(_ script: String) -> [TscInvocation] {
        var invocations: [TscInvocation] = []
        for command in commands(in: script) {
            guard let index = command.firstIndex(where: { $0 == "tsc" || $0.hasSuffix("/tsc") }) else { continue }
            var invocation = TscInvocation(project: nil)
            var position = command.index(after: index)
            while position < command.endIndex {
                let word = command[position]
                if ["-p", "--project", "-b", "--build"].contains(word), position + 1 < command.endIndex,
                   !command[position + 1].hasPrefix("-") {
                    invocation.project = command[position + 1]
                    break
                }
                if let value = word.split(separator: "=", maxSplits: 1).last, word.hasPrefix("--project=") {
                    invocation.project = String(value)
                    break
                }
                position += 1
            }
            invocations.append(invocation)
        }
        return invocations
    }

    private static func commands(in script: String) -> [[String]] {
        var commands: [[String]] = [[]]
        var word = ""
        func endWord() {
            if !word.isEmpty { commands[commands.count - 1].append(word) }
            word = ""
        }
        for character in script {
            switch character {
            case " ", "\t", "\n":
                endWord()
            case "&", "|", ";", "(", ")":
                endWord()
                if commands[commands.count - 1].isEmpty == false { commands.append([]) }
            case "'", "\"":
                continue
            default:
                word.append(character)
            }
        }
        endWord()
        return commands.filter { !$0.isEmpty }
    }
}
