import Synchronization
import ManifestLintFindings

/// A Python file, tokenized, with what it imports and the names its imports bind.
public struct PythonModule: Sendable {
    /// `import a.b as c` or `from ..a import b, c as d`.
    public struct Import: Sendable, Equatable {
        /// The module as written, without its leading dots ("pulumi_aws.s3"; "" for `from . import x`).
        public var module: String
        /// The leading dots of a relative import; 0 for an absolute one.
        public var level: Int
        /// For `from m import a, b`: the names imported (a name may be a submodule); [] for `import m`.
        public var names: [String]
        /// Where the module is written.
        public var span: Span

        public init(module: String, level: Int, names: [String], span: Span) {
            self.module = module
            self.level = level
            self.names = names
            self.span = span
        }
    }

    /// A local name bound by an import: to a module (`import pulumi_aws as aws`),
    /// or to a member of one (`from pulumi_aws import s3`: path [s3]).
    public struct Binding: Sendable, Equatable {
        public var module: String
        public var level: Int
        public var path: [String]
    }

    public let file: SourceFile
    public let tokens: [PythonToken]
    public let error: (message: String, offset: Int)?
    public let imports: [Import]
    public let bindings: [String: Binding]
    /// The value of each name the module assigns exactly once (`name = …` or
    /// `name: T = …` at a statement's start) and that no function takes as a parameter.
    public let assignments: [String: Range<Int>]
    /// The `def` token of each function the module defines (the first, if several).
    let functions: [String: Int]

    public init(file: SourceFile) {
        self.file = file
        let scanned = PythonTokenizer.tokenize(file.bytes)
        // Comments are kept apart: no statement is read through them.
        tokens = scanned.tokens.filter { $0.kind != .comment }
        error = scanned.error
        var scanner = ImportScanner(view: PythonTokenText(tokens: tokens, file: file))
        scanner.scan()
        imports = scanner.imports
        bindings = scanner.bindings
        assignments = Self.singleAssignments(tokens: tokens, file: file)
        var functions: [String: Int] = [:]
        let parsed = PythonTokenText(tokens: tokens, file: file)
        for index in tokens.indices where tokens[index].kind == .name && parsed.startsStatement(index)
            && tokens.indices.contains(index + 1) && tokens[index + 1].kind == .name && parsed.spells(index, "def") {
            let name = parsed.text(index + 1)
            if functions[name] == nil { functions[name] = index }
        }
        self.functions = functions
    }

    private var tokenText: PythonTokenText { PythonTokenText(tokens: tokens, file: file) }

    public func isName(_ index: Int, _ word: String) -> Bool { tokenText.isName(index, word) }
    public func isOp(_ index: Int, _ op: String) -> Bool { tokenText.isOp(index, op) }
    func spells(_ index: Int, _ text: String) -> Bool { tokenText.spells(index, text) }
    func startsStatement(_ index: Int) -> Bool { tokenText.startsStatement(index) }

    /// Whether a token starts with an ASCII capital (a class name, by convention).
    func startsWithUppercase(_ index: Int) -> Bool {
        let byte = file.bytes[tokens[index].span.start]
        return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    enum Bracket { case open, close }

    /// Whether the op token at `index` is a bracket, read from its one byte.
    func bracket(_ index: Int) -> Bracket? {
        let span = tokens[index].span
        guard span.end - span.start == 1 else { return nil }
        switch file.bytes[span.start] {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .open
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .close
        default: return nil
        }
    }

    /// The index of the bracket that closes the one at `open`, or nil.
    public func closing(_ open: Int) -> Int? {
        guard isOp(open, "(") || isOp(open, "[") || isOp(open, "{") else { return nil }
        var depth = 0
        for index in open..<tokens.count where tokens[index].kind == .op {
            switch bracket(index) {
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth == 0 { return index }
            case nil: break
            }
        }
        return nil
    }

    /// The comma-separated parts between two tokens, at the top level of brackets.
    public func topLevelSplit(from start: Int, to end: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var partStart = start
        for index in start..<max(start, end) where tokens[index].kind == .op {
            switch bracket(index) {
            case .open: depth += 1
            case .close: depth -= 1
            case nil:
                if depth == 0, isOp(index, ",") {
                    parts.append(partStart..<index)
                    partStart = index + 1
                }
            }
        }
        if end > partStart { parts.append(partStart..<end) }
        return parts
    }

    /// The tokens of a statement's expression from `start`: up to the end of its logical line or a `;`.
    func expression(from start: Int) -> Range<Int> {
        var end = start
        var depth = 0
        while end < tokens.count, tokens[end].kind != .newline {
            if tokens[end].kind == .op {
                switch bracket(end) {
                case .open: depth += 1
                case .close: depth -= 1
                case nil: if depth == 0, isOp(end, ";") { return start..<end }
                }
            }
            end += 1
        }
        return start..<end
    }

    /// The values a function of this module returns (`def name(…): … return x`), or nil when there is none.
    public func returnedValues(of name: String) -> [Range<Int>]? {
        guard let def = functions[name], let close = closing(def + 2) else { return nil }
        var index = close + 1
        while index < tokens.count, !isOp(index, ":") { index += 1 }
        index += 1
        var body = index..<expression(from: index).upperBound
        if tokens.indices.contains(index), tokens[index].kind == .newline {
            // An indented block: up to the dedent that closes it.
            var depth = 0
            var end = index + 1
            while end < tokens.count {
                if tokens[end].kind == .indent { depth += 1 }
                if tokens[end].kind == .dedent {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            body = index..<end
        }
        return body.filter { isName($0, "return") }.map { expression(from: $0 + 1) }.filter { !$0.isEmpty }
    }

    private static func singleAssignments(tokens: [PythonToken], file: SourceFile) -> [String: Range<Int>] {
        let module = PythonTokenText(tokens: tokens, file: file)
        var values: [String: Range<Int>] = [:]
        var seen = Set<String>()
        var parameters = Set<String>()
        for index in tokens.indices where tokens[index].kind == .name {
            if module.spells(index, "def"), module.isOp(index + 2, "(") {
                // Parameters shadow what the module assigns: such a name is not followed.
                var depth = 0
                for inner in (index + 2)..<tokens.count {
                    if module.isOp(inner, "(") || module.isOp(inner, "[") { depth += 1 }
                    if module.isOp(inner, ")") || module.isOp(inner, "]") { depth -= 1; if depth == 0 { break } }
                    if depth == 1, tokens[inner].kind == .name, module.isOp(inner - 1, "(") || module.isOp(inner - 1, ",") || module.isOp(inner - 1, "*") || module.isOp(inner - 1, "**") {
                        parameters.insert(module.text(inner))
                    }
                }
                continue
            }
            guard module.startsStatement(index) else { continue }
            let name = module.text(index)
            var equals = index + 1
            if module.isOp(equals, ":") {
                // `name: Type = value`: the annotation up to the `=`.
                while equals < tokens.count, tokens[equals].kind != .newline, !module.isOp(equals, "=") { equals += 1 }
            }
            let isAugmented = tokens.indices.contains(index + 1) && tokens[index + 1].kind == .op && module.text(index + 1).hasSuffix("=")
                && !["=", "==", "<=", ">=", "!="].contains(module.text(index + 1))
            guard module.isOp(equals, "=") || isAugmented else { continue }
            if !seen.insert(name).inserted || isAugmented {
                values[name] = nil
                seen.insert(name)
                continue
            }
            var end = equals + 1
            while end < tokens.count, tokens[end].kind != .newline { end += 1 }
            values[name] = (equals + 1)..<end
        }
        for name in parameters { values[name] = nil }
        return values
    }

    public func text(_ index: Int) -> String {
        guard tokens.indices.contains(index) else { return "" }
        return file.text(tokens[index].span)
    }

    /// The files of the program an import loads, as Python finds them with
    /// the program directory on sys.path: `a/b.py` or `a/b/__init__.py` for
    /// `a.b` (a package's `__init__.py` on the way, when there is one), and a
    /// submodule that `from a import b` names. Relative imports resolve from
    /// this module's package. Packages outside the program (pulumi,
    /// pulumi_aws) resolve to nothing.
    public func files(of anImport: Import, programDirectory: String, tree: some FileTree) -> [String] {
        var base: String
        if anImport.level == 0 {
            base = programDirectory
        } else {
            guard var directory = Path.parent(file.path) else { return [] }
            for _ in 1..<anImport.level {
                guard let parent = Path.parent(directory) else { return [] }
                directory = parent
            }
            base = directory
        }
        var found: [String] = []
        func add(_ path: String) { if !found.contains(path) { found.append(path) } }
        let parts = anImport.module.split(separator: ".").map(String.init)
        for part in parts {
            base = Path.join(base, part)
            let initFile = Path.join(base, "__init__.py")
            if tree.isFile(initFile) { add(initFile) }
        }
        if !parts.isEmpty, tree.isFile(base + ".py") { add(base + ".py") }
        for name in anImport.names where name != "*" {
            let submodule = Path.join(base, name)
            if tree.isFile(submodule + ".py") { add(submodule + ".py") }
            let initFile = Path.join(submodule, "__init__.py")
            if tree.isFile(initFile) { add(initFile) }
        }
        return found
    }
}

/// The questions asked of a module's tokens, on their bytes: a token's
/// text, whether it is a given name or operator (no string is made), and
/// whether it starts a statement.
struct PythonTokenText {
    let tokens: [PythonToken]
    let file: SourceFile

    func text(_ index: Int) -> String { tokens.indices.contains(index) ? file.text(tokens[index].span) : "" }

    func isName(_ index: Int, _ word: String) -> Bool {
        tokens.indices.contains(index) && tokens[index].kind == .name && spells(index, word)
    }

    func isOp(_ index: Int, _ op: String) -> Bool {
        tokens.indices.contains(index) && tokens[index].kind == .op && spells(index, op)
    }

    /// Whether a token's bytes are `text`, without making a String (rules ask this of every token).
    func spells(_ index: Int, _ text: String) -> Bool {
        let span = tokens[index].span
        var text = text
        return text.withUTF8 { expected in
            guard expected.count == span.end - span.start else { return false }
            return file.bytes.withUnsafeBufferPointer { bytes in
                var offset = 0
                while offset < expected.count {
                    if bytes[span.start + offset] != expected[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// Whether the token at `index` starts a statement: at a line's start or
    /// after `;`, and with `afterColon`, after the `:` of a one-line compound statement.
    func startsStatement(_ index: Int, afterColon: Bool = false) -> Bool {
        guard index > 0 else { return true }
        switch tokens[index - 1].kind {
        case .newline, .indent, .dedent: return true
        default: return isOp(index - 1, ";") || afterColon && isOp(index - 1, ":")
        }
    }
}

/// Reads the import statements of a module from its tokens: each starts a
/// statement (at a line's start, after `;`, or after the `:` of a one-line
/// compound statement). `importlib.import_module` and `__import__` are dynamic and not read.
private struct ImportScanner {
    let view: PythonTokenText
    var imports: [PythonModule.Import] = []
    var bindings: [String: PythonModule.Binding] = [:]

    mutating func scan() {
        var index = 0
        while index < view.tokens.count {
            if view.tokens[index].kind == .name, view.startsStatement(index, afterColon: true) {
                if view.isName(index, "import") { index = scanImport(from: index + 1); continue }
                if view.isName(index, "from") { index = scanFrom(from: index + 1); continue }
            }
            index += 1
        }
    }

    /// A dotted name at `index`: its text, span and the index after it.
    func dottedName(at index: Int) -> (name: String, span: Span, end: Int)? {
        guard index < view.tokens.count, view.tokens[index].kind == .name else { return nil }
        var parts = [view.text(index)]
        var end = index + 1
        while view.isOp(end, "."), end + 1 < view.tokens.count, view.tokens[end + 1].kind == .name {
            parts.append(view.text(end + 1))
            end += 2
        }
        return (parts.joined(separator: "."), Span(view.tokens[index].span.start, view.tokens[end - 1].span.end), end)
    }

    /// `import a.b.c as d, e`.
    mutating func scanImport(from start: Int) -> Int {
        var index = start
        while let name = dottedName(at: index) {
            imports.append(PythonModule.Import(module: name.name, level: 0, names: [], span: name.span))
            index = name.end
            if view.isName(index, "as"), index + 1 < view.tokens.count, view.tokens[index + 1].kind == .name {
                bindings[view.text(index + 1)] = PythonModule.Binding(module: name.name, level: 0, path: [])
                index += 2
            } else if let first = name.name.split(separator: ".").first {
                // `import a.b` binds `a`, the top package.
                bindings[String(first)] = PythonModule.Binding(module: String(first), level: 0, path: [])
            }
            guard view.isOp(index, ",") else { break }
            index += 1
        }
        return index
    }

    /// `from ..a.b import (c, d as e)`, `from . import x`, `from a import *`.
    mutating func scanFrom(from start: Int) -> Int {
        var index = start
        var level = 0
        while index < view.tokens.count, view.tokens[index].kind == .op, view.isOp(index, ".") || view.isOp(index, "...") {
            level += view.isOp(index, "...") ? 3 : 1
            index += 1
        }
        // `from . import x` names no module: `import` is the keyword, not a name.
        let name = view.isName(index, "import") ? nil : dottedName(at: index)
        if let name { index = name.end }
        guard level > 0 || name != nil, view.isName(index, "import") else { return index }
        index += 1
        let parenthesized = view.isOp(index, "(")
        if parenthesized { index += 1 }
        var names: [String] = []
        while index < view.tokens.count {
            if view.isOp(index, "*") {
                names.append("*")
                index += 1
            } else if view.tokens[index].kind == .name {
                let imported = view.text(index)
                names.append(imported)
                var local = imported
                if view.isName(index + 1, "as"), index + 2 < view.tokens.count, view.tokens[index + 2].kind == .name {
                    local = view.text(index + 2)
                    index += 2
                }
                bindings[local] = PythonModule.Binding(module: name?.name ?? "", level: level, path: [imported])
                index += 1
            } else {
                break
            }
            guard view.isOp(index, ",") else { break }
            index += 1
            // `from a import (b, c,)`: a trailing comma before the bracket.
            if parenthesized, view.isOp(index, ")") { break }
        }
        let span = name?.span ?? view.tokens[start].span
        imports.append(PythonModule.Import(module: name?.name ?? "", level: level, names: names, span: span))
        return index
    }
}

/// The program's Python modules, read and tokenized once: those reachable
/// from the entry point through imports of the project's own files.
public final class PythonSources: Sendable {
    private let tree: any FileTree
    private let programDirectory: String
    private let modules = Mutex<[String: PythonModule?]>([:])
    /// A program larger than this is read only this far.
    static let maximumModules = 2_000

    public init(tree: any FileTree, programDirectory: String) {
        self.tree = tree
        self.programDirectory = programDirectory
    }

    /// The module at a path (nil when it is not a file that can be read).
    public func module(_ path: String) -> PythonModule? {
        if let cached = modules.withLock({ $0[path] }) { return cached }
        let module = tree.read(path).map { PythonModule(file: SourceFile(path: path, bytes: $0)) }
        modules.withLock { $0[path] = .some(module) }
        return module
    }

    /// Every module reachable from `roots` through imports of the program's own files, roots first.
    public func reachable(from roots: [String]) -> [PythonModule] {
        var seen = Set<String>()
        var pending = roots.reversed() as [String]
        var result: [PythonModule] = []
        while let path = pending.popLast(), result.count < Self.maximumModules {
            guard seen.insert(path).inserted, let module = module(path) else { continue }
            result.append(module)
            // Pushed last first, so that the first import is read next.
            let imported = module.imports.flatMap { module.files(of: $0, programDirectory: programDirectory, tree: tree) }
            for file in imported.reversed() where !seen.contains(file) { pending.append(file) }
        }
        return result
    }
}
