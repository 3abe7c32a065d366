import ManifestLintFindings

/// A path expression of the program worked out without running it.
public struct FoldedPath: Sendable, Equatable {
    /// The path: a tree path when `isResolved`, else relative to the
    /// directory the program runs in (Pulumi's working directory).
    public var path: String
    public var isResolved: Bool
    /// It came from `__dirname`, `__filename` or `import.meta`: the directory
    /// of the file Node runs, which is not the source's when that is a build output.
    public var isFromRunningFile: Bool
    /// The string literal that is the whole expression, when it is one
    /// literal without escapes: what a fix can rewrite.
    public var literal: Span?
}

/// Folds the path expressions programs write: string literals, templates
/// and `+` of them; `__dirname`, `__filename`, `import.meta.url`,
/// `import.meta.dirname`, `process.cwd()`; `path.join`, `path.resolve`,
/// `path.dirname`; `new URL('./x', import.meta.url)` and `fileURLToPath`;
/// and consts holding any of these. Anything else (configuration, the
/// environment, a function's parameters, an absolute path or a `~` that names
/// the author's machine) is dynamic: nil, never judged.
public struct PathFolder {
    let module: JSModule
    /// The tree path of the file Node runs for this module: the module's own
    /// file under ts-node, the emitted one when the program is a build
    /// output; nil when that cannot be told (then `__dirname` is dynamic).
    let runningFile: String?
    /// Where `process.cwd()` is: the directory Pulumi runs the program in.
    let workingDirectory: String

    public init(module: JSModule, runningFile: String?, workingDirectory: String) {
        self.module = module
        self.runningFile = runningFile
        self.workingDirectory = workingDirectory
    }

    public func fold(_ range: Range<Int>) -> FoldedPath? {
        guard case .path(let path)? = value(range, depth: 0) else { return nil }
        var folded = path
        folded.literal = range.count == 1 && module.tokens[range.lowerBound].kind == .string ? module.tokens[range.lowerBound].span : nil
        return folded
    }

    /// A folded value: a path, or a file URL (`import.meta.url`) as the tree path it names.
    private enum Value {
        case path(FoldedPath)
        case url(String)
    }

    private static let maximumDepth = 8

    private func value(_ range: Range<Int>, depth: Int) -> Value? {
        guard depth < Self.maximumDepth, !range.isEmpty else { return nil }
        var range = range
        // `(expr)`, `expr as string`, `expr!`.
        if module.isPunctuator(range.lowerBound, "("), module.closing(range.lowerBound) == range.upperBound - 1 {
            return value((range.lowerBound + 1)..<(range.upperBound - 1), depth: depth + 1)
        }
        if range.count > 2, module.isIdentifier(range.upperBound - 2, "as") { range = range.lowerBound..<(range.upperBound - 2) }
        if range.count > 1, module.isPunctuator(range.upperBound - 1, "!") { range = range.lowerBound..<(range.upperBound - 1) }
        let parts = topLevelSplit(range, at: "+")
        if parts.count > 1 { return concatenation(parts, depth: depth) }
        let first = range.lowerBound
        let token = module.tokens[first]
        if range.count == 1 {
            switch token.kind {
            case .string, .template: return literal(first).map { .path(FoldedPath(path: $0, isResolved: false, isFromRunningFile: false)) }
            case .identifier: return identifier(first, depth: depth)
            default: return nil
            }
        }
        if token.kind == .templateHead { return template(range, depth: depth) }
        if let meta = importMeta(range) { return meta }
        if module.isIdentifier(first, "process"), range.count == 5, module.isPunctuator(first + 1, "."),
           module.isIdentifier(first + 2, "cwd"), module.isPunctuator(first + 3, "("), module.isPunctuator(first + 4, ")") {
            return .path(FoldedPath(path: workingDirectory, isResolved: true, isFromRunningFile: false))
        }
        if module.isIdentifier(first, "new") { return newURL(range, depth: depth) }
        return call(range, depth: depth)
    }

    /// A string literal's value; nil for one with escapes, an absolute path or nothing.
    private func literal(_ index: Int) -> String? {
        guard let text = module.stringValue(index), !text.isEmpty, !text.contains("\\"), !Path.isAbsolute(text),
              !text.hasPrefix("~"), !text.contains("://") else { return nil }
        return text
    }

    private func identifier(_ index: Int, depth: Int) -> Value? {
        if module.isIdentifier(index, "__dirname") {
            return runningFile.flatMap(Path.parent).map { .path(FoldedPath(path: $0, isResolved: true, isFromRunningFile: true)) }
        }
        if module.isIdentifier(index, "__filename") {
            return runningFile.map { .path(FoldedPath(path: $0, isResolved: true, isFromRunningFile: true)) }
        }
        guard let initializer = module.declarations[module.text(index)] else { return nil }
        return value(initializer, depth: depth + 1)
    }

    /// `a + b + …`: the first part may be resolved; the others add text.
    private func concatenation(_ parts: [Range<Int>], depth: Int) -> Value? {
        guard case .path(var result)? = value(parts[0], depth: depth + 1) else { return nil }
        for part in parts.dropFirst() {
            guard let text = piece(part, depth: depth) else { return nil }
            result.path += text
        }
        return .path(normalized(result))
    }

    /// Text added to a path (`+ '/lambda'`, a template's substitution): a
    /// literal as it is (a "/" included), or a folded value that is no tree path.
    private func piece(_ range: Range<Int>, depth: Int) -> String? {
        if range.count == 1, module.tokens[range.lowerBound].kind == .string || module.tokens[range.lowerBound].kind == .template {
            return module.stringValue(range.lowerBound).flatMap { $0.contains("\\") ? nil : $0 }
        }
        guard case .path(let folded)? = value(range, depth: depth + 1), !folded.isResolved else { return nil }
        return folded.path
    }

    /// `` `${__dirname}/lambda` ``: the literal pieces and the folded substitutions.
    private func template(_ range: Range<Int>, depth: Int) -> Value? {
        var result: FoldedPath?
        var index = range.lowerBound
        var pieceStart = index
        var nesting = 0
        while index < range.upperBound {
            let kind = module.tokens[index].kind
            if kind == .templateHead {
                if nesting == 0 {
                    guard let text = templatePiece(index) else { return nil }
                    result = FoldedPath(path: text, isResolved: false, isFromRunningFile: false)
                    pieceStart = index + 1
                }
                nesting += 1
            } else if (kind == .templateMiddle || kind == .templateTail) && nesting == 1 {
                guard let text = templatePiece(index), var current = result else { return nil }
                if current.path.isEmpty, case .path(let substituted)? = value(pieceStart..<index, depth: depth + 1), substituted.isResolved {
                    // Only at the very start may a substitution be a tree path.
                    current = substituted
                } else {
                    guard let substituted = piece(pieceStart..<index, depth: depth) else { return nil }
                    current.path += substituted
                }
                current.path += text
                result = current
                pieceStart = index + 1
                if kind == .templateTail {
                    nesting = 0
                    guard index == range.upperBound - 1 else { return nil }
                }
            } else if kind == .templateTail {
                nesting -= 1
            }
            index += 1
        }
        return result.map { .path(normalized($0)) }
    }

    /// The text of a template piece without its delimiters (`` ` ``, `${`, `}`); nil with escapes.
    private func templatePiece(_ index: Int) -> String? {
        let span = module.tokens[index].span
        let kind = module.tokens[index].kind
        let start = span.start + 1
        let end = span.end - (kind == .templateTail ? 1 : 2)
        guard end >= start else { return nil }
        let text = module.file.text(Span(start, end))
        return text.contains("\\") ? nil : text
    }

    /// `import.meta.url`, `import.meta.dirname`, `import.meta.filename`.
    private func importMeta(_ range: Range<Int>) -> Value? {
        let first = range.lowerBound
        guard range.count == 5, module.isIdentifier(first, "import"), module.isPunctuator(first + 1, "."),
              module.isIdentifier(first + 2, "meta"), module.isPunctuator(first + 3, "."), let runningFile else { return nil }
        if module.isIdentifier(first + 4, "url") { return .url(runningFile) }
        if module.isIdentifier(first + 4, "filename") { return .path(FoldedPath(path: runningFile, isResolved: true, isFromRunningFile: true)) }
        if module.isIdentifier(first + 4, "dirname"), let directory = Path.parent(runningFile) {
            return .path(FoldedPath(path: directory, isResolved: true, isFromRunningFile: true))
        }
        return nil
    }

    /// `new URL('./x', import.meta.url)`, and its `.pathname`.
    private func newURL(_ range: Range<Int>, depth: Int) -> Value? {
        let first = range.lowerBound
        guard module.isIdentifier(first + 1, "URL"), module.isPunctuator(first + 2, "("), let close = module.closing(first + 2) else { return nil }
        let isPathname = close + 3 == range.upperBound && module.isPunctuator(close + 1, ".") && module.isIdentifier(close + 2, "pathname")
        guard close + 1 == range.upperBound || isPathname else { return nil }
        let arguments = ResourceNames.topLevelSplit(module, from: first + 3, to: close)
        guard arguments.count == 2, case .path(let relative)? = value(arguments[0], depth: depth + 1), !relative.isResolved,
              case .url(let base)? = value(arguments[1], depth: depth + 1), let directory = Path.parent(base) else { return nil }
        let file = Path.join(directory, relative.path)
        return isPathname ? .path(FoldedPath(path: file, isResolved: true, isFromRunningFile: true)) : .url(file)
    }

    /// `path.join(…)`, `path.resolve(…)`, `path.dirname(…)` and `fileURLToPath(…)`, through any name bound to them.
    private func call(_ range: Range<Int>, depth: Int) -> Value? {
        guard let name = ProgramPaths.resolvedName(at: range.lowerBound, in: module), module.isPunctuator(name.end + 1, "("),
              let close = module.closing(name.end + 1), close == range.upperBound - 1 else { return nil }
        let arguments = ResourceNames.topLevelSplit(module, from: name.end + 2, to: close)
        var members = name.members
        if members.first == "posix" { members.removeFirst() }
        switch (name.package, members) {
        case ("path", ["join"]): return join(arguments, depth: depth)
        case ("path", ["resolve"]): return resolve(arguments, depth: depth)
        case ("path", ["dirname"]):
            guard arguments.count == 1, case .path(var folded)? = value(arguments[0], depth: depth + 1) else { return nil }
            folded.path = Self.dirname(folded.path, isResolved: folded.isResolved)
            return .path(folded)
        case ("url", ["fileURLToPath"]):
            guard arguments.count == 1, case .url(let file)? = value(arguments[0], depth: depth + 1) else { return nil }
            return .path(FoldedPath(path: file, isResolved: true, isFromRunningFile: true))
        default: return nil
        }
    }

    private func join(_ arguments: [Range<Int>], depth: Int) -> Value? {
        guard !arguments.isEmpty, case .path(var result)? = value(arguments[0], depth: depth + 1) else { return nil }
        for argument in arguments.dropFirst() {
            guard case .path(let next)? = value(argument, depth: depth + 1), !next.isResolved else { return nil }
            result.path += "/" + next.path
        }
        return .path(normalized(result))
    }

    /// `path.resolve` works from the working directory; a tree path among the arguments starts over there.
    private func resolve(_ arguments: [Range<Int>], depth: Int) -> Value? {
        var result = FoldedPath(path: workingDirectory, isResolved: true, isFromRunningFile: false)
        for argument in arguments {
            guard case .path(let next)? = value(argument, depth: depth + 1) else { return nil }
            if next.isResolved { result = next } else { result.path = Path.join(result.path, next.path) }
        }
        return .path(result)
    }

    /// Node's `path.dirname`: lexical (`a/..` gives `a`), trailing slashes
    /// dropped, "." for a relative name without a directory (a tree path's
    /// root is "/" on disk, "" in a virtual tree).
    static func dirname(_ path: String, isResolved: Bool) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return isResolved ? "" : "." }
        if slash == trimmed.startIndex { return "/" }
        var directory = trimmed[..<slash]
        while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
        return String(directory)
    }

    private func normalized(_ path: FoldedPath) -> FoldedPath {
        var result = path
        result.path = Path.normalize(path.path)
        return result
    }

    /// The parts of `range` between the top-level `separator` tokens.
    private func topLevelSplit(_ range: Range<Int>, at separator: StaticString) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        for index in range {
            let kind = module.tokens[index].kind
            if kind == .templateHead { depth += 1 }
            if kind == .templateTail { depth -= 1 }
            if module.isPunctuator(index, "(") || module.isPunctuator(index, "[") || module.isPunctuator(index, "{") { depth += 1 }
            if module.isPunctuator(index, ")") || module.isPunctuator(index, "]") || module.isPunctuator(index, "}") { depth -= 1 }
            if depth == 0, module.isPunctuator(index, separator) {
                parts.append(start..<index)
                start = index + 1
            }
        }
        parts.append(start..<range.upperBound)
        return parts
    }
}
