import ManifestLintFindings

/// Which module system a file's own syntax commits it to, as Node sees it:
/// static `import`/`export` and `import.meta` only parse in an ES module;
/// `require`, `module.exports`, `exports`, `__dirname` and `__filename` only
/// exist in a CommonJS module.
extension JSModule {
    /// What may follow `export` in an export declaration.
    private static let exportStarts: Set<String> = ["{", "*", "default", "const", "let", "var", "function", "class", "async"]

    /// The first static import or export declaration, or `import.meta`.
    public var firstESMSyntax: Int? {
        let exportStarts = Self.exportStarts
        for index in tokens.indices where tokens[index].kind == .identifier && !isPunctuator(index - 1, ".") && !isPunctuator(index - 1, "?.") {
            if isIdentifier(index, "import") {
                let next = index + 1
                if isPunctuator(next, ".") && isIdentifier(next + 1, "meta") { return index }
                guard next < tokens.count else { continue }
                switch tokens[next].kind {
                case .identifier, .string: return index
                case .punctuator where isPunctuator(next, "{") || isPunctuator(next, "*"): return index
                default: continue
                }
            }
            if isIdentifier(index, "export"), index + 1 < tokens.count, exportStarts.contains(text(index + 1)),
               tokens[index + 1].kind != .string {
                return index
            }
        }
        return nil
    }

    /// The first use of a CommonJS-only name that the file does not declare
    /// itself (`const require = createRequire(import.meta.url)`), nor test
    /// with `typeof` (a UMD wrapper); with the name, for messages.
    public var firstCommonJSSyntax: (token: Int, name: String)? {
        func commonJSName(_ index: Int) -> String? {
            guard tokens[index].kind == .identifier else { return nil }
            for name: StaticString in ["require", "module", "exports", "__dirname", "__filename"] where isIdentifier(index, name) {
                return name.description
            }
            return nil
        }
        var declared = Set<String>()
        for index in tokens.indices {
            guard let name = commonJSName(index) else { continue }
            let previous = text(index - 1)
            let next = text(index + 1)
            if ["const", "let", "var", "function", "class", "typeof"].contains(previous)
                || ["(", ","].contains(previous) && [",", ")", "="].contains(next) && isParameter(index) {
                declared.insert(name)
            }
        }
        for index in tokens.indices {
            guard let name = commonJSName(index), !declared.contains(name), !isPunctuator(index - 1, "."), !isPunctuator(index - 1, "?."),
                  !isPunctuator(index + 1, ":") else { continue }
            switch name {
            case "require" where isPunctuator(index + 1, "(") || isPunctuator(index + 1, "."): return (index, name)
            case "module" where isPunctuator(index + 1, ".") && isIdentifier(index + 2, "exports"): return (index, "module.exports")
            case "exports" where isPunctuator(index + 1, ".") || isPunctuator(index + 1, "[") || isPunctuator(index + 1, "="):
                return (index, name)
            case "__dirname", "__filename": return (index, name)
            default: continue
            }
        }
        return nil
    }

    /// Whether the name at `index` is in a parameter list: `function f(a, b)`,
    /// `(a, b) => …`, a method `m(a) { … }`, not a call's arguments.
    private func isParameter(_ index: Int) -> Bool {
        var open = index - 1
        var depth = 0
        while open >= 0 {
            if isPunctuator(open, ")") || isPunctuator(open, "]") || isPunctuator(open, "}") { depth += 1 }
            if isPunctuator(open, "(") || isPunctuator(open, "[") || isPunctuator(open, "{") {
                if depth == 0 { break }
                depth -= 1
            }
            open -= 1
        }
        guard open >= 0, isPunctuator(open, "("), let close = closing(open) else { return false }
        if isIdentifier(open - 1, "function") || isIdentifier(open - 2, "function") { return true }
        return isPunctuator(close + 1, "=>") || isPunctuator(close + 1, "{")
    }
}
