import ManifestLintFindings

/// The module a path is written in, in the program's language.
public enum ProgramSource: Sendable {
    case javaScript(JSModule)
    case python(PythonModule)

    public var file: SourceFile {
        switch self {
        case .javaScript(let module): module.file
        case .python(let module): module.file
        }
    }

    /// The spans of the module's string literals (templates without substitutions included).
    public var stringLiterals: [Span] {
        switch self {
        case .javaScript(let module): module.tokens.filter { $0.kind == .string || $0.kind == .template }.map(\.span)
        case .python(let module): module.tokens.filter { $0.kind == .string }.map(\.span)
        }
    }

    /// The bytes a range of the module's tokens spans.
    public func span(of range: Range<Int>) -> Span {
        switch self {
        case .javaScript(let module): Span(module.tokens[range.lowerBound].span.start, module.tokens[range.upperBound - 1].span.end)
        case .python(let module): Span(module.tokens[range.lowerBound].span.start, module.tokens[range.upperBound - 1].span.end)
        }
    }
}

/// A string literal as written, in either language: its prefix (Python's
/// r, b, f ...), its quote, and the text between the quotes, escapes kept;
/// nil for a triple-quoted one, or one that does not end with its quote.
public enum StringLiteral {
    public static func parts(_ whole: String) -> (prefix: String, quote: Character, body: String)? {
        guard let quoteIndex = whole.firstIndex(where: { $0 == "'" || $0 == "\"" || $0 == "`" }) else { return nil }
        let quote = whole[quoteIndex]
        let afterQuote = whole.index(after: quoteIndex)
        guard afterQuote < whole.endIndex, whole.last == quote else { return nil }
        let body = whole[afterQuote...].dropLast()
        guard !body.hasPrefix(String(repeating: quote, count: 2)) else { return nil }
        return (String(whole[..<quoteIndex]), quote, String(body))
    }
}

/// A path that the program hands to something that opens it while
/// `pulumi up` runs: an asset or archive, a Docker build, a file it reads.
public struct ProgramPathUse: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `new pulumi.asset.FileAsset(path)`, `pulumi.FileAsset(path)`: a file.
        case fileAsset
        /// `new pulumi.asset.FileArchive(path)`: a directory, or an archive file.
        case fileArchive
        /// A Docker build context: a directory.
        case dockerContext
        /// A Dockerfile named outright: Docker provider versions read it from
        /// the working directory or from the context (its tokens, when given).
        case dockerfile(context: Range<Int>?)
        /// `fs.readFileSync(path)`, `fs.promises.readFile`, Python's `open(path)`: a file; `fs.readdirSync`: a directory.
        case fileRead(directory: Bool)
        /// `fs.existsSync(path)`: a path that may well be missing on purpose.
        case existenceCheck
        /// `require('./data.json')`: resolved from the module's own file, not the working directory.
        case dataRequire
    }

    public var source: ProgramSource
    public var kind: Kind
    /// What opens the path, as the program names it: `pulumi.asset.FileArchive`,
    /// `fs.readFileSync`, `docker.Image build.context`.
    public var reader: String
    /// The tokens of the path expression.
    public var argument: Range<Int>

    public var file: SourceFile { source.file }

    /// Where a finding about the path points: the whole expression.
    public var span: Span { source.span(of: argument) }

    /// The path expression as written, on one line.
    public var written: String {
        // Each run of white space (line breaks and indentation) becomes one space.
        var result = ""
        var pendingSpace = false
        for character in file.text(span) {
            if character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}

/// Finds the paths a module opens (`ProgramPathUse`), through whatever name
/// the module binds: `import * as pulumi from '@pulumi/pulumi'`,
/// `import { asset } from '@pulumi/pulumi'`, `const fs = require('fs')`,
/// `import { readFileSync } from 'node:fs'`, `const asset = pulumi.asset`.
public enum ProgramPaths {
    public static func uses(in module: JSModule) -> [ProgramPathUse] {
        var uses: [ProgramPathUse] = []
        var callbacks: CallbackBodies?
        let tokens = module.tokens
        for index in tokens.indices where tokens[index].kind == .identifier {
            // Names are compared as bytes first: a name is resolved (and a string made) only for the few that can match.
            if module.isIdentifier(index, "new") {
                var end = index + 1
                while module.isPunctuator(end + 1, "."), module.tokens.indices.contains(end + 2) { end += 2 }
                guard namesAReader(module, at: end) || end == index + 1 && module.bindings[module.text(end)]?.path.last.map(readerClassNames.contains) == true,
                      let name = resolvedName(at: index + 1, in: module), name.end == end, module.isPunctuator(end + 1, "("),
                      let close = module.closing(end + 1) else { continue }
                let arguments = ResourceNames.topLevelSplit(module, from: end + 2, to: close)
                uses += constructionUses(of: name, callee: calleeText(from: index + 1, to: end, in: module), arguments: arguments, in: module)
            } else if module.isIdentifier(index, "require") {
                guard module.isPunctuator(index + 1, "("), module.isPunctuator(index + 3, ")"), !module.isPunctuator(index - 1, "."),
                      let specifier = module.stringValue(index + 2), specifier.hasBytePrefix("./") || specifier.hasBytePrefix("../"),
                      Path.pathExtension(specifier) == ".json" else { continue }
                uses.append(ProgramPathUse(source: .javaScript(module), kind: .dataRequire, reader: "require", argument: (index + 2)..<(index + 3)))
            } else if fileSystemFunctionNames.contains(where: { module.isIdentifier(index, $0) }), module.isPunctuator(index + 1, "(") {
                // `fs.readFileSync(…)`, `fs.promises.readFile(…)`, `readFileSync(…)`: the dotted name ending here.
                var start = index
                while module.isPunctuator(start - 1, "."), start >= 2, tokens[start - 2].kind == .identifier { start -= 2 }
                guard let name = resolvedName(at: start, in: module), name.end == index, let kind = fileSystemCall(name),
                      let close = module.closing(index + 1),
                      let first = ResourceNames.topLevelSplit(module, from: index + 2, to: close).first else { continue }
                // Code in a function handed to a call or set as a property may run elsewhere
                // (a Lambda's callback, a serialized closure), later, or never: not judged.
                if callbacks == nil { callbacks = CallbackBodies(module) }
                if callbacks?.contains(index) == true { continue }
                uses.append(ProgramPathUse(source: .javaScript(module), kind: kind, reader: calleeText(from: start, to: index, in: module), argument: first))
            }
        }
        return uses
    }

    /// Whether the module calls `process.chdir`: relative paths then resolve from wherever it went.
    public static func changesDirectory(_ module: JSModule) -> Bool {
        module.tokens.indices.contains { module.isIdentifier($0, "chdir") && module.isPunctuator($0 - 1, ".") && module.isIdentifier($0 - 2, "process") }
    }

    private static let fileSystemFunctionNames: [StaticString] = ["readFileSync", "readFile", "readdirSync", "readdir", "existsSync"]

    /// The classes whose construction opens a path (a name imported under another name is looked up instead).
    private static let readerClassNames: Set<String> = ["FileAsset", "FileArchive", "Image"]

    private static func namesAReader(_ module: JSModule, at index: Int) -> Bool {
        module.isIdentifier(index, "FileAsset") || module.isIdentifier(index, "FileArchive") || module.isIdentifier(index, "Image")
    }

    /// The uses of a `new X(…)`: assets and archives of @pulumi/pulumi, and
    /// the build of the Docker images of @pulumi/docker, @pulumi/docker-build and @pulumi/awsx.
    private static func constructionUses(of name: ResolvedName, callee: String, arguments: [Range<Int>],
                                         in module: JSModule) -> [ProgramPathUse] {
        func use(_ kind: ProgramPathUse.Kind, _ reader: String, _ range: Range<Int>?) -> [ProgramPathUse] {
            guard let range, !range.isEmpty else { return [] }
            return [ProgramPathUse(source: .javaScript(module), kind: kind, reader: reader, argument: range)]
        }
        switch (name.package, name.members) {
        case ("@pulumi/pulumi", ["asset", "FileAsset"]): return use(.fileAsset, callee, arguments.first)
        case ("@pulumi/pulumi", ["asset", "FileArchive"]): return use(.fileArchive, callee, arguments.first)
        case ("@pulumi/docker", ["Image"]):
            guard arguments.count > 1, let build = property("build", of: arguments[1], in: module) else { return [] }
            if module.isPunctuator(build.lowerBound, "{") {
                let context = property("context", of: build, in: module)
                return use(.dockerContext, callee + " build.context", context)
                    + use(.dockerfile(context: context), callee + " build.dockerfile", property("dockerfile", of: build, in: module))
            }
            return use(.dockerContext, callee + " build", build)
        case ("@pulumi/docker-build", ["Image"]):
            guard arguments.count > 1 else { return [] }
            let context = property("context", of: arguments[1], in: module).flatMap { property("location", of: $0, in: module) }
            let dockerfile = property("dockerfile", of: arguments[1], in: module).flatMap { property("location", of: $0, in: module) }
            return use(.dockerContext, callee + " context.location", context)
                + use(.dockerfile(context: context), callee + " dockerfile.location", dockerfile)
        case ("@pulumi/awsx", ["ecr", "Image"]):
            guard arguments.count > 1 else { return [] }
            let context = property("context", of: arguments[1], in: module)
            return use(.dockerContext, callee + " context", context)
                + use(.dockerfile(context: context), callee + " dockerfile", property("dockerfile", of: arguments[1], in: module))
        default: return []
        }
    }

    /// The kind of path a file-system function opens, for the functions whose
    /// failure on a missing path stops the program (and `existsSync`).
    private static func fileSystemCall(_ name: ResolvedName) -> ProgramPathUse.Kind? {
        // fs's callback functions hand the error to the callback, which may ignore it; fs-extra's return promises.
        let promising = name.package == "fs-extra"
        guard name.package == "fs" || promising else { return nil }
        switch name.members {
        case ["readFileSync"], ["promises", "readFile"]: return .fileRead(directory: false)
        case ["readFile"] where promising: return .fileRead(directory: false)
        case ["readdirSync"], ["promises", "readdir"]: return .fileRead(directory: true)
        case ["readdir"] where promising: return .fileRead(directory: true)
        case ["existsSync"]: return .existenceCheck
        default: return nil
        }
    }

    /// The value tokens of `key` in the object literal that `range` is; nil when absent or not an object.
    static func property(_ key: String, of range: Range<Int>, in module: JSModule) -> Range<Int>? {
        guard !range.isEmpty, module.isPunctuator(range.lowerBound, "{"), let close = module.closing(range.lowerBound),
              close == range.upperBound - 1 else { return nil }
        for member in ResourceNames.topLevelSplit(module, from: range.lowerBound + 1, to: close) where member.count >= 3 {
            let keyToken = member.lowerBound
            guard module.isPunctuator(keyToken + 1, ":") else { continue }
            let name = module.tokens[keyToken].kind == .string ? (module.stringValue(keyToken) ?? "") : module.text(keyToken)
            if name == key { return (keyToken + 2)..<member.upperBound }
        }
        return nil
    }

    private static func calleeText(from start: Int, to end: Int, in module: JSModule) -> String {
        stride(from: start, through: end, by: 2).map { module.text($0) }.joined(separator: ".")
    }

    /// A dotted name resolved to the package it comes from and the members
    /// below it (`pulumi.asset.FileArchive` is @pulumi/pulumi, [asset, FileArchive]).
    struct ResolvedName {
        var package: String
        var members: [String]
        /// The name's last token.
        var end: Int
    }

    /// The dotted name starting at `start`, resolved through the module's
    /// bindings, or through a const that aliases a member (`const asset = pulumi.asset`).
    static func resolvedName(at start: Int, in module: JSModule) -> ResolvedName? {
        guard start < module.tokens.count, module.tokens[start].kind == .identifier else { return nil }
        var parts = [module.text(start)]
        var end = start
        while module.isPunctuator(end + 1, "."), end + 2 < module.tokens.count, module.tokens[end + 2].kind == .identifier {
            parts.append(module.text(end + 2))
            end += 2
        }
        guard let root = binding(of: parts[0], in: module) else { return nil }
        let (package, below) = splitSpecifier(root.module)
        return ResolvedName(package: package, members: below + root.path + parts.dropFirst(), end: end)
    }

    /// What a name is bound to: an import or require, or a const holding a member of one.
    private static func binding(of name: String, in module: JSModule) -> JSModule.Binding? {
        if let binding = module.bindings[name] { return binding }
        guard let initializer = module.declarations[name], initializer.count >= 3, initializer.count % 2 == 1,
              module.tokens[initializer.lowerBound].kind == .identifier,
              let root = module.bindings[module.text(initializer.lowerBound)] else { return nil }
        var path = root.path
        for index in stride(from: initializer.lowerBound + 1, to: initializer.upperBound, by: 2) {
            guard module.isPunctuator(index, "."), module.tokens[index + 1].kind == .identifier else { return nil }
            path.append(module.text(index + 1))
        }
        return JSModule.Binding(module: root.module, path: path)
    }

    /// A specifier as its package and the members its subpath names:
    /// `@pulumi/pulumi/asset` is @pulumi/pulumi, [asset]; `node:fs/promises` is fs, [promises].
    static func splitSpecifier(_ specifier: String) -> (package: String, members: [String]) {
        let bare = specifier.hasBytePrefix("node:") ? String(specifier.dropFirst(5)) : specifier
        let parts = bare.split(separator: "/").map(String.init)
        let packageLength = bare.hasBytePrefix("@") ? 2 : 1
        guard parts.count > packageLength else { return (bare, []) }
        return (parts[..<packageLength].joined(separator: "/"), Array(parts[packageLength...]))
    }
}

/// The bodies of the functions a module hands to a call or sets as a
/// property (`bucket.onObjectCreated('x', async () => { … })`,
/// `{ callback: () => … }`): code there may run in a Lambda, or later, or never.
struct CallbackBodies {
    private var ranges: [Range<Int>] = []

    init(_ module: JSModule) {
        let tokens = module.tokens
        for index in tokens.indices {
            let isArrow = module.isPunctuator(index, "=>")
            let isFunction = module.isIdentifier(index, "function")
            guard isArrow || isFunction else { continue }
            // Where the function starts: its parameters (arrow) or the keyword.
            var start = index
            if isArrow {
                if module.isPunctuator(index - 1, ")"), let open = module.opening(of: index - 1) { start = open } else { start = index - 1 }
                // A return type annotation (`(): string =>`) is not followed back; `async` is.
            }
            if module.isIdentifier(start - 1, "async") { start -= 1 }
            guard module.isPunctuator(start - 1, "(") || module.isPunctuator(start - 1, ",") || module.isPunctuator(start - 1, ":") else { continue }
            // The body: a block, or for an arrow an expression up to the end of the argument or property.
            var bodyStart = index + 1
            if isFunction {
                while bodyStart < tokens.count, !module.isPunctuator(bodyStart, "{") { bodyStart += 1 }
            }
            if module.isPunctuator(bodyStart, "{"), let close = module.closing(bodyStart) {
                ranges.append(bodyStart..<(close + 1))
            } else if isArrow {
                ranges.append(bodyStart..<Self.endOfExpression(from: bodyStart, in: module))
            }
        }
    }

    func contains(_ index: Int) -> Bool { ranges.contains { $0.contains(index) } }

    /// The end of an expression that runs to a `,` or `;` at its level or to the bracket that closes around it.
    private static func endOfExpression(from start: Int, in module: JSModule) -> Int {
        var depth = 0
        var index = start
        while index < module.tokens.count {
            if module.isPunctuator(index, "(") || module.isPunctuator(index, "[") || module.isPunctuator(index, "{") { depth += 1 }
            if module.isPunctuator(index, ")") || module.isPunctuator(index, "]") || module.isPunctuator(index, "}") {
                if depth == 0 { return index }
                depth -= 1
            }
            if depth == 0, module.isPunctuator(index, ",") || module.isPunctuator(index, ";") { return index }
            index += 1
        }
        return index
    }
}
