import ManifestLintFindings

/// The functions of a module as regions of its tokens: what each one is
/// (a named function, a class's construction or method, a callback, or
/// something else) and which region encloses it. Enough to tell which code
/// runs when the module loads and which runs only when called.
public struct CodeRegions {
    public enum Kind: Equatable {
        /// The module's own code, run when it loads.
        case topLevel
        /// A function bound to a name: a declaration, `const f = () => ...`, `exports.f = ...`.
        case function(String)
        /// What `new C()` runs: the constructor's body and the fields' initializers.
        case construction(String)
        /// A method of a class (or a function stored in one of its fields).
        case method(className: String, name: String)
        /// A function written as an argument of a call: the callee's first name
        /// (nil when it is not a plain name) and its last member (`map` in `xs.map(...)`).
        case callback(calleeRoot: String?, calleeMember: String?)
        /// Anything else: an object literal's method, a function returned or stored in a property.
        case other
    }

    public struct Region {
        public var kind: Kind
        public var tokens: Range<Int>
        /// The enclosing region (the top level's is itself, 0).
        public var parent: Int
    }

    /// Region 0 is the top level.
    public private(set) var regions: [Region]
    /// For each token, the innermost region holding it.
    public private(set) var regionOfToken: [Int]
    /// Each class's superclass, as written after `extends`: its first name and last member.
    private(set) var superclasses: [String: (root: String, member: String?)] = [:]

    private let module: JSModule
    private let types: TypePositions

    public init(_ module: JSModule, types: TypePositions) {
        self.module = module
        self.types = types
        regions = [Region(kind: .topLevel, tokens: 0..<module.tokens.count, parent: 0)]
        regionOfToken = Array(repeating: 0, count: module.tokens.count)
        scan()
        nest()
    }

    /// The class whose code a region is part of (its construction, a method, or a function inside them).
    func enclosingClass(of region: Int) -> String? {
        var current = region
        while current != 0 {
            switch regions[current].kind {
            case .construction(let name), .method(let name, _): return name
            default: current = regions[current].parent
            }
        }
        return nil
    }

    // MARK: Finding the regions

    private var count: Int { module.tokens.count }
    private func punct(_ index: Int, _ value: StaticString) -> Bool { module.isPunctuator(index, value) }
    private func word(_ index: Int, _ value: StaticString) -> Bool { module.isIdentifier(index, value) }
    private func isName(_ index: Int) -> Bool { index >= 0 && index < count && module.tokens[index].kind == .identifier }

    private static let controlKeywords: Set<String> = [
        "if", "for", "while", "switch", "catch", "with", "function", "return", "typeof", "await", "yield", "new", "delete", "void", "in", "of",
    ]

    private mutating func scan() {
        let enclosing = module.enclosingBrackets()
        let classes = classBodies()
        var index = 0
        while index < count {
            defer { index += 1 }
            if word(index, "function"), !punct(index - 1, ".") {
                functionKeyword(at: index, enclosing: enclosing, classes: classes)
            } else if punct(index, "=>") {
                arrow(at: index, enclosing: enclosing, classes: classes)
            } else if isName(index), punct(index + 1, "("), !Self.controlKeywords.contains(module.text(index)), !punct(index - 1, "."),
                      !word(index - 1, "function"), let close = module.closing(index + 1), let body = bodyStart(afterParameters: close),
                      let end = module.closing(body) {
                // A method definition, `name(...) { ... }`: in a class body, or an object literal.
                let container = enclosing[index]
                let kind: Kind
                if let className = classes[container] {
                    kind = module.text(index) == "constructor" ? .construction(className) : .method(className: className, name: module.text(index))
                } else {
                    kind = .other
                }
                regions.append(Region(kind: kind, tokens: index + 1..<end + 1, parent: 0))
            }
        }
        for (body, className) in classes { fieldInitializers(in: body, of: className, enclosing: enclosing) }
    }

    /// `function [name](...) [: T] { ... }`.
    private mutating func functionKeyword(at index: Int, enclosing: [Int], classes: [Int: String]) {
        var open = index + 1
        if punct(open, "*") { open += 1 }
        let declaredName = isName(open) ? module.text(open) : nil
        if declaredName != nil { open += 1 }
        if punct(open, "<"), let after = types.skipAngles(open) { open = after }
        guard punct(open, "("), let close = module.closing(open), let body = bodyStart(afterParameters: close),
              let end = module.closing(body) else { return }
        var start = index
        if word(start - 1, "async") { start -= 1 }
        let kind: Kind
        if let declaredName, isStatementStart(start) || word(start - 1, "export") || word(start - 1, "default") {
            kind = .function(declaredName)
        } else if word(start - 1, "default"), word(start - 2, "export") {
            kind = .function("default")
        } else {
            kind = context(before: start, enclosing: enclosing, classes: classes, callableAfter: end)
        }
        regions.append(Region(kind: kind, tokens: open..<end + 1, parent: 0))
    }

    /// `(params) => body`, `x => body`, `async (...): T => body`.
    private mutating func arrow(at index: Int, enclosing: [Int], classes: [Int: String]) {
        var parametersStart: Int?
        if punct(index - 1, ")") {
            parametersStart = module.opening(of: index - 1)
        } else if isName(index - 1), !(punct(index - 2, ":")) {
            parametersStart = index - 1
        }
        if parametersStart == nil {
            // A return type between the parameters and the arrow: `(a): T =>`.
            var candidate = index - 1
            while candidate > max(0, index - 60) {
                if punct(candidate, ")"), punct(candidate + 1, ":"), types.skipType(candidate + 2) == index {
                    parametersStart = module.opening(of: candidate)
                    break
                }
                candidate -= 1
            }
        }
        guard var start = parametersStart else { return }
        if punct(start - 1, ">"), let typeOpen = (max(0, start - 40)..<start).last(where: { punct($0, "<") }),
           types.skipAngles(typeOpen) == start { start = typeOpen }
        if word(start - 1, "async") { start -= 1 }
        let end: Int
        if punct(index + 1, "{") {
            guard let close = module.closing(index + 1) else { return }
            end = close + 1
        } else {
            end = expressionEnd(from: index + 1)
        }
        let kind = context(before: start, enclosing: enclosing, classes: classes, callableAfter: end - 1)
        regions.append(Region(kind: kind, tokens: start..<end, parent: 0))
    }

    /// What a function expression starting at `start` is, from what stands before it.
    private func context(before start: Int, enclosing: [Int], classes: [Int: String], callableAfter last: Int) -> Kind {
        let previous = start - 1
        if punct(previous, "=") {
            let target = previous - 1
            guard isName(target) else { return .other }
            let name = module.text(target)
            if word(target - 1, "const") || word(target - 1, "let") || word(target - 1, "var") { return .function(name) }
            if punct(target - 1, "."), word(target - 2, "exports") { return .function(name) }
            if let className = classes[enclosing[target]] { return .method(className: className, name: name) }
            return .other
        }
        if word(previous, "default"), word(previous - 1, "export") { return .function("default") }
        if punct(previous, "(") || punct(previous, ",") {
            let open = punct(previous, "(") ? previous : enclosing[previous]
            guard open >= 0, punct(open, "(") else { return .other }
            // An argument of a call: what is called.
            if isName(open - 1), !Self.controlKeywords.contains(module.text(open - 1)) {
                var root = open - 1
                while punct(root - 1, "."), isName(root - 2) { root -= 2 }
                let member = root == open - 1 ? nil : module.text(open - 1)
                let rootName = punct(root - 1, ".") || punct(root - 1, ")") ? nil : module.text(root)
                return .callback(calleeRoot: rootName, calleeMember: member ?? (rootName == nil ? module.text(open - 1) : nil))
            }
            if punct(open - 1, ")") || punct(open - 1, "]") {
                return .callback(calleeRoot: nil, calleeMember: nil)
            }
            // `(function () { ... })()`: called at once.
            if let close = module.closing(open), close == last + 1, punct(close + 1, "(") {
                return .callback(calleeRoot: nil, calleeMember: nil)
            }
            return .other
        }
        return .other
    }

    /// Where a function's body `{` is, after its parameters' `)` and an optional return type.
    private func bodyStart(afterParameters close: Int) -> Int? {
        if punct(close + 1, "{") { return close + 1 }
        if punct(close + 1, ":"), let end = types.skipType(close + 2), punct(end, "{") { return end }
        return nil
    }

    /// The end of an expression: a `,`, `;` or closing bracket at its level,
    /// or a line break after which a new statement or member starts.
    private func expressionEnd(from start: Int) -> Int {
        var index = start
        while index < count {
            if punct(index, "(") || punct(index, "[") || punct(index, "{") {
                guard let close = module.closing(index) else { return count }
                index = close + 1
                continue
            }
            if module.tokens[index].kind == .templateHead {
                var depth = 0
                while index < count {
                    if module.tokens[index].kind == .templateHead { depth += 1 }
                    if module.tokens[index].kind == .templateTail { depth -= 1; if depth == 0 { break } }
                    index += 1
                }
                index += 1
                continue
            }
            if punct(index, ",") || punct(index, ";") || punct(index, ")") || punct(index, "]") || punct(index, "}") { return index }
            if index > start, isName(index), module.tokens[index - 1].kind != .punctuator || punct(index - 1, ")") || punct(index - 1, "]") || punct(index - 1, "}"),
               module.file.line(of: module.tokens[index - 1].span.end) < module.file.line(of: module.tokens[index].span.start) {
                return index
            }
            index += 1
        }
        return count
    }

    /// Class fields' initializers (`x = value;` in a class body): they run with the constructor.
    private mutating func fieldInitializers(in body: Int, of className: String, enclosing: [Int]) {
        guard let close = module.closing(body) else { return }
        var index = body + 1
        while index < close {
            if punct(index, "{") || punct(index, "(") || punct(index, "[") {
                index = (module.closing(index) ?? close) + 1
                continue
            }
            if punct(index, "="), enclosing[index] == body, isName(index - 1) || punct(index - 1, "]") || types[index - 1] {
                let end = expressionEnd(from: index + 1)
                regions.append(Region(kind: .construction(className), tokens: index + 1..<end, parent: 0))
                index = end
                continue
            }
            index += 1
        }
    }

    /// Each class body's `{`, with the class's name (from `class Name`, or `const Name = class`), and its superclass.
    private mutating func classBodies() -> [Int: String] {
        var bodies: [Int: String] = [:]
        for index in 0..<count where word(index, "class") && !punct(index - 1, ".") {
            var name: String?
            var next = index + 1
            if isName(next), !word(next, "extends"), !word(next, "implements") {
                name = module.text(next)
                next += 1
            } else if punct(index - 1, "="), isName(index - 2) {
                name = module.text(index - 2)
            }
            if punct(next, "<"), let after = types.skipAngles(next) { next = after }
            var superclass: (root: String, member: String?)?
            if word(next, "extends"), isName(next + 1) {
                var last = next + 1
                while punct(last + 1, "."), isName(last + 2) { last += 2 }
                superclass = (module.text(next + 1), last == next + 1 ? nil : module.text(last))
                next = last + 1
            }
            while next < count, !punct(next, "{") {
                if punct(next, "(") || punct(next, "["), let close = module.closing(next) { next = close }
                if punct(next, "<"), let after = types.skipAngles(next) { next = after - 1 }
                next += 1
            }
            guard next < count, let name else { continue }
            bodies[next] = name
            if let superclass { superclasses[name] = superclass }
        }
        return bodies
    }

    // MARK: Nesting

    /// Works out each region's parent and paints every token with its innermost region.
    private mutating func nest() {
        let order = regions.indices.dropFirst().sorted {
            (regions[$0].tokens.lowerBound, -regions[$0].tokens.upperBound) < (regions[$1].tokens.lowerBound, -regions[$1].tokens.upperBound)
        }
        var stack = [0]
        for region in order {
            while let top = stack.last, top != 0, regions[top].tokens.upperBound <= regions[region].tokens.lowerBound { stack.removeLast() }
            regions[region].parent = stack.last ?? 0
            stack.append(region)
        }
        // Outer regions first, so that inner ones paint over them.
        for region in order {
            for token in regions[region].tokens.clamped(to: 0..<count) { regionOfToken[token] = region }
        }
    }

    private func isStatementStart(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        if punct(index - 1, ";") || punct(index - 1, "{") || punct(index - 1, "}") { return true }
        return module.file.line(of: module.tokens[index - 1].span.end) < module.file.line(of: module.tokens[index].span.start)
            && !(module.tokens[index - 1].kind == .punctuator && !punct(index - 1, ")"))
    }


}
