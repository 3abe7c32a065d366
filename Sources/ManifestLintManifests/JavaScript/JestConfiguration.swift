import ManifestLintFindings

/// Which files jest runs as tests: `testMatch` or `testRegex` (with `roots`
/// and `rootDir`) from package.json's "jest" or from a jest.config.* whose
/// export is a plain object literal; jest's default patterns otherwise (also
/// when the configuration cannot be read for certain: spreads, computed
/// values, `projects`).
public struct JestConfiguration {
    /// Where patterns are relative to: the directory of the configuration.
    var rootDirectory: String
    /// The directories jest searches (`roots`), below `rootDirectory`.
    public var roots: [String]
    /// From testMatch (globs matched against the whole path below the root
    /// directory, `!` negates) or testRegex (searched in the path); nil for jest's defaults.
    public var patterns: [(regex: Regex<AnyRegexOutput>, negated: Bool, isGlob: Bool)]?

    static let configNames = ["jest.config.js", "jest.config.ts", "jest.config.mjs", "jest.config.cjs", "jest.config.mts",
                              "jest.config.cts", "jest.config.json"]

    /// The configuration that applies to a project whose package.json (if any) is `package`.
    public static func load(package: PackageManifest?, projectDirectory: String, tree: some FileTree) -> JestConfiguration {
        let directory = package?.directory ?? projectDirectory
        var configuration = JestConfiguration(rootDirectory: directory, roots: [directory], patterns: nil)
        var options: [String: [String]]?
        if let jest = package?.root?["jest"], jest.entries != nil {
            options = Self.options(of: jest)
        } else if let name = tree.list(directory)?.firstFile(named: configNames),
                  let bytes = tree.read(Path.join(directory, name)), bytes.count <= InputGuard.maximumSize {
            let file = SourceFile(path: Path.join(directory, name), bytes: bytes)
            if name.hasSuffix(".json") {
                options = JSONLoader.load(file).root.flatMap { $0.entries != nil ? Self.options(of: $0) : nil }
            } else {
                options = Self.options(of: JSModule(file: file))
            }
        }
        guard let options else { return configuration }
        if let rootDir = options["rootDir"]?.first { configuration.rootDirectory = Path.join(directory, rootDir) }
        let root = configuration.rootDirectory
        func expand(_ text: String) -> String { text.replacingRootDir(with: root) }
        configuration.roots = (options["roots"] ?? ["<rootDir>"]).map { Path.join(root, expand($0).droppingRootPrefix(root)) }
        if let globs = options["testMatch"] {
            var patterns: [(Regex<AnyRegexOutput>, Bool, Bool)] = []
            for glob in globs {
                let negated = glob.hasPrefix("!")
                let relative = expand(String(glob.dropFirst(negated ? 1 : 0))).droppingRootPrefix(root)
                guard let source = JestGlob.regex(relative), let regex = try? Regex(source) else { return configuration }
                patterns.append((regex, negated, true))
            }
            configuration.patterns = patterns
        } else if let expressions = options["testRegex"] {
            var patterns: [(Regex<AnyRegexOutput>, Bool, Bool)] = []
            for expression in expressions {
                guard let regex = try? Regex(expression) else { return configuration }
                patterns.append((regex, false, false))
            }
            configuration.patterns = patterns
        }
        return configuration
    }

    /// False when jest's default patterns cannot match a file of this name in
    /// a directory (no `.test.`/`.spec.` name, no `__tests__` above it: the
    /// walk works that out once per directory), so that a walk need not build
    /// its path to ask `isTest`; true otherwise.
    public func mayBeTest(named name: String, inTestsDirectory: Bool) -> Bool {
        patterns != nil || inTestsDirectory || Self.hasTestMarker(name)
    }

    /// Whether `test.` or `spec.` starts the name or follows a dot in it, in one pass over its bytes.
    private static func hasTestMarker(_ name: String) -> Bool {
        name.withBytes { bytes in
            for start in bytes.indices where (start == 0 || bytes[start - 1] == UInt8(ascii: ".")) && bytes.count - start >= 5 {
                if testMarkers.contains(where: { marker in marker.indices.allSatisfy { bytes[start + $0] == marker[$0] } }) { return true }
            }
            return false
        }
    }

    private static let testMarkers = [Array("test.".utf8), Array("spec.".utf8)]

    /// Whether jest runs the file at `path` (a path of the tree) as a test.
    public func isTest(_ path: String) -> Bool {
        // The walk that finds candidates never enters node_modules.
        guard ModuleExtensions.isModule(path),
              roots.contains(where: { Path.isInside(path, $0) }) else { return false }
        guard let patterns else {
            // testMatch's default: `**/__tests__/**/*.?([mc])[jt]s?(x)`, `**/?(*.)+(spec|test).?([mc])[jt]s?(x)`.
            let stem = Path.removingExtension(Path.basename(path))
            return stem.hasByteSuffix(".test") || stem.hasByteSuffix(".spec") || stem == "test" || stem == "spec"
                || path.hasBytePrefix("__tests__/") || path.containsBytes(of: "/__tests__/")
        }
        guard let relative = Path.relative(path, inside: rootDirectory) else { return false }
        var matched = false
        for pattern in patterns {
            // testRegex sees the absolute path; a leading "/" stands in for the directories above.
            let matches = pattern.isGlob ? (try? pattern.regex.wholeMatch(in: relative)) != nil
                : (try? pattern.regex.firstMatch(in: "/" + relative)) != nil
            guard matches else { continue }
            if pattern.negated { return false }
            matched = true
        }
        return matched
    }

    // MARK: Reading the options

    /// The options that matter, from a JSON object; nil when one is not a string or an array of strings.
    private static func options(of object: Node) -> [String: [String]]? {
        var result: [String: [String]] = [:]
        if object["projects"] != nil { return nil }
        for key in ["testMatch", "testRegex", "roots", "rootDir"] {
            guard let value = object[key] else { continue }
            if let text = value.string {
                result[key] = [text]
            } else if let elements = value.elements {
                let strings = elements.compactMap(\.string)
                guard strings.count == elements.count else { return nil }
                result[key] = strings
            } else {
                return nil
            }
        }
        return result
    }

    /// The options of `module.exports = {...}`, `export default {...}` or
    /// `const config = {...}; export default config;`; nil unless that is a plain object literal.
    private static func options(of module: JSModule) -> [String: [String]]? {
        guard module.tokenizerError == nil else { return nil }
        var exported: Int?
        for index in module.tokens.indices {
            if module.isIdentifier(index, "module"), module.isPunctuator(index + 1, "."), module.isIdentifier(index + 2, "exports"),
               module.isPunctuator(index + 3, "=") {
                exported = index + 4
            } else if module.isIdentifier(index, "export"), module.isIdentifier(index + 1, "default") {
                exported = index + 2
            }
        }
        // `export default config` names a `const config = {...}` (perhaps with a type annotation).
        var open = exported
        if let named = exported, module.tokens.indices.contains(named), module.tokens[named].kind == .identifier {
            let name = module.text(named)
            open = module.tokens.indices.first { declaration in
                ["const", "let", "var"].contains(module.text(declaration)) && module.isIdentifier(declaration + 1, named: name)
            }.flatMap { declaration in
                (declaration + 2..<min(module.tokens.count, declaration + 40)).first { module.isPunctuator($0, "=") }.map { $0 + 1 }
            }
        }
        guard let open, module.isPunctuator(open, "{"), let close = module.closing(open) else { return nil }
        var result: [String: [String]] = [:]
        var index = open + 1
        while index < close {
            if module.isPunctuator(index, "...") || module.isPunctuator(index, "[") { return nil }
            let key = module.tokens[index].kind == .string ? module.stringValue(index) : module.text(index)
            guard let key, module.isPunctuator(index + 1, ":") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < close && !module.isPunctuator(end, ",") {
                if let closed = module.closing(end) { end = closed }
                end += 1
            }
            if ["testMatch", "testRegex", "roots", "rootDir", "projects"].contains(key) {
                guard key != "projects", let strings = stringList(module, from: index + 2, to: end) else { return nil }
                result[key] = strings
            }
            index = end + 1
        }
        return result
    }

    /// `'a'` or `['a', "b"]` between two tokens; nil for anything else.
    private static func stringList(_ module: JSModule, from start: Int, to end: Int) -> [String]? {
        if end == start + 1, let text = module.stringValue(start), module.tokens[start].kind != .templateHead {
            return [text.unescapingBackslashes()]
        }
        guard module.isPunctuator(start, "["), module.closing(start) == end - 1 else { return nil }
        var strings: [String] = []
        var index = start + 1
        while index < end - 1 {
            guard module.tokens[index].kind == .string, let text = module.stringValue(index) else { return nil }
            strings.append(text.unescapingBackslashes())
            index += module.isPunctuator(index + 1, ",") ? 2 : 1
        }
        return strings
    }
}

/// micromatch globs, as jest's testMatch uses them, as regular expressions:
/// `**`, `*`, `?`, classes, `{a,b}` and the extglobs `?(…)`, `*(…)`, `+(…)`, `@(…)`.
public enum JestGlob {
    public static func regex(_ glob: String) -> String? {
        var result = "^"
        var closers: [String] = []
        var braces = 0
        let characters = Array(glob)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if "?*+@!".contains(character), next == "(" {
                guard character != "!" else { return nil }
                closers.append(character == "@" ? ")" : ")" + String(character))
                result += "(?:"
                index += 2
                continue
            }
            switch character {
            case "*" where next == "*":
                if index + 2 < characters.count && characters[index + 2] == "/" {
                    result += "(?:.*/)?"
                    index += 3
                } else {
                    result += ".*"
                    index += 2
                }
                continue
            case "*": result += "[^/]*"
            case "?": result += "[^/]"
            case ")" where !closers.isEmpty: result += closers.removeLast()
            case "|" where !closers.isEmpty: result += "|"
            case "{":
                braces += 1
                result += "(?:"
            case "}" where braces > 0:
                braces -= 1
                result += ")"
            case "," where braces > 0: result += "|"
            case "[":
                guard let close = characters[(index + 1)...].firstIndex(of: "]") else { return nil }
                var body = String(characters[(index + 1)..<close])
                if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                result += "[" + body.escapingOpenBrackets() + "]"
                index = close + 1
                continue
            default:
                result += ".^$+()|{}[]\\/".contains(character) ? "\\" + String(character) : String(character)
            }
            index += 1
        }
        return closers.isEmpty && braces == 0 ? result + "$" : nil
    }
}

private extension String {
    func replacingRootDir(with root: String) -> String {
        guard hasPrefix("<rootDir>") else { return self }
        let rest = dropFirst("<rootDir>".count)
        return root.isEmpty ? String(rest.drop { $0 == "/" }) : root + rest
    }

    /// A path below `root` made relative to it; other paths are left as written.
    func droppingRootPrefix(_ root: String) -> String {
        if root.isEmpty { return self }
        if self == root { return "" }
        return hasPrefix(root + "/") ? String(dropFirst(root.count + 1)) : self
    }

    /// JavaScript string escapes that matter in patterns: `\\` becomes `\`.
    func unescapingBackslashes() -> String {
        var result = ""
        var escaped = false
        for character in self {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            result.append(character)
            escaped = false
        }
        return result
    }

    /// A class body is copied through; a `[` in it is escaped.
    func escapingOpenBrackets() -> String {
        String(flatMap { $0 == "[" ? ["\\", "["] : [$0] })
    }
}
