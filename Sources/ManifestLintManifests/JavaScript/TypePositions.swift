import ManifestLintFindings

/// Which tokens of a TypeScript module stand in type positions, which
/// TypeScript erases: nothing there runs. Type annotations (of variables,
/// parameters, class fields and return types), `as` and `satisfies`,
/// `implements`, type arguments and parameters, and interface, type alias
/// and `declare` statements. A name used only there (`pulumi.Input`,
/// `aws.s3.BucketArgs`) needs no value at run time.
///
/// The reading is syntactic and errs towards "not a type": where it cannot
/// tell, a token counts as code.
public struct TypePositions {
    private let module: JSModule
    private(set) var isType: [Bool]
    /// Tokens of import and export clauses, where `as` renames instead of asserting.
    private var inModuleClause: [Bool]

    /// The type positions of a module; none for JavaScript.
    public static func of(_ module: JSModule) -> TypePositions {
        var positions = TypePositions(module: module)
        if ModuleExtensions.isTypeScript(module.file.path) { positions.scan() }
        return positions
    }

    private init(module: JSModule) {
        self.module = module
        isType = Array(repeating: false, count: module.tokens.count)
        inModuleClause = Array(repeating: false, count: module.tokens.count)
    }

    public subscript(index: Int) -> Bool { isType.indices.contains(index) && isType[index] }

    private var count: Int { module.tokens.count }

    private func punct(_ index: Int, _ value: StaticString) -> Bool { module.isPunctuator(index, value) }
    private func word(_ index: Int, _ value: StaticString) -> Bool { module.isIdentifier(index, value) }
    private func isName(_ index: Int) -> Bool { index >= 0 && index < count && module.tokens[index].kind == .identifier }

    private mutating func mark(_ range: Range<Int>) {
        for index in range.clamped(to: 0..<count) { isType[index] = true }
    }

    // MARK: The scan

    private mutating func scan() {
        markModuleClauses()
        let enclosing = module.enclosingBrackets()
        let classBodies = self.classBodies()
        var index = 0
        while index < count {
            defer { index += 1 }
            guard !isType[index] else { continue }
            if isName(index) {
                if word(index, "interface"), isName(index + 1), atStatementStart(index), let open = (index..<min(count, index + 200)).first(where: { punct($0, "{") }),
                   let close = module.closing(open) {
                    mark(index..<close + 1)
                } else if word(index, "type"), isName(index + 1), punct(index + 2, "=") || punct(index + 2, "<"), atStatementStart(index) {
                    var start = index + 2
                    if punct(start, "<"), let after = skipAngles(start) { start = after }
                    if punct(start, "="), let end = skipType(start + 1) { mark(index..<end) }
                } else if word(index, "type"), punct(index + 1, "{"), word(index - 1, "export"), let close = module.closing(index + 1) {
                    mark(index - 1..<close + 1)
                } else if word(index, "declare"), atStatementStart(index), isName(index + 1) {
                    mark(index..<statementEnd(from: index))
                } else if word(index, "as") || word(index, "satisfies"), !inModuleClause[index], !punct(index - 1, "*"), index > 0,
                          !punct(index - 1, "(") && !punct(index - 1, ",") && !punct(index - 1, "=") {
                    if let end = skipType(index + 1) { mark(index + 1..<end) }
                } else if word(index, "implements") {
                    var end = index + 1
                    while end < count, !punct(end, "{") { end += 1 }
                    mark(index + 1..<end)
                } else if punct(index + 1, "<"), isTypeParameterPosition(index), let end = skipAngles(index + 1) {
                    // `function f<T>(`, `class C<T>`, a call's `f<T>(` or `new C<T>(`.
                    mark(index + 1..<end)
                } else if punct(index + 1, "<"), let end = skipAngles(index + 1), punct(end, "(") || module.tokens.indices.contains(end)
                            && (module.tokens[end].kind == .template || module.tokens[end].kind == .templateHead) {
                    mark(index + 1..<end)
                }
                continue
            }
            guard punct(index, ":") else { continue }
            if isAnnotation(colon: index, enclosing: enclosing, classBodies: classBodies), let end = skipType(index + 1) {
                mark(index + 1..<end)
            } else if punct(index - 1, ")"), let end = skipType(index + 1), punct(end, "{") || punct(end, "=>") {
                // A return type: `): T {` or `): T =>`.
                mark(index + 1..<end)
            }
        }
    }

    /// Whether the `:` at `colon` starts a type annotation of a parameter, a
    /// variable or a class field (not an object literal's value, a ternary's
    /// branch, a label or a case).
    private func isAnnotation(colon: Int, enclosing: [Int], classBodies: Set<Int>) -> Bool {
        var before = colon - 1
        if punct(before, "?") || punct(before, "!") { before -= 1 }
        guard before >= 0 else { return false }
        // The annotated name or pattern, and what stands before it.
        var start = before
        if punct(before, "}") || punct(before, "]") {
            guard let open = module.opening(of: before) else { return false }
            start = open
        } else if !isName(before) {
            return false
        }
        var previous = start - 1
        while previous >= 0, isName(previous), isModifier(previous) { previous -= 1 }
        if punct(previous, "...") { previous -= 1 }
        let container = enclosing[colon]
        if container >= 0, punct(container, "(") {
            return punct(previous, "(") || punct(previous, ",")
        }
        if word(previous, "const") || word(previous, "let") || word(previous, "var") { return true }
        if container >= 0, classBodies.contains(container), isName(before) {
            return punct(previous, "{") || punct(previous, ";") || punct(previous, "}") || previous == container
                || previous >= 0 && module.file.line(of: module.tokens[previous].span.end) < module.file.line(of: module.tokens[start].span.start)
        }
        return false
    }

    private func isModifier(_ index: Int) -> Bool {
        ["public", "private", "protected", "readonly", "static", "declare", "override", "abstract", "accessor"].contains(module.text(index))
    }

    /// `<` after the name of a function, class, interface or method being declared.
    private func isTypeParameterPosition(_ name: Int) -> Bool {
        word(name - 1, "function") || word(name - 1, "class") || word(name, "function")
            || punct(name - 1, "*") && word(name - 2, "function")
    }

    private func atStatementStart(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        if word(index - 1, "export") || word(index - 1, "declare") || word(index - 1, "default") { return true }
        if punct(index - 1, ";") || punct(index - 1, "{") || punct(index - 1, "}") { return true }
        return module.file.line(of: module.tokens[index - 1].span.end) < module.file.line(of: module.tokens[index].span.start)
    }

    /// The end of a statement: a `;` at its level, or the end of a `{ }` block it opens.
    private func statementEnd(from start: Int) -> Int {
        var index = start
        while index < count {
            if punct(index, ";") { return index + 1 }
            if punct(index, "{") || punct(index, "(") || punct(index, "[") {
                guard let close = module.closing(index) else { return count }
                if punct(index, "{") && !punct(index - 1, ":") && !punct(index - 1, "=") { return close + 1 }
                index = close
            }
            index += 1
        }
        return count
    }

    // MARK: Brackets

    /// The `{` tokens that open a class body.
    private func classBodies() -> Set<Int> {
        var bodies = Set<Int>()
        for index in 0..<count where word(index, "class") && !punct(index - 1, ".") {
            var body = index + 1
            while body < count, !punct(body, "{") {
                if punct(body, "(") || punct(body, "["), let close = module.closing(body) { body = close }
                if punct(body, "<"), let end = skipAngles(body) { body = end - 1 }
                body += 1
            }
            if body < count { bodies.insert(body) }
        }
        return bodies
    }

    /// `import ... from`, `export { ... }` and `export * as x from`: their `as` renames.
    private mutating func markModuleClauses() {
        for index in 0..<count where word(index, "import") && !punct(index - 1, ".") && !punct(index + 1, "(")
            || word(index, "export") && (punct(index + 1, "{") || punct(index + 1, "*") || word(index + 1, "type") && punct(index + 2, "{")) {
            var end = index + 1
            while end < count, end < index + 400, !punct(end, ";"), !word(end, "from") {
                if punct(end, "{") {
                    guard let close = module.closing(end) else { break }
                    for inside in end...close { inModuleClause[inside] = true }
                    end = close
                }
                if punct(end, "*") { inModuleClause[end + 1 < count ? end + 1 : end] = true }
                end += 1
                if punct(end - 1, "}") { break }
            }
        }
    }

    // MARK: Types

    /// The index after the type that starts at `start`, or nil when none starts there.
    func skipType(_ start: Int) -> Int? {
        var index = start
        if punct(index, "|") || punct(index, "&") { index += 1 }
        while true {
            guard let operand = skipOperand(index) else { return nil }
            index = operand
            // `T[]`, `T[K]`.
            while punct(index, "["), let close = module.closing(index) { index = close + 1 }
            if punct(index, "|") || punct(index, "&") {
                index += 1
                continue
            }
            if word(index, "extends"), let check = skipType(index + 1), punct(check, "?"), let whenTrue = skipType(check + 1),
               punct(whenTrue, ":"), let whenFalse = skipType(whenTrue + 1) {
                return whenFalse
            }
            return index
        }
    }

    private func skipOperand(_ start: Int) -> Int? {
        guard start < count else { return nil }
        var index = start
        let token = module.tokens[index]
        switch token.kind {
        case .string, .number, .template:
            return index + 1
        case .templateHead:
            var depth = 0
            while index < count {
                if module.tokens[index].kind == .templateHead { depth += 1 }
                if module.tokens[index].kind == .templateTail {
                    depth -= 1
                    if depth == 0 { return index + 1 }
                }
                index += 1
            }
            return nil
        case .punctuator:
            if punct(index, "-"), module.tokens.indices.contains(index + 1), module.tokens[index + 1].kind == .number { return index + 2 }
            if punct(index, "{") || punct(index, "[") { return module.closing(index).map { $0 + 1 } }
            if punct(index, "<") {
                // A generic function type: `<T>(x: T) => T`.
                guard let after = skipAngles(index) else { return nil }
                index = after
            }
            if punct(index, "("), let close = module.closing(index) {
                if punct(close + 1, "=>") { return skipType(close + 2) }
                return close + 1
            }
            return nil
        case .identifier:
            if word(index, "new") || word(index, "abstract") && word(index + 1, "new") {
                return skipOperand(word(index, "new") ? index + 1 : index + 2)
            }
            if word(index, "keyof") || word(index, "unique") || word(index, "readonly") || word(index, "infer") || word(index, "asserts") {
                if isName(index + 1) || punct(index + 1, "(") || punct(index + 1, "[") || punct(index + 1, "{") { return skipOperand(index + 1) }
            }
            if word(index, "typeof") { index += 1 }
            if word(index, "import"), punct(index + 1, "("), let close = module.closing(index + 1) { index = close }
            // A dotted name, with type arguments.
            index += 1
            while punct(index, "."), isName(index + 1) { index += 2 }
            if punct(index, "<"), let after = skipAngles(index) { index = after }
            if word(index, "is"), let predicate = skipType(index + 1) { return predicate }
            return index
        default:
            return nil
        }
    }

    /// The index after the `>` that closes the `<` at `open`; nil when it is a comparison, not type brackets.
    func skipAngles(_ open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < count, index < open + 500 {
            let token = module.tokens[index]
            if token.kind == .punctuator {
                if punct(index, "(") || punct(index, "[") || punct(index, "{") {
                    guard let close = module.closing(index) else { return nil }
                    index = close + 1
                    continue
                }
                if punct(index, "<") { depth += 1 }
                if punct(index, ">") { depth -= 1 }
                if punct(index, ">>") { depth -= 2 }
                if punct(index, ">>>") { depth -= 3 }
                if depth <= 0 { return index + 1 }
                if punct(index, ";") || punct(index, ")") || punct(index, "]") || punct(index, "}") || punct(index, "&&")
                    || punct(index, "||") || punct(index, "=") || punct(index, "==") || punct(index, "===") { return nil }
            }
            index += 1
        }
        return nil
    }
}
