import Synchronization
import ManifestLintFindings

/// A JavaScript or TypeScript file, tokenized, with what it imports and the
/// names it binds to imported modules.
public struct JSModule: Sendable {
    /// A local name bound to (a member of) a module: `import * as pulumi from
    /// '@pulumi/pulumi'`, `const aws = require('@pulumi/aws')`, `import { s3 } from '@pulumi/aws'`.
    struct Binding: Sendable, Equatable {
        var module: String
        /// The members of the module the name stands for ([] for the module itself).
        var path: [String]
    }

    /// The module's values, in one object: a module is copied into lists and
    /// caches often, and a copy then retains one reference instead of seven.
    private let storage: Storage

    private final class Storage: Sendable {
        let file: SourceFile
        let tokens: [JSToken]
        let comments: [JSToken]
        let tokenizerError: (message: String, offset: Int)?
        let imports: [(specifier: String, span: Span)]
        /// The specifiers of `export ... from 'x'`: modules whose exports this one passes on.
        let reexports: [String]
        let bindings: [String: Binding]
        /// Where `declarations` is kept once worked out.
        let declarations = Mutex<[String: Range<Int>]?>(nil)

        init(file: SourceFile, tokens: [JSToken], comments: [JSToken], tokenizerError: (message: String, offset: Int)?,
             imports: [(specifier: String, span: Span)], reexports: [String], bindings: [String: Binding]) {
            self.file = file
            self.tokens = tokens
            self.comments = comments
            self.tokenizerError = tokenizerError
            self.imports = imports
            self.reexports = reexports
            self.bindings = bindings
        }
    }

    public var file: SourceFile { storage.file }
    /// The tokens without comments.
    public var tokens: [JSToken] { storage.tokens }
    /// The comments, for suppressions.
    public var comments: [JSToken] { storage.comments }
    var tokenizerError: (message: String, offset: Int)? { storage.tokenizerError }
    public var imports: [(specifier: String, span: Span)] { storage.imports }
    var reexports: [String] { storage.reexports }
    var bindings: [String: Binding] { storage.bindings }

    /// The initializer of each name a `const`, `let` or `var` declares exactly
    /// once in the module (declared twice, which one applies is a matter of
    /// scope). Worked out on the first ask: most modules are never asked.
    public var declarations: [String: Range<Int>] {
        storage.declarations.withLock { index in
            if let index { return index }
            let found = scanDeclarations()
            index = found
            return found
        }
    }

    /// Keywords that start a statement: on a later line, one ends an initializer written without `;`.
    private static let statementKeywords: [StaticString] = ["const", "let", "var", "function", "class", "export", "return", "if", "for", "while"]

    /// Tokenizes the file and finds its imports: the scan reads the tokens
    /// through a module without imports, whose values the final one shares.
    public init(file: SourceFile) {
        let result = JSTokenizer.tokenize(file)
        var tokens: [JSToken] = []
        var comments: [JSToken] = []
        tokens.reserveCapacity(result.tokens.count)
        for token in result.tokens {
            if token.isComment { comments.append(token) } else { tokens.append(token) }
        }
        let unscanned = JSModule(storage: Storage(file: file, tokens: tokens, comments: comments, tokenizerError: result.error,
                                                  imports: [], reexports: [], bindings: [:]))
        var imports: [(specifier: String, span: Span)] = []
        var reexports: [String] = []
        var bindings: [String: Binding] = [:]
        unscanned.scanImports(into: &imports, &reexports, &bindings)
        storage = Storage(file: file, tokens: tokens, comments: comments, tokenizerError: result.error, imports: imports,
                          reexports: reexports, bindings: bindings)
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    public func text(_ index: Int) -> String {
        guard index >= 0, index < tokens.count else { return "" }
        return file.text(tokens[index].span)
    }

    public func isPunctuator(_ index: Int, _ value: StaticString) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .punctuator && spells(index, value)
    }

    public func isIdentifier(_ index: Int, _ value: StaticString) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .identifier && spells(index, value)
    }

    public func isIdentifier(_ index: Int, named name: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .identifier && text(index) == name
    }

    /// Whether the identifier at `index` is spelled `name`, its bytes compared without making a String.
    func isIdentifier(_ index: Int, spelled name: String) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .identifier else { return false }
        let span = tokens[index].span
        return span.end - span.start == name.utf8.count && file.bytes[span.start..<span.end].elementsEqual(name.utf8)
    }

    /// Whether a token's bytes are `value`, without making a String (the rules ask this of every token).
    private func spells(_ index: Int, _ value: StaticString) -> Bool {
        let span = tokens[index].span
        guard span.end - span.start == value.utf8CodeUnitCount else { return false }
        return value.withUTF8Buffer { expected in
            file.bytes.withUnsafeBufferPointer { bytes in
                var offset = 0
                while offset < expected.count {
                    if bytes[span.start + offset] != expected[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// The value of a string token (quotes removed; escapes kept as written).
    public func stringValue(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .string || tokens[index].kind == .template else { return nil }
        // The quotes (or backquotes) are one byte each.
        let span = tokens[index].span
        return span.end - span.start < 2 ? "" : file.text(Span(span.start + 1, span.end - 1))
    }

    /// The dotted name `a.b.c` that starts at `index` (an identifier), and the index of its last token.
    func dottedName(at index: Int) -> (parts: [String], last: Int)? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .identifier else { return nil }
        var parts = [text(index)]
        var last = index
        while isPunctuator(last + 1, "."), tokens.indices.contains(last + 2), tokens[last + 2].kind == .identifier {
            parts.append(text(last + 2))
            last += 2
        }
        return (parts, last)
    }

    /// The index of the token that closes the bracket at `open` (`(`, `[`, `{`), or nil.
    func closing(_ open: Int) -> Int? {
        guard open >= 0, open < tokens.count, tokens[open].kind == .punctuator,
              tokens[open].span.end - tokens[open].span.start == 1 else { return nil }
        let closer: UInt8
        switch file.bytes[tokens[open].span.start] {
        case UInt8(ascii: "("): closer = UInt8(ascii: ")")
        case UInt8(ascii: "["): closer = UInt8(ascii: "]")
        case UInt8(ascii: "{"): closer = UInt8(ascii: "}")
        default: return nil
        }
        var depth = 0
        var index = open
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .templateHead { depth += 1 }
            if token.kind == .templateTail { depth -= 1 }
            if token.kind == .punctuator, token.span.end - token.span.start == 1 {
                let value = file.bytes[token.span.start]
                if value == UInt8(ascii: "(") || value == UInt8(ascii: "[") || value == UInt8(ascii: "{") { depth += 1 }
                if value == UInt8(ascii: ")") || value == UInt8(ascii: "]") || value == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return value == closer ? index : nil }
                }
            }
            index += 1
        }
        return nil
    }

    /// The index of the bracket that the `)`, `]` or `}` at `close` closes, or nil.
    func opening(of close: Int) -> Int? {
        var depth = 0
        var index = close
        while index >= 0 {
            if tokens[index].kind == .punctuator {
                if isPunctuator(index, ")") || isPunctuator(index, "]") || isPunctuator(index, "}") { depth += 1 }
                if isPunctuator(index, "(") || isPunctuator(index, "[") || isPunctuator(index, "{") {
                    depth -= 1
                    if depth == 0 { return index }
                }
            }
            index -= 1
        }
        return nil
    }

    /// For each token, the index of the `(`, `[` or `{` (or template
    /// substitution) that encloses it; -1 at the top level.
    func enclosingBrackets() -> [Int] {
        var result = Array(repeating: -1, count: tokens.count)
        var stack: [Int] = []
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind == .punctuator, isPunctuator(index, ")") || isPunctuator(index, "]") || isPunctuator(index, "}") { _ = stack.popLast() }
            result[index] = stack.last ?? -1
            if token.kind == .punctuator, isPunctuator(index, "(") || isPunctuator(index, "[") || isPunctuator(index, "{") { stack.append(index) }
            if token.kind == .templateHead { stack.append(index) }
            if token.kind == .templateTail { _ = stack.popLast() }
        }
        return result
    }

    // MARK: Imports

    private func scanImports(into imports: inout [(specifier: String, span: Span)], _ reexports: inout [String],
                             _ bindings: inout [String: Binding]) {
        var index = 0
        while index < tokens.count {
            if isIdentifier(index, "import") && !isPunctuator(index - 1, ".") {
                index = scanImport(at: index, into: &imports, &bindings)
                continue
            }
            if isIdentifier(index, "export"), !isIdentifier(index + 1, "type"),
               let from = (index..<min(tokens.count, index + 64)).first(where: { isIdentifier($0, "from") }),
               let specifier = stringValue(from + 1), !(index + 1..<from).contains(where: { isPunctuator($0, ";") }) {
                imports.append((specifier, tokens[from + 1].span))
                reexports.append(specifier)
            }
            if isIdentifier(index, "require"), isPunctuator(index + 1, "("), let specifier = stringValue(index + 2), isPunctuator(index + 3, ")") {
                imports.append((specifier, tokens[index + 2].span))
                bindRequire(at: index, specifier: specifier, into: &bindings)
            }
            index += 1
        }
    }

    /// `import ... from 'x'`, `import 'x'`, `import('x')`.
    private func scanImport(at start: Int, into imports: inout [(specifier: String, span: Span)], _ bindings: inout [String: Binding]) -> Int {
        if isPunctuator(start + 1, "("), let specifier = stringValue(start + 2) {
            imports.append((specifier, tokens[start + 2].span))
            return start + 3
        }
        if let specifier = stringValue(start + 1) {
            imports.append((specifier, tokens[start + 1].span))
            return start + 2
        }
        var index = start + 1
        // `import type ... from 'x'` loads nothing at run time (TypeScript erases it): neither an import nor a binding.
        let typeOnly = isIdentifier(index, "type") && !isIdentifier(index + 1, "from") && !isPunctuator(index + 1, ",")
        if typeOnly { index += 1 }
        var names: [(local: String, path: [String])] = []
        while index < tokens.count && !isIdentifier(index, "from") && !isPunctuator(index, ";") {
            if isPunctuator(index, "*") && isIdentifier(index + 1, "as") {
                names.append((text(index + 2), []))
                index += 3
            } else if isPunctuator(index, "{"), let close = closing(index) {
                var member = index + 1
                while member < close {
                    // `{ type X }` and `{ type X as Y }`: a name for types only.
                    if isIdentifier(member, "type"), tokens.indices.contains(member + 1), member + 1 < close,
                       tokens[member + 1].kind == .identifier || tokens[member + 1].kind == .string, !isIdentifier(member + 1, "as") {
                        member += isIdentifier(member + 2, "as") ? 4 : 2
                        continue
                    }
                    if tokens[member].kind == .identifier || tokens[member].kind == .string {
                        let imported = tokens[member].kind == .string ? (stringValue(member) ?? "") : text(member)
                        if isIdentifier(member + 1, "as") {
                            names.append((text(member + 2), [imported]))
                            member += 3
                        } else {
                            names.append((imported, [imported]))
                            member += 1
                        }
                    } else {
                        member += 1
                    }
                }
                index = close + 1
            } else {
                if tokens[index].kind == .identifier { names.append((text(index), ["default"])) }
                index += 1
            }
        }
        guard isIdentifier(index, "from"), let specifier = stringValue(index + 1) else { return index + 1 }
        if typeOnly { return index + 2 }
        imports.append((specifier, tokens[index + 1].span))
        for name in names {
            // A default import of a @pulumi package is its namespace (CommonJS interop).
            bindings[name.local] = Binding(module: specifier, path: name.path == ["default"] ? [] : name.path)
        }
        return index + 2
    }

    /// `const x = require('m')`, `const { a, b: c } = require('m')`.
    private func bindRequire(at index: Int, specifier: String, into bindings: inout [String: Binding]) {
        guard isPunctuator(index - 1, "=") else { return }
        if tokens.indices.contains(index - 2), tokens[index - 2].kind == .identifier {
            bindings[text(index - 2)] = Binding(module: specifier, path: [])
        } else if isPunctuator(index - 2, "}") {
            var open = index - 2
            while open >= 0 && !isPunctuator(open, "{") { open -= 1 }
            var member = open + 1
            while member < index - 2 {
                if tokens[member].kind == .identifier {
                    if isPunctuator(member + 1, ":") {
                        bindings[text(member + 2)] = Binding(module: specifier, path: [text(member)])
                        member += 3
                        continue
                    }
                    bindings[text(member)] = Binding(module: specifier, path: [text(member)])
                }
                member += 1
            }
        }
    }

    // MARK: Declarations

    private func scanDeclarations() -> [String: Range<Int>] {
        var declarations: [String: Range<Int>] = [:]
        var seen = Set<String>()
        for index in tokens.indices where isIdentifier(index, "const") || isIdentifier(index, "let") || isIdentifier(index, "var") {
            guard index + 2 < tokens.count, tokens[index + 1].kind == .identifier, isPunctuator(index + 2, "=") else { continue }
            let name = text(index + 1)
            guard seen.insert(name).inserted else {
                declarations[name] = nil
                continue
            }
            declarations[name] = initializer(from: index + 3)
        }
        return declarations
    }

    /// The tokens of an initializer: up to a `;` or `,` at its own level, the
    /// bracket that closes around it, or a statement keyword on a later line.
    private func initializer(from start: Int) -> Range<Int> {
        var end = start
        var depth = 0
        while end < tokens.count {
            let token = tokens[end]
            if token.kind == .templateHead { depth += 1 }
            if token.kind == .templateTail { depth -= 1 }
            if token.kind == .punctuator {
                if isPunctuator(end, "(") || isPunctuator(end, "[") || isPunctuator(end, "{") {
                    depth += 1
                } else if isPunctuator(end, ")") || isPunctuator(end, "]") || isPunctuator(end, "}") {
                    if depth == 0 { break }
                    depth -= 1
                } else if depth == 0 && (isPunctuator(end, ";") || isPunctuator(end, ",")) {
                    break
                }
            }
            if depth == 0, end > start, token.kind == .identifier, Self.statementKeywords.contains(where: { spells(end, $0) }),
               file.line(of: token.span.start) != file.line(of: tokens[end - 1].span.start) {
                break
            }
            end += 1
        }
        return start..<end
    }

    /// The file a relative specifier names, resolved as Node and TypeScript
    /// do (extensions, index files, `.js` written for a `.ts` source); nil for
    /// packages and for what cannot be found.
    public func resolve(_ specifier: String, tree: some FileTree) -> String? {
        guard specifier.hasBytePrefix("./") || specifier.hasBytePrefix("../") || specifier == "." || specifier == ".." else { return nil }
        let base = Path.join(Path.parent(file.path) ?? "", specifier)
        if tree.isFile(base) { return base }
        if ModuleExtensions.javaScript.contains(Path.pathExtension(base)) {
            let stem = Path.removingExtension(base)
            for ext in ModuleExtensions.typeScript where tree.isFile(stem + ext) { return stem + ext }
        }
        for ext in ModuleExtensions.resolutionOrder where tree.isFile(base + ext) { return base + ext }
        guard tree.isDirectory(base) else { return nil }
        for name in Self.indexFileNames {
            let index = Path.join(base, name)
            if tree.isFile(index) { return index }
        }
        return nil
    }

    /// The index files resolve tries, in its order.
    private static let indexFileNames = ["index.ts", "index.tsx", "index.js", "index.mjs", "index.cjs", "index.jsx"]

    /// The package a bare specifier names; nil for relative paths, URLs and `node:` built-ins.
    public static func packageName(ofSpecifier specifier: String) -> String? {
        guard let first = specifier.first, first != ".", first != "/", first != "#", !specifier.contains(":") else { return nil }
        let parts = specifier.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        if first == "@" {
            guard parts.count >= 2, !parts[1].isEmpty else { return nil }
            return parts[0] + "/" + parts[1]
        }
        return parts.first.map(String.init)
    }

    /// The edit that inserts `name: value` entries into an object literal,
    /// before the `}` at `close`: one a line, indented, when the `}` stands on
    /// a line of its own, else on its line.
    public func insertion(ofEntries entries: [String], before close: Int) -> TextEdit {
        let closeStart = tokens[close].span.start
        let line = file.position(of: closeStart).line
        let lineStart = file.offset(of: LineColumn(line: line, column: 1))
        let before = file.text(Span(lineStart, closeStart))
        if before.allSatisfy({ $0 == " " || $0 == "\t" }) {
            // As indented as the entry before, when it stands on a line of its own; else one step in.
            var indent = before + "  "
            if close > 0, !isPunctuator(close - 1, "{") {
                let previousLine = file.position(of: tokens[close - 1].span.start).line
                let previousStart = file.offset(of: LineColumn(line: previousLine, column: 1))
                let leading = file.text(Span(previousStart, tokens[close - 1].span.start)).prefix { $0 == " " || $0 == "\t" }
                if previousLine < line, leading.count > before.count { indent = String(leading) }
            }
            return TextEdit(path: file.path, span: Span(lineStart, lineStart),
                            replacement: entries.map { "\(indent)\($0),\n" }.joined())
        }
        let previous = tokens[close - 1]
        let trailingComma = isPunctuator(close - 1, ",")
        let needsComma = !trailingComma && !isPunctuator(close - 1, "{")
        let text = (needsComma ? "," : "") + entries.map { " \($0)" }.joined(separator: ",") + (trailingComma ? "," : "")
            + (previous.span.end == closeStart ? " " : "")
        return TextEdit(path: file.path, span: Span(previous.span.end, previous.span.end), replacement: text)
    }
}
