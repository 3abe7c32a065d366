import ManifestLintFindings

/// The config reads of a JavaScript or TypeScript program whose key is a
/// string literal (none when no module could hold a key no stack can hold), through a bag of @pulumi/pulumi's `Config`: on the
/// creation itself (`new pulumi.Config().require("k")`), on a variable or a
/// class field holding one (`config.get("k")`, `this.config.get("k")`), or on
/// a module's exported variable that another module imports. A bag named by
/// anything but a literal, and a name bound to bags of different names, are
/// not followed.
public enum JSConfigReads {
    public static func reads(in modules: [JSModule], tree: some FileTree) -> [ProgramConfigRead] {
        guard mayHoldUnreadableKey(modules.lazy.map(\.file)) else { return [] }
        let scans = modules.map { ModuleBags(module: $0) }
        var exports: [String: [String: BagCreation]] = [:]
        for scan in scans where !scan.exported.isEmpty { exports[scan.module.file.path] = scan.exported }
        return scans.flatMap { scan in
            // The names imported from another module of the program that exports a bag under them.
            var imported: [String: BagCreation] = [:]
            if !exports.isEmpty {
                for (local, binding) in scan.module.bindings where binding.path.count == 1 && binding.module.hasBytePrefix(".") {
                    if let target = scan.module.resolve(binding.module, tree: tree), let creation = exports[target]?[binding.path[0]] {
                        imported[local] = creation
                    }
                }
            }
            return scan.reads(imported: imported)
        }
    }
}

/// A `new pulumi.Config(...)` and the bag it makes.
struct BagCreation: Equatable {
    var bag: ProgramConfigRead.Bag
    /// The file and offset of `new`.
    var origin: String
    var arguments: Span?
    var file: SourceFile

    static func == (lhs: BagCreation, rhs: BagCreation) -> Bool { lhs.origin == rhs.origin }

    /// Binds a name to a bag; a second binding to a bag of another name makes it ambiguous (nil).
    static func bind(_ name: String, to creation: BagCreation, in names: inout [String: BagCreation?]) {
        if let existing = names[name] {
            if existing?.bag != creation.bag { names[name] = .some(nil) }
        } else {
            names[name] = creation
        }
    }
}

/// One module's bag creations and the names they are bound to.
private struct ModuleBags {
    let module: JSModule
    /// Creations by the index of their `new`, with the index of their `)`.
    var creations: [Int: (creation: BagCreation, close: Int)] = [:]
    /// Variables and class fields bound to a bag; nil for a name bound to bags of different names.
    var variables: [String: BagCreation?] = [:]
    var fields: [String: BagCreation?] = [:]
    var exported: [String: BagCreation] = [:]

    private enum BindingKind { case variable, exported, field }

    init(module: JSModule) {
        self.module = module
        // Most modules create no bag: one search of the bytes passes them over.
        guard module.file.bytes.contains(text: "Config") else { return }
        for index in module.tokens.indices where module.isIdentifier(index, "new") {
            guard let (creation, close) = Self.creation(at: index, in: module) else { continue }
            creations[index] = (creation, close)
            guard module.isPunctuator(index - 1, "="), let (name, kind) = Self.boundName(equals: index - 1, in: module) else { continue }
            switch kind {
            case .field: BagCreation.bind(name, to: creation, in: &fields)
            case .variable: BagCreation.bind(name, to: creation, in: &variables)
            case .exported:
                BagCreation.bind(name, to: creation, in: &variables)
                exported[name] = creation
            }
        }
    }


    /// `new pulumi.Config()`, `new Config("aws")` (Config imported from @pulumi/pulumi).
    private static func creation(at newToken: Int, in module: JSModule) -> (BagCreation, Int)? {
        guard let (parts, last) = module.dottedName(at: newToken + 1) else { return nil }
        let open = last + 1
        guard module.isPunctuator(open, "("), let close = module.closing(open),
              let binding = module.bindings[parts[0]], binding.module == "@pulumi/pulumi",
              binding.path + parts.dropFirst() == ["Config"] else { return nil }
        let origin = "\(module.file.path)#\(module.tokens[newToken].span.start)"
        if close == open + 1 {
            let at = module.tokens[open].span.end
            return (BagCreation(bag: .project, origin: origin, arguments: Span(at, at), file: module.file), close)
        }
        guard close == open + 2, module.tokens[open + 1].kind == .string || module.tokens[open + 1].kind == .template,
              var name = module.stringValue(open + 1), !name.contains("\\") else { return nil }
        // The SDK drops a trailing `:config` from the name.
        if name.hasSuffix(":config") { name.removeLast(":config".count) }
        return (BagCreation(bag: .named(name), origin: origin, arguments: nil, file: module.file), close)
    }

    /// The name an assignment at `equals` binds: `const config =`, `export const config =`,
    /// `const config: pulumi.Config =`, `this.config =`, a class property `private config =`.
    private static func boundName(equals: Int, in module: JSModule) -> (String, BindingKind)? {
        var nameIndex = equals - 1
        // A type annotation before the `=`: the name is before its `:`.
        var index = equals - 1
        while index > 0, equals - index < 12,
              module.tokens[index].kind == .identifier || module.isPunctuator(index, ".") || module.isPunctuator(index, "<") || module.isPunctuator(index, ">") {
            index -= 1
        }
        if index < equals - 1, module.isPunctuator(index, ":") {
            nameIndex = index - 1
            if module.isPunctuator(nameIndex, "!") || module.isPunctuator(nameIndex, "?") { nameIndex -= 1 }
        }
        guard module.tokens.indices.contains(nameIndex), module.tokens[nameIndex].kind == .identifier else { return nil }
        let name = module.text(nameIndex)
        if module.isPunctuator(nameIndex - 1, ".") {
            return module.isIdentifier(nameIndex - 2, "this") ? (name, .field) : nil
        }
        if module.isIdentifier(nameIndex - 1, "const") || module.isIdentifier(nameIndex - 1, "let") || module.isIdentifier(nameIndex - 1, "var") {
            return (name, module.isIdentifier(nameIndex - 2, "export") ? .exported : .variable)
        }
        let modifiers: [StaticString] = ["private", "public", "protected", "readonly", "static"]
        if modifiers.contains(where: { module.isIdentifier(nameIndex - 1, $0) }) || module.isPunctuator(nameIndex - 1, "{")
            || module.isPunctuator(nameIndex - 1, ";") || module.isPunctuator(nameIndex - 1, "}") {
            return (name, .field)
        }
        return nil
    }

    /// Every read through a bag of this module, or an imported one (`imported`: by local name).
    func reads(imported: [String: BagCreation]) -> [ProgramConfigRead] {
        guard !variables.isEmpty || !imported.isEmpty || !fields.isEmpty || !creations.isEmpty else { return [] }
        // The names a read may start with, compared as bytes on every token.
        var names: [(String, BagCreation)] = variables.compactMap { name, creation in creation.map { (name, $0) } }
        for (name, creation) in imported where variables[name] == nil { names.append((name, creation)) }
        var result: [ProgramConfigRead] = []
        let tokens = module.tokens
        for index in tokens.indices {
            // `new pulumi.Config().require("k")`
            if !creations.isEmpty, module.isIdentifier(index, "new"), let (creation, close) = creations[index], module.isPunctuator(close + 1, ".") {
                let receiver = module.file.text(Span(module.tokens[index].span.start, module.tokens[close].span.end))
                if let read = read(methodAt: close + 2, receiver: receiver, creation: creation) { result.append(read) }
                continue
            }
            guard tokens[index].kind == .identifier, module.isPunctuator(index + 1, "."), !module.isPunctuator(index - 1, ".") else { continue }
            // `this.config.require("k")`
            if !fields.isEmpty, module.isIdentifier(index, "this") {
                guard module.tokens.indices.contains(index + 2), module.tokens[index + 2].kind == .identifier, module.isPunctuator(index + 3, "."),
                      let field = fields[module.text(index + 2)], let creation = field else { continue }
                if let read = read(methodAt: index + 4, receiver: "this.\(module.text(index + 2))", creation: creation) { result.append(read) }
                continue
            }
            // `config.require("k")`
            guard let (name, creation) = names.first(where: { module.isIdentifier(index, spelled: $0.0) }),
                  let read = read(methodAt: index + 2, receiver: name, creation: creation) else { continue }
            result.append(read)
        }
        return result
    }

    /// `method("key")` at `methodIndex` with a literal key.
    private func read(methodAt methodIndex: Int, receiver: String, creation: BagCreation) -> ProgramConfigRead? {
        guard module.tokens.indices.contains(methodIndex), module.tokens[methodIndex].kind == .identifier,
              ConfigMethods.javaScript.contains(module.text(methodIndex)), module.isPunctuator(methodIndex + 1, "("),
              let close = module.closing(methodIndex + 1) else { return nil }
        let keyIndex = methodIndex + 2
        guard keyIndex < close, module.tokens[keyIndex].kind == .string || module.tokens[keyIndex].kind == .template,
              module.isPunctuator(keyIndex + 1, ",") || keyIndex + 1 == close,
              let key = module.stringValue(keyIndex), !key.isEmpty, !key.contains("\\") else { return nil }
        let literal = module.tokens[keyIndex].span
        var defaultValue: String?
        if module.isPunctuator(close + 1, "??") || module.isPunctuator(close + 1, "||"), module.tokens.indices.contains(close + 2) {
            let kind = module.tokens[close + 2].kind
            let isLiteral = kind == .number || kind == .string || kind == .template
                || module.isIdentifier(close + 2, "true") || module.isIdentifier(close + 2, "false")
            let ends = !module.tokens.indices.contains(close + 3)
                || !(module.isPunctuator(close + 3, ".") || module.isPunctuator(close + 3, "(") || module.isPunctuator(close + 3, "[")
                     || module.isPunctuator(close + 3, "+") || module.isPunctuator(close + 3, "*"))
            if isLiteral && ends { defaultValue = module.text(close + 2) }
        }
        return ProgramConfigRead(language: .javaScript, file: module.file, method: module.text(methodIndex), receiver: receiver,
                                 bag: creation.bag, bagOrigin: creation.origin, bagArguments: creation.arguments, bagFile: creation.file,
                                 key: key, keyLiteral: literal, quote: module.file.text(Span(literal.start, literal.start + 1)),
                                 defaultValue: defaultValue)
    }
}
