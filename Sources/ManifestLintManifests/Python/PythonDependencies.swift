import ManifestLintFindings

/// What a Python project declares it installs: requirements.txt (with `-r`
/// includes), pyproject.toml (`[project]` dependencies and optional ones,
/// Poetry's dependency tables, uv's dependency groups) and Pipfile. Names
/// are normalized as pip compares them (PEP 503: `Pulumi_AWS` is `pulumi-aws`).
public struct PythonDependencies: Sendable {
    /// The manifests read, in the order found.
    public var manifests: [String] = []
    public var names = Set<String>()
    /// A line whose package cannot be told (a URL, a path, an editable
    /// install, a setup.py): what it installs is unknown.
    public var hasOpaqueEntries = false

    public static let manifestNames = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.py"]

    /// The manifests in `directories` (nearest first, each read once).
    public static func read(in directories: [String], tree: some FileTree) -> PythonDependencies {
        var result = PythonDependencies()
        for directory in directories {
            for name in manifestNames {
                let path = Path.join(directory, name)
                guard !result.manifests.contains(path), let bytes = tree.read(path) else { continue }
                result.manifests.append(path)
                let text = String(decoding: bytes, as: UTF8.self)
                switch name {
                case "requirements.txt": result.readRequirements(text, at: path, tree: tree, depth: 0)
                case "pyproject.toml": result.readPyproject(text)
                case "Pipfile": result.readTables(text, tables: ["packages", "dev-packages"])
                default: result.hasOpaqueEntries = true
                }
            }
        }
        return result
    }

    /// PEP 503's normal form of a distribution name.
    public static func normalize(_ name: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    /// The distribution a requirement names (`pulumi-aws>=6,<7 ; python_version>"3.8"`), or nil.
    static func requirementName(_ line: Substring) -> String? {
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        guard !name.isEmpty, name.first?.isLetter == true || name.first?.isNumber == true else { return nil }
        let rest = line.dropFirst(name.count).drop { $0 == " " }
        // `name @ https://…` is a direct reference: still that name.
        guard rest.isEmpty || "[<>=!~;@(,".contains(rest.first ?? " ") else { return nil }
        return normalize(String(name))
    }

    mutating func readRequirements(_ text: String, at path: String, tree: some FileTree, depth: Int) {
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = rawLine.drop { $0 == " " || $0 == "\t" }
            if let hash = line.firstIndex(of: "#"), hash == line.startIndex || line[line.index(before: hash)] == " " { line = line[..<hash] }
            line = Substring(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            guard !line.isEmpty else { continue }
            if line.hasPrefix("-r ") || line.hasPrefix("--requirement ") || line.hasPrefix("-r") && !line.hasPrefix("-r ") && line.count > 2 {
                let included = line.hasPrefix("--requirement ") ? line.dropFirst(14) : line.dropFirst(2)
                let file = String(included.drop { $0 == " " || $0 == "=" })
                let includedPath = Path.join(Path.parent(path) ?? "", file)
                if depth < 8, let bytes = tree.read(includedPath) {
                    readRequirements(String(decoding: bytes, as: UTF8.self), at: includedPath, tree: tree, depth: depth + 1)
                } else {
                    hasOpaqueEntries = true
                }
                continue
            }
            // Options (`--index-url`, `-c constraints.txt`) install nothing; an editable install or a URL is opaque.
            if line.hasPrefix("-e") || line.hasPrefix("--editable") { hasOpaqueEntries = true; continue }
            if line.hasPrefix("-") { continue }
            if let name = Self.requirementName(line) { names.insert(name) } else { hasOpaqueEntries = true }
        }
    }

    /// `[project]` dependencies and optional-dependencies, `[dependency-groups]`,
    /// `[tool.uv]` dev-dependencies (arrays of requirement strings), and Poetry's
    /// dependency tables (keys).
    mutating func readPyproject(_ text: String) {
        var table = ""
        var inArray = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if !inArray, line.hasPrefix("[") {
                table = String(line.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: " ")
                continue
            }
            let isArrayTable = table == "project" || table == "project.optional-dependencies" || table == "dependency-groups" || table == "tool.uv"
            if isArrayTable {
                let key = line.prefix { $0 != "=" }.trimmingCharacters(in: " ")
                let bracket = line.firstIndex(of: "[")
                let startsArray = !inArray && line.contains("=") && bracket != nil
                    && (table != "project" || key == "dependencies") && (table != "tool.uv" || key == "dev-dependencies")
                if startsArray || inArray {
                    let body = startsArray ? line[(bracket ?? line.startIndex)...].dropFirst() : line
                    for string in Self.quotedStrings(body) { if let name = Self.requirementName(Substring(string)) { names.insert(name) } }
                    inArray = !body.contains("]")
                }
                continue
            }
            if table == "tool.poetry.dependencies" || table == "tool.poetry.dev-dependencies"
                || table.hasPrefix("tool.poetry.group.") && table.hasSuffix(".dependencies") {
                let key = line.prefix { $0 != "=" }.trimmingCharacters(in: " \"'")
                if !key.isEmpty, line.contains("="), key != "python" { names.insert(Self.normalize(key)) }
            }
        }
    }

    /// The keys of the given TOML tables (Pipfile's `[packages]`).
    mutating func readTables(_ text: String, tables: Set<String>) {
        var table = ""
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                table = String(line.dropFirst().prefix { $0 != "]" })
                continue
            }
            guard tables.contains(table), line.contains("=") else { continue }
            let key = line.prefix { $0 != "=" }.trimmingCharacters(in: " \"'")
            if !key.isEmpty, !key.hasPrefix("#") { names.insert(Self.normalize(key)) }
        }
    }

    static func quotedStrings(_ text: Substring) -> [String] {
        var strings: [String] = []
        var current: String?
        var quote: Character = "\""
        for character in text {
            if var open = current {
                if character == quote { strings.append(open); current = nil } else { open.append(character); current = open }
            } else if character == "\"" || character == "'" {
                quote = character
                current = ""
            } else if character == "#" {
                break
            }
        }
        return strings
    }
}

private extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        let start = drop { set.contains($0) }
        return String(start.reversed().drop { set.contains($0) }.reversed())
    }
}
