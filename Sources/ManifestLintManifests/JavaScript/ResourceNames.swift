import ManifestLintFindings

/// Finds where resources are constructed and whether their names change on
/// every run: `new aws.s3.Bucket(name, { bucket: ... })` and the like.
public struct ResourceConstruction {
    public var module: JSModule
    /// The token `new`, and the callee as written (`aws.s3.Bucket`).
    var newToken: Int
    public var callee: String
    /// The class the callee resolves to through the module's imports
    /// (`@pulumi/aws:s3.Bucket`, or `<file>#<class>` for a component): the
    /// same whichever way it is imported.
    public var resolvedClass: String
    /// Token ranges of the first argument and of each property of the second.
    public var nameArgument: Range<Int>?
    public var properties: [(key: String, value: Range<Int>)]
    /// Token ranges of every argument, and the index of the closing `)`.
    public var arguments: [Range<Int>]
    public var close: Int
}

public enum ResourceNames {
    /// Args properties that set a cloud resource's physical name.
    public static let physicalNameProperties: Set<String> = [
        "bucket", "bucketName", "bucketPrefix", "name", "namePrefix", "functionName", "roleName", "tableName", "queueName",
        "topicName", "clusterIdentifier", "clusterName", "repositoryName", "streamName", "userName", "groupName", "policyName",
        "identifier", "dbName", "domainName", "keyName", "secretName", "logGroupName", "ruleName", "serviceName", "appName",
    ]

    /// The resource constructions of the program's modules.
    public static func constructions(in modules: [JSModule], tree: some FileTree) -> [ResourceConstruction] {
        // ComponentResource subclasses, by module path and class name.
        var components = Set<String>()
        for module in modules {
            for index in module.tokens.indices where module.isIdentifier(index, "class") && module.isIdentifier(index + 2, "extends") {
                var end = index + 3
                var superclass = module.text(end)
                while module.isPunctuator(end + 1, ".") {
                    superclass += "." + module.text(end + 2)
                    end += 2
                }
                let root = superclass.split(separator: ".").first.map(String.init) ?? ""
                let isComponent = superclass.hasSuffix("ComponentResource") && module.bindings[root]?.module == "@pulumi/pulumi"
                if isComponent { components.insert(module.file.path + "#" + module.text(index + 1)) }
            }
        }
        var result: [ResourceConstruction] = []
        for module in modules {
            for index in module.tokens.indices where module.isIdentifier(index, "new") {
                guard let construction = construction(at: index, in: module, components: components, tree: tree) else { continue }
                result.append(construction)
            }
        }
        return result
    }

    private static func construction(at newToken: Int, in module: JSModule, components: Set<String>, tree: some FileTree) -> ResourceConstruction? {
        guard let (parts, index) = module.dottedName(at: newToken + 1),
              module.isPunctuator(index + 1, "("), let close = module.closing(index + 1) else { return nil }
        guard let binding = module.bindings[parts[0]] else {
            // A component class declared in this module.
            let component = module.file.path + "#" + parts[0]
            guard parts.count == 1, components.contains(component) else { return nil }
            return makeConstruction(module, newToken, parts, resolvedClass: component, open: index + 1, close: close)
        }
        if PulumiPackages.isPulumiScoped(binding.module) {
            // Of @pulumi/pulumi itself only the component and custom resource base classes build resources.
            let members = binding.path + parts.dropFirst()
            if binding.module == "@pulumi/pulumi" && !["ComponentResource", "CustomResource", "StackReference"].contains(members.last ?? "") { return nil }
            guard !members.isEmpty else { return nil }
            return makeConstruction(module, newToken, parts, resolvedClass: binding.module + ":" + members.joined(separator: "."),
                                    open: index + 1, close: close)
        }
        if let target = module.resolve(binding.module, tree: tree), let name = binding.path.first, parts.count == 1,
           components.contains(target + "#" + name) {
            return makeConstruction(module, newToken, parts, resolvedClass: target + "#" + name, open: index + 1, close: close)
        }
        return nil
    }

    private static func makeConstruction(_ module: JSModule, _ newToken: Int, _ parts: [String], resolvedClass: String,
                                         open: Int, close: Int) -> ResourceConstruction {
        let arguments = topLevelSplit(module, from: open + 1, to: close)
        var properties: [(String, Range<Int>)] = []
        if arguments.count > 1, module.isPunctuator(arguments[1].lowerBound, "{"), let end = module.closing(arguments[1].lowerBound) {
            for member in topLevelSplit(module, from: arguments[1].lowerBound + 1, to: end) where member.count >= 3 {
                let key = member.lowerBound
                guard module.isPunctuator(key + 1, ":") else { continue }
                let name = module.tokens[key].kind == .string ? (module.stringValue(key) ?? "") : module.text(key)
                properties.append((name, (key + 2)..<member.upperBound))
            }
        }
        return ResourceConstruction(module: module, newToken: newToken, callee: parts.joined(separator: "."), resolvedClass: resolvedClass,
                                    nameArgument: arguments.first, properties: properties, arguments: arguments, close: close)
    }

    /// The comma-separated parts between two tokens, at the top level of brackets and templates.
    static func topLevelSplit(_ module: JSModule, from start: Int, to end: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var partStart = start
        var index = start
        while index < end {
            let token = module.tokens[index]
            switch token.kind {
            case .templateHead: depth += 1
            case .templateTail: depth -= 1
            case .punctuator where token.span.end - token.span.start == 1:
                let byte = module.file.bytes[token.span.start]
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
                if byte == UInt8(ascii: ",") && depth == 0 {
                    if index > partStart { parts.append(partStart..<index) }
                    partStart = index + 1
                }
            default: break
            }
            index += 1
        }
        if end > partStart { parts.append(partStart..<end) }
        return parts
    }

    /// The first value in the tokens that changes on every run, followed
    /// through consts and lets of the module (one declaration per name).
    public static func changingValue(in range: Range<Int>, of module: JSModule, depth: Int = 0) -> (token: Int, what: String)? {
        guard depth < 8 else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            if let what = changingCall(at: index, in: module) { return (index, what) }
            if module.tokens[index].kind == .identifier, !module.isPunctuator(index - 1, "."), !module.isPunctuator(index + 1, ":"),
               !isCalendarPart(at: index + 1, in: module),
               let initializer = module.declarations[module.text(index)],
               carriesValue(of: initializer, in: module, memberAccess: [".", "?.", "["].contains { module.isPunctuator(index + 1, $0) }),
               let inner = changingValue(in: initializer, of: module, depth: depth + 1) {
                return (index, "\(module.text(index)) = … \(inner.what)")
            }
            index += 1
        }
        return nil
    }

    /// Whether a name's value is what its initializer computes, so that a changing
    /// value in it flows on: not for an object it constructs (`new aws.s3.Bucket(…)`,
    /// whose `.id` is an output, whatever its tags say); and for a member of it
    /// (`x.id`, `x.toISOString()`), only when the initializer is itself the changing
    /// value or a string built from one (members of object literals and call results stay silent).
    private static func carriesValue(of initializer: Range<Int>, in module: JSModule, memberAccess: Bool) -> Bool {
        guard !initializer.isEmpty else { return false }
        let first = initializer.lowerBound
        if changingCall(at: first, in: module) != nil { return true }
        if module.isIdentifier(first, "new") { return false }
        guard memberAccess else { return true }
        let kind = module.tokens[first].kind
        return kind == .templateHead || kind == .template || kind == .string
    }

    /// The date's year, month or day (`.getFullYear()`, `.getMonth()`, `.getDate()`...) at `index`:
    /// it stays the same from one run to the next for a year, a month or a day, often on purpose
    /// (a certificate named for its year is rotated yearly).
    private static func isCalendarPart(at index: Int, in module: JSModule) -> Bool {
        guard module.isPunctuator(index, "."), module.tokens.indices.contains(index + 1) else { return false }
        return calendarAccessors.contains(module.text(index + 1))
    }

    private static let calendarAccessors: Set<String> = [
        "getFullYear", "getUTCFullYear", "getYear", "getMonth", "getUTCMonth", "getDate", "getUTCDate", "getDay", "getUTCDay",
    ]

    /// `Date.now()`, `new Date()`, `Math.random()`, `crypto.randomUUID()`, `randomBytes(…)`,
    /// `uuid()`, `v4()`, `process.hrtime`, `performance.now()` at `index`.
    private static func changingCall(at index: Int, in module: JSModule) -> String? {
        let word = module.text(index)
        guard module.tokens[index].kind == .identifier else { return nil }
        func member(_ name: StaticString) -> Bool { module.isPunctuator(index + 1, ".") && module.isIdentifier(index + 2, name) }
        switch word {
        case "Date" where member("now"): return "Date.now()"
        case "new" where module.isIdentifier(index + 1, "Date") && (!module.isPunctuator(index + 2, "(") || module.isPunctuator(index + 3, ")")):
            // `new Date().getFullYear()` changes once a year: a yearly rotation, not a new name on every run.
            return isCalendarPart(at: module.isPunctuator(index + 2, "(") ? index + 4 : index + 2, in: module) ? nil : "new Date()"
        case "Math" where member("random"): return "Math.random()"
        case "performance" where member("now"): return "performance.now()"
        case "process" where member("hrtime"): return "process.hrtime"
        case "randomUUID", "randomBytes", "uuid", "v4", "uuidv4", "nanoid":
            return module.isPunctuator(index + 1, "(") ? word + "()" : nil
        default: return nil
        }
    }
}
