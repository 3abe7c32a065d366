import ManifestLintFindings

/// Finds the paths a Python module opens while `pulumi up` runs:
/// `pulumi.FileAsset`/`FileArchive` (also as members of `pulumi.asset`, and
/// so inside an `AssetArchive`), `open(path)` for reading, and
/// `Path(path).read_text()`, `.read_bytes()`, `.open()`.
public enum PythonProgramPaths {
    public static func uses(in module: PythonModule) -> [ProgramPathUse] {
        var uses: [ProgramPathUse] = []
        for index in module.tokens.indices where module.tokens[index].kind == .name && !module.isOp(index - 1, ".") {
            // The name's last part is compared as bytes first: only a possible reader is resolved.
            var last = index
            while module.isOp(last + 1, "."), module.tokens.indices.contains(last + 2), module.tokens[last + 2].kind == .name { last += 2 }
            guard module.isOp(last + 1, "("), readerNames.contains(where: { module.spells(last, $0) }) || last == index && module.bindings[module.text(index)] != nil,
                  let name = PythonNames.resolve(at: index, in: module), module.isOp(name.end + 1, "("),
                  let close = module.closing(name.end + 1) else { continue }
            let arguments = module.topLevelSplit(from: name.end + 2, to: close)
            let reader = (index...name.end).filter { module.tokens[$0].kind == .name }.map { module.text($0) }.joined(separator: ".")
            switch (name.package, name.members.last) {
            case ("pulumi", "FileAsset"?), ("pulumi", "FileArchive"?):
                guard let path = argument(named: "path", in: arguments, of: module) else { continue }
                uses.append(ProgramPathUse(source: .python(module), kind: name.members.last == "FileAsset" ? .fileAsset : .fileArchive,
                                           reader: reader, argument: path))
            case ("builtins", "open"?):
                guard let path = arguments.first, !path.isEmpty, opensForReading(arguments, in: module) else { continue }
                uses.append(ProgramPathUse(source: .python(module), kind: .fileRead(directory: false), reader: "open", argument: path))
            case ("pathlib", "Path"?), ("pathlib", "PurePath"?):
                // `Path(p).read_text()`: the read is a method of the path made here.
                guard module.isOp(close + 1, "."), ["read_text", "read_bytes", "open"].contains(module.text(close + 2)),
                      module.isOp(close + 3, "("), let path = arguments.first, !path.isEmpty, arguments.count == 1 else { continue }
                uses.append(ProgramPathUse(source: .python(module), kind: .fileRead(directory: false),
                                           reader: "Path(…).\(module.text(close + 2))", argument: path))
            default:
                continue
            }
        }
        return uses
    }

    /// The names whose call may open a path (an imported alias is looked up instead).
    private static let readerNames = ["FileAsset", "FileArchive", "open", "Path", "PurePath"]

    /// Whether the module calls `os.chdir`: relative paths then resolve from wherever it went.
    public static func changesDirectory(_ module: PythonModule) -> Bool {
        module.tokens.indices.contains { index in
            module.isName(index, "chdir") && PythonNames.resolve(at: index - 2, in: module).map { $0.package == "os" } == true
        }
    }

    /// The first positional argument, or the keyword argument `keyword`.
    static func argument(named keyword: String, in arguments: [Range<Int>], of module: PythonModule) -> Range<Int>? {
        for argument in arguments where argument.count > 2 && module.isName(argument.lowerBound, keyword) && module.isOp(argument.lowerBound + 1, "=") {
            return (argument.lowerBound + 2)..<argument.upperBound
        }
        guard let first = arguments.first, !first.isEmpty, !module.isOp(first.lowerBound + 1, "=") else { return nil }
        return first
    }

    /// `open(p)`, `open(p, "rb")`: not a mode that writes (w, a, x), which makes the file.
    static func opensForReading(_ arguments: [Range<Int>], in module: PythonModule) -> Bool {
        var mode: Range<Int>?
        if arguments.count > 1, !module.isOp(arguments[1].lowerBound + 1, "=") { mode = arguments[1] }
        for argument in arguments where module.isName(argument.lowerBound, "mode") && module.isOp(argument.lowerBound + 1, "=") {
            mode = (argument.lowerBound + 2)..<argument.upperBound
        }
        guard let mode else { return true }
        guard mode.count == 1, module.tokens[mode.lowerBound].kind == .string else { return false }
        let text = module.text(mode.lowerBound)
        return !text.contains("w") && !text.contains("a") && !text.contains("x")
    }
}

/// A dotted name of a Python module resolved through its imports to the
/// package and members it stands for (`os.path.join` with `import os` is os,
/// [path, join]; `open` unbound is builtins, [open]).
struct PythonNames {
    var package: String
    var members: [String]
    /// The name's last token.
    var end: Int

    static func resolve(at start: Int, in module: PythonModule) -> PythonNames? {
        guard module.tokens.indices.contains(start), module.tokens[start].kind == .name else { return nil }
        var parts = [module.text(start)]
        var end = start
        while module.isOp(end + 1, "."), module.tokens.indices.contains(end + 2), module.tokens[end + 2].kind == .name {
            parts.append(module.text(end + 2))
            end += 2
        }
        guard let binding = module.bindings[parts[0]] else {
            return builtins.contains(parts[0]) && parts.count == 1 && module.assignments[parts[0]] == nil
                ? PythonNames(package: "builtins", members: parts, end: end) : nil
        }
        guard binding.level == 0 else { return nil }
        let modulePath = binding.module.split(separator: ".").map(String.init)
        guard let package = modulePath.first else { return nil }
        return PythonNames(package: package, members: Array(modulePath.dropFirst()) + binding.path + parts.dropFirst(), end: end)
    }

    static let builtins: Set<String> = ["open"]
}

/// Folds the path expressions Python programs write: string literals,
/// f-strings and `+` of them, `__file__`, `os.getcwd()`, `os.path.join`,
/// `dirname`, `abspath`, `realpath`, `normpath`, `pathlib.Path` with `/`,
/// `.parent`, `.resolve()` and `.absolute()`, and names the module assigns
/// once. Anything else is dynamic: nil, never judged.
public struct PythonPathFolder {
    let module: PythonModule
    let workingDirectory: String

    public init(module: PythonModule, workingDirectory: String) {
        self.module = module
        self.workingDirectory = workingDirectory
    }

    public func fold(_ range: Range<Int>) -> FoldedPath? {
        guard var folded = value(range, depth: 0) else { return nil }
        folded.literal = range.count == 1 && module.tokens[range.lowerBound].kind == .string ? module.tokens[range.lowerBound].span : nil
        return folded
    }

    private static let maximumDepth = 8

    private func value(_ range: Range<Int>, depth: Int) -> FoldedPath? {
        guard depth < Self.maximumDepth, !range.isEmpty else { return nil }
        if module.isOp(range.lowerBound, "("), module.closing(range.lowerBound) == range.upperBound - 1 {
            return value((range.lowerBound + 1)..<(range.upperBound - 1), depth: depth + 1)
        }
        let slashes = split(range, at: "/")
        if slashes.count > 1 {
            // `Path(...) / "x" / "y"`: a path object joined with text.
            guard var result = value(slashes[0], depth: depth + 1), isPathObject(slashes[0]) else { return nil }
            for part in slashes.dropFirst() {
                guard let next = value(part, depth: depth + 1), !next.isResolved else { return nil }
                result.path = Path.normalize(result.path + "/" + next.path)
            }
            return result
        }
        let pluses = split(range, at: "+")
        if pluses.count > 1 {
            guard var result = value(pluses[0], depth: depth + 1) else { return nil }
            for part in pluses.dropFirst() {
                guard let next = text(part, depth: depth + 1) else { return nil }
                result.path += next
            }
            result.path = Path.normalize(result.path)
            return result
        }
        let first = range.lowerBound
        switch module.tokens[first].kind {
        case .string where range.count == 1:
            return literal(first).map { FoldedPath(path: $0, isResolved: false, isFromRunningFile: false) }
        case .fstringHead:
            return fstring(range, depth: depth)
        case .name:
            break
        default:
            return nil
        }
        if range.count == 1 {
            if module.isName(first, "__file__") { return FoldedPath(path: module.file.path, isResolved: true, isFromRunningFile: true) }
            guard let assigned = module.assignments[module.text(first)] else { return nil }
            return value(assigned, depth: depth + 1)
        }
        return call(range, depth: depth)
    }

    /// Text added to a path: a literal as it is (a "/" included), or a folded value that is no tree path.
    private func text(_ range: Range<Int>, depth: Int) -> String? {
        if range.count == 1, module.tokens[range.lowerBound].kind == .string { return literalText(range.lowerBound) }
        guard let folded = value(range, depth: depth), !folded.isResolved else { return nil }
        return folded.path
    }

    /// A string literal's text: nil with escapes, triple quotes or a bytes prefix.
    private func literalText(_ index: Int) -> String? {
        guard let parts = StringLiteral.parts(module.text(index)), !parts.prefix.lowercased().contains("b"),
              !parts.body.contains("\\") else { return nil }
        return parts.body
    }

    /// A literal that starts a path: not empty, not absolute, not `~`, not a URL.
    private func literal(_ index: Int) -> String? {
        guard let text = literalText(index), !text.isEmpty, !Path.isAbsolute(text), !text.hasPrefix("~"), !text.contains("://") else { return nil }
        return text
    }

    /// `f"{base}/lambda"`: the pieces' text and the folded fields (a tree path only as the first thing).
    private func fstring(_ range: Range<Int>, depth: Int) -> FoldedPath? {
        var result = FoldedPath(path: "", isResolved: false, isFromRunningFile: false)
        var fieldStart = range.lowerBound + 1
        var nesting = 0
        for index in range {
            let kind = module.tokens[index].kind
            guard kind == .fstringHead || kind == .fstringMiddle || kind == .fstringTail else { continue }
            if kind == .fstringHead {
                nesting += 1
                if nesting > 1 { continue }
            }
            if kind == .fstringTail && nesting > 1 {
                nesting -= 1
                continue
            }
            guard nesting == 1 else { continue }
            if kind != .fstringHead {
                // The field just read: its value, then the piece's own text.
                let field = fieldStart..<index
                if result.path.isEmpty, let folded = value(field, depth: depth + 1), folded.isResolved {
                    result = folded
                } else {
                    guard let substituted = text(field, depth: depth + 1) else { return nil }
                    result.path += substituted
                }
            }
            let whole = module.text(index)
            var piece = Substring(whole)
            if kind == .fstringHead {
                guard let quote = piece.firstIndex(where: { $0 == "'" || $0 == "\"" }) else { return nil }
                piece = piece[piece.index(after: quote)...]
            } else {
                // A conversion or a format spec (`!r`, `:>8`) changes the text: not followed.
                guard piece.first == "}" else { return nil }
                piece = piece.dropFirst()
            }
            piece = kind == .fstringTail ? piece.dropLast() : piece.dropLast()
            guard !piece.contains("\\"), !piece.contains("{"), !piece.contains("}") || kind == .fstringTail else { return nil }
            result.path += piece
            fieldStart = index + 1
            if kind == .fstringTail { nesting = 0 }
        }
        guard !result.path.isEmpty else { return nil }
        result.path = Path.normalize(result.path)
        return result
    }

    /// `os.path.join(…)`, `os.path.dirname(…)`, `os.getcwd()`, `Path(…)` and what follows a `Path`.
    private func call(_ range: Range<Int>, depth: Int) -> FoldedPath? {
        guard let name = PythonNames.resolve(at: range.lowerBound, in: module), module.isOp(name.end + 1, "("),
              let close = module.closing(name.end + 1) else { return nil }
        let arguments = module.topLevelSplit(from: name.end + 2, to: close)
        var result: FoldedPath
        switch (name.package, name.members) {
        case ("os", ["path", "join"]):
            guard let first = arguments.first, var joined = value(first, depth: depth + 1) else { return nil }
            for argument in arguments.dropFirst() {
                guard let next = value(argument, depth: depth + 1), !next.isResolved else { return nil }
                joined.path += "/" + next.path
            }
            joined.path = Path.normalize(joined.path)
            result = joined
        case ("os", ["path", "dirname"]):
            guard arguments.count == 1, var inner = value(arguments[0], depth: depth + 1) else { return nil }
            inner.path = PathFolder.dirname(inner.path, isResolved: inner.isResolved)
            result = inner
        case ("os", ["path", "abspath"]), ("os", ["path", "realpath"]), ("os", ["path", "normpath"]):
            guard arguments.count == 1, let inner = value(arguments[0], depth: depth + 1) else { return nil }
            result = name.members.last == "normpath" ? inner : resolved(inner)
        case ("os", ["getcwd"]):
            result = FoldedPath(path: workingDirectory, isResolved: true, isFromRunningFile: false)
        case ("pathlib", ["Path"]), ("pathlib", ["PurePath"]):
            guard arguments.count == 1, let inner = value(arguments[0], depth: depth + 1) else { return nil }
            result = inner
        case ("pathlib", ["Path", "cwd"]):
            result = FoldedPath(path: workingDirectory, isResolved: true, isFromRunningFile: false)
        default:
            return nil
        }
        // `.parent`, `.resolve()`, `.absolute()` after a path object.
        var index = close + 1
        while index < range.upperBound {
            guard module.isOp(index, "."), module.tokens.indices.contains(index + 1) else { return nil }
            switch module.text(index + 1) {
            case "parent":
                result.path = PathFolder.dirname(result.path, isResolved: result.isResolved)
                index += 2
            case "resolve", "absolute":
                guard module.isOp(index + 2, "("), module.isOp(index + 3, ")") else { return nil }
                result = resolved(result)
                index += 4
            default:
                return nil
            }
        }
        return result
    }

    /// A relative path made absolute from the working directory, as Python's cwd is.
    private func resolved(_ path: FoldedPath) -> FoldedPath {
        guard !path.isResolved else { return path }
        return FoldedPath(path: Path.join(workingDirectory, path.path), isResolved: true, isFromRunningFile: false)
    }

    /// Whether a part of `a / b` makes a pathlib path (so `/` joins).
    private func isPathObject(_ range: Range<Int>) -> Bool {
        guard let name = PythonNames.resolve(at: range.lowerBound, in: module) else {
            // A name assigned a path object.
            guard range.count == 1, let assigned = module.assignments[module.text(range.lowerBound)] else { return false }
            return isPathObject(assigned)
        }
        return name.package == "pathlib" || (range.count == 1 && module.assignments[module.text(range.lowerBound)].map(isPathObject) == true)
    }

    private func split(_ range: Range<Int>, at op: String) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        for index in range {
            let kind = module.tokens[index].kind
            if kind == .fstringHead { depth += 1 }
            if kind == .fstringTail { depth -= 1 }
            guard kind == .op else { continue }
            switch module.text(index) {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case op where depth == 0:
                parts.append(start..<index)
                start = index + 1
            default: break
            }
        }
        parts.append(start..<range.upperBound)
        return parts
    }
}
