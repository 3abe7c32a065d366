import ManifestLintFindings

/// The config reads of a Python program whose key is a string literal (none
/// when no module could hold a key no stack can hold),
/// through a bag of `pulumi.Config`: on the creation itself
/// (`pulumi.Config().require("k")`), on a name or an attribute of `self`
/// holding one (`config.get("k")`, `self.config.get("k")`), or on a module's
/// name that another module imports (`from .settings import config`).
public enum PythonConfigReads {
    public static func reads(in modules: [PythonModule], programDirectory: String, tree: some FileTree) -> [ProgramConfigRead] {
        guard mayHoldUnreadableKey(modules.lazy.map(\.file)) else { return [] }
        let scans = modules.map { PythonModuleBags(module: $0) }
        var names: [String: [String: BagCreation?]] = [:]
        for scan in scans where !scan.variables.isEmpty { names[scan.module.file.path] = scan.variables }
        return scans.flatMap { scan in
            // The names imported from another module of the program that binds a bag to them.
            var imported: [String: BagCreation?] = [:]
            if !names.isEmpty {
                for (local, binding) in scan.module.bindings where binding.path.count == 1 && binding.module != "pulumi" {
                    let anImport = PythonModule.Import(module: binding.module, level: binding.level, names: [], span: Span(0, 0))
                    for file in scan.module.files(of: anImport, programDirectory: programDirectory, tree: tree) {
                        if let found = names[file]?[binding.path[0]] {
                            imported[local] = found
                            break
                        }
                    }
                }
            }
            return scan.reads(imported: imported)
        }
    }
}

/// One module's bag creations and the names they are bound to.
private struct PythonModuleBags {
    let module: PythonModule
    var creations: [Int: (creation: BagCreation, close: Int)] = [:]
    /// Names and `self` attributes bound to a bag; nil for one bound to bags of different names.
    var variables: [String: BagCreation?] = [:]
    var attributes: [String: BagCreation?] = [:]

    init(module: PythonModule) {
        self.module = module
        // Most modules create no bag: one search of the bytes passes them over. The names that
        // can start a creation (`pulumi`, an imported `Config`) are compared as bytes on every token.
        guard module.file.bytes.contains(text: "Config") else { return }
        let starts = module.bindings.filter { $0.value.module == "pulumi" && $0.value.level == 0 && ($0.value.path.isEmpty || $0.value.path == ["Config"]) }.map(\.key)
        guard !starts.isEmpty else { return }
        for index in module.tokens.indices where starts.contains(where: { module.isName(index, $0) }) && !module.isOp(index - 1, ".") {
            guard let (creation, close, start) = Self.creation(at: index, in: module) else { continue }
            creations[start] = (creation, close)
            // `config = pulumi.Config()`, `config: pulumi.Config = ...`, `self.config = ...`
            guard module.isOp(index - 1, "=") else { continue }
            var nameIndex = index - 2
            if !module.tokens.indices.contains(nameIndex) { continue }
            // An annotation: `name: T =`
            var back = nameIndex
            while back > 0, index - back < 10, module.tokens[back].kind == .name || module.isOp(back, ".") { back -= 1 }
            if back < nameIndex, module.isOp(back, ":") { nameIndex = back - 1 }
            guard module.tokens.indices.contains(nameIndex), module.tokens[nameIndex].kind == .name else { continue }
            let name = module.text(nameIndex)
            if module.isOp(nameIndex - 1, "."), module.isName(nameIndex - 2, "self") {
                BagCreation.bind(name, to: creation, in: &attributes)
            } else if !module.isOp(nameIndex - 1, ".") {
                BagCreation.bind(name, to: creation, in: &variables)
            }
        }
    }

    /// `pulumi.Config()`, `Config("aws")`, `pulumi.Config(name="aws")` at `index`:
    /// the bag, the index of its `)`, and of its first token.
    private static func creation(at index: Int, in module: PythonModule) -> (BagCreation, Int, Int)? {
        var open = index + 1
        var path: [String]
        guard let binding = module.bindings[module.text(index)], binding.module == "pulumi", binding.level == 0 else { return nil }
        if module.isOp(index + 1, "."), module.isName(index + 2, "Config") {
            path = binding.path + ["Config"]
            open = index + 3
        } else {
            path = binding.path
        }
        guard path == ["Config"], module.isOp(open, "("), let close = module.closing(open) else { return nil }
        let origin = "\(module.file.path)#\(module.tokens[index].span.start)"
        if close == open + 1 {
            let at = module.tokens[open].span.end
            return (BagCreation(bag: .project, origin: origin, arguments: Span(at, at), file: module.file), close, index)
        }
        var nameIndex = open + 1
        if module.isName(nameIndex, "name"), module.isOp(nameIndex + 1, "=") { nameIndex += 2 }
        guard nameIndex + 1 == close, let name = Self.literal(nameIndex, in: module) else { return nil }
        return (BagCreation(bag: .named(name), origin: origin, arguments: nil, file: module.file), close, index)
    }

    /// The text of a plain string literal (no prefix but u, no escapes).
    static func literal(_ index: Int, in module: PythonModule) -> String? {
        guard module.tokens.indices.contains(index), module.tokens[index].kind == .string,
              let parts = StringLiteral.parts(module.text(index)), parts.prefix.isEmpty || parts.prefix.lowercased() == "u",
              !parts.body.contains("\\") else { return nil }
        return parts.body
    }

    func reads(imported: [String: BagCreation?]) -> [ProgramConfigRead] {
        guard !variables.isEmpty || !imported.isEmpty || !attributes.isEmpty || !creations.isEmpty else { return [] }
        // The names a read may start with, compared as bytes on every token.
        var names: [(String, BagCreation)] = variables.compactMap { name, creation in creation.map { (name, $0) } }
        names += imported.compactMap { name, creation in variables[name] == nil ? creation.map { (name, $0) } : nil }
        guard !names.isEmpty || !attributes.isEmpty || !creations.isEmpty else { return [] }
        var result: [ProgramConfigRead] = []
        for index in module.tokens.indices {
            if !creations.isEmpty, let (creation, close) = creations[index], module.isOp(close + 1, ".") {
                let receiver = module.file.text(Span(module.tokens[index].span.start, module.tokens[close].span.end))
                if let read = read(methodAt: close + 2, receiver: receiver, creation: creation) { result.append(read) }
                continue
            }
            guard module.tokens[index].kind == .name, !module.isOp(index - 1, "."), module.isOp(index + 1, ".") else { continue }
            if !attributes.isEmpty, module.isName(index, "self") {
                guard module.tokens.indices.contains(index + 2), module.tokens[index + 2].kind == .name, module.isOp(index + 3, "."),
                      let attribute = attributes[module.text(index + 2)], let creation = attribute else { continue }
                if let read = read(methodAt: index + 4, receiver: "self.\(module.text(index + 2))", creation: creation) { result.append(read) }
                continue
            }
            guard let (name, creation) = names.first(where: { module.isName(index, $0.0) }),
                  let read = read(methodAt: index + 2, receiver: name, creation: creation) else { continue }
            result.append(read)
        }
        return result
    }

    /// `method("key")` at `methodIndex`, and its default: the second argument, or `or <literal>` after the call.
    private func read(methodAt methodIndex: Int, receiver: String, creation: BagCreation) -> ProgramConfigRead? {
        guard module.tokens.indices.contains(methodIndex), module.tokens[methodIndex].kind == .name,
              ConfigMethods.python.contains(module.text(methodIndex)), module.isOp(methodIndex + 1, "("),
              let close = module.closing(methodIndex + 1) else { return nil }
        let arguments = module.topLevelSplit(from: methodIndex + 2, to: close)
        guard let first = arguments.first, first.count == 1, let key = Self.literal(first.lowerBound, in: module), !key.isEmpty else { return nil }
        var defaultValue: String?
        if arguments.count > 1, arguments[1].count == 1, isLiteral(arguments[1].lowerBound) {
            defaultValue = module.text(arguments[1].lowerBound)
        } else if arguments.count > 1, arguments[1].count == 3, module.isName(arguments[1].lowerBound, "default"),
                  module.isOp(arguments[1].lowerBound + 1, "="), isLiteral(arguments[1].lowerBound + 2) {
            defaultValue = module.text(arguments[1].lowerBound + 2)
        } else if module.isName(close + 1, "or"), isLiteral(close + 2),
                  !(module.isOp(close + 3, ".") || module.isOp(close + 3, "(") || module.isOp(close + 3, "[")) {
            defaultValue = module.text(close + 2)
        }
        let literal = module.tokens[first.lowerBound].span
        let text = module.text(first.lowerBound)
        return ProgramConfigRead(language: .python, file: module.file, method: module.text(methodIndex), receiver: receiver,
                                 bag: creation.bag, bagOrigin: creation.origin, bagArguments: creation.arguments, bagFile: creation.file,
                                 key: key, keyLiteral: literal, quote: String(text.last ?? "\""), defaultValue: defaultValue)
    }

    private func isLiteral(_ index: Int) -> Bool {
        guard module.tokens.indices.contains(index) else { return false }
        let kind = module.tokens[index].kind
        return kind == .number || kind == .string || module.isName(index, "True") || module.isName(index, "False")
    }
}
