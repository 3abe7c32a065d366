import ManifestLintFindings

/// A resource construction in a Python program: `aws.s3.Bucket("name", bucket=...)`.
public struct PythonResourceConstruction {
    public var module: PythonModule
    /// The callee as written (`aws.s3.Bucket`).
    public var callee: String
    /// The class it resolves to through the module's imports (`pulumi_aws:s3.Bucket`, `<file>#<class>`).
    public var resolvedClass: String
    /// The tokens of the logical name: the first positional argument, or `resource_name=`.
    public var nameArgument: Range<Int>?
    /// The tokens of each keyword argument.
    public var keywords: [(key: String, value: Range<Int>)]
    /// The tokens of every argument, the callee's first token, and the closing `)`.
    public var arguments: [Range<Int>]
    public var start: Int
    public var close: Int
}

/// Finds the resources a Python program constructs and whether their names
/// change on every run, as `ResourceNames` does for JavaScript.
public struct PythonResourceNames {
    /// Keyword arguments that set a cloud resource's physical name.
    public static let physicalNameKeywords: Set<String> = [
        "bucket", "bucket_prefix", "name", "name_prefix", "function_name", "role_name", "table_name", "queue_name", "topic_name",
        "cluster_identifier", "cluster_name", "repository_name", "stream_name", "user_name", "group_name", "policy_name",
        "identifier", "db_name", "domain_name", "key_name", "secret_name", "log_group_name", "rule_name", "service_name", "app_name",
        "account_id", "project_id", "dataset_id", "instance_name", "resource_group_name", "storage_account_name",
    ]

    let modules: [PythonModule]
    let programDirectory: String
    let tree: any FileTree
    /// The program's ComponentResource subclasses, by module path and class name.
    private let components: Set<String>

    private struct ValueKey: Hashable {
        var file: String
        var start: Int
        var depth: Int
    }

    /// What each followed value was found to hold (nil: nothing that changes).
    private final class ValueCache {
        var values: [ValueKey: String?] = [:]
    }

    private let cache = ValueCache()

    public init(modules: [PythonModule], programDirectory: String, tree: any FileTree) {
        self.modules = modules
        self.programDirectory = programDirectory
        self.tree = tree
        var components = Set<String>()
        for module in modules {
            for index in module.tokens.indices where module.isName(index, "class") && module.isOp(index + 2, "(") {
                guard let close = module.closing(index + 2) else { continue }
                let bases = (index + 3..<close).map { module.text($0) }.joined()
                if bases.hasSuffix("ComponentResource") { components.insert(module.file.path + "#" + module.text(index + 1)) }
            }
        }
        self.components = components
    }

    public func constructions() -> [PythonResourceConstruction] {
        var result: [PythonResourceConstruction] = []
        for module in modules {
            for index in module.tokens.indices where module.tokens[index].kind == .name && !module.isOp(index - 1, ".")
                && !module.isName(index - 1, "def") && !module.isName(index - 1, "class") {
                var end = index
                while module.isOp(end + 1, "."), module.tokens.indices.contains(end + 2), module.tokens[end + 2].kind == .name { end += 2 }
                // A call of a capitalized name, checked on the bytes before any string is made.
                guard module.isOp(end + 1, "("), module.startsWithUppercase(end) else { continue }
                let parts = stride(from: index, through: end, by: 2).map { module.text($0) }
                guard let close = module.closing(end + 1), let resolved = resourceClass(parts, in: module) else { continue }
                result.append(construction(module, callee: parts.joined(separator: "."), resolvedClass: resolved, start: index,
                                           open: end + 1, close: close))
            }
        }
        return result
    }

    /// A class of a Pulumi package (`pulumi_aws.s3.Bucket`, the base classes of
    /// `pulumi`), or a ComponentResource subclass of the program.
    /// The class the callee resolves to, when it builds a resource: `pulumi_aws:s3.Bucket`
    /// (the module's dotted path and the names after it), or `<file>#<class>` for a component.
    private func resourceClass(_ parts: [String], in module: PythonModule) -> String? {
        // Input types (`aws.ec2.SecurityGroupIngressArgs`) are classes too, but build no resource.
        guard let last = parts.last, let first = last.first, first.isUppercase, !last.hasSuffix("Args") else { return nil }
        if parts.count == 1, components.contains(module.file.path + "#" + last) { return module.file.path + "#" + last }
        guard let binding = module.bindings[parts[0]] else { return nil }
        if binding.level == 0 {
            let modulePath = binding.module.split(separator: ".").map(String.init)
            let package = modulePath.first ?? ""
            let members = modulePath.dropFirst() + binding.path + parts.dropFirst()
            if package == "pulumi" {
                return ["ComponentResource", "CustomResource", "StackReference"].contains(last) ? "pulumi:" + members.joined(separator: ".") : nil
            }
            if package.hasPrefix("pulumi_") { return package + ":" + members.joined(separator: ".") }
        }
        // A component class imported from another module of the program.
        guard parts.count == 1, let name = binding.path.last, let file = definingFile(of: binding, in: module),
              components.contains(file + "#" + name) else { return nil }
        return file + "#" + name
    }

    private func construction(_ module: PythonModule, callee: String, resolvedClass: String, start: Int, open: Int, close: Int) -> PythonResourceConstruction {
        var nameArgument: Range<Int>?
        var keywords: [(String, Range<Int>)] = []
        let arguments = module.topLevelSplit(from: open + 1, to: close).filter { !$0.isEmpty }
        for argument in arguments {
            if module.tokens[argument.lowerBound].kind == .name, module.isOp(argument.lowerBound + 1, "=") {
                let key = module.text(argument.lowerBound)
                let value = (argument.lowerBound + 2)..<argument.upperBound
                if key == "resource_name" { nameArgument = value } else { keywords.append((key, value)) }
            } else if nameArgument == nil, !module.isOp(argument.lowerBound, "*"), !module.isOp(argument.lowerBound, "**") {
                nameArgument = argument
            }
        }
        return PythonResourceConstruction(module: module, callee: callee, resolvedClass: resolvedClass, nameArgument: nameArgument,
                                          keywords: keywords, arguments: arguments, start: start, close: close)
    }

    // MARK: Values that change on every run

    private static let maximumDepth = 8

    /// The first value in the tokens that changes on every run, followed
    /// through assignments and the return values of functions of the program.
    public func changingValue(in range: Range<Int>, of module: PythonModule, depth: Int = 0) -> String? {
        guard depth < Self.maximumDepth else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard module.tokens[index].kind == .name, !module.isOp(index - 1, ".") else { continue }
            // A keyword argument's name (`f(name=…)`) is no value.
            if module.isOp(index + 1, "=") { continue }
            if let what = changingCall(at: index, in: module) { return what }
            let name = module.text(index)
            for (value, owner) in definitions(of: name, at: index, in: module) {
                // Every resource of a module reads the same few names (`env`, `prefix`): each value is worked out once.
                let key = ValueKey(file: owner.file.path, start: value.lowerBound, depth: depth + 1)
                let inner: String?
                if let known = cache.values[key] {
                    inner = known
                } else {
                    inner = changingValue(in: value, of: owner, depth: depth + 1)
                    cache.values[key] = .some(inner)
                }
                if let inner { return "\(name) = … \(inner)" }
            }
        }
        return nil
    }

    /// What a name stands for: the value of its single assignment in the
    /// module, or the values a function of that name returns; through an
    /// import, in the module of the program that defines it.
    private func definitions(of name: String, at index: Int, in module: PythonModule) -> [(Range<Int>, PythonModule)] {
        let isCall = module.isOp(index + 1, "(")
        if let binding = module.bindings[name] {
            // `from .naming import suffix`, or `naming.suffix` after `import naming`.
            var path = binding.path
            var end = index
            while module.isOp(end + 1, "."), module.tokens.indices.contains(end + 2) {
                path.append(module.text(end + 2))
                end += 2
            }
            guard let member = path.last, let file = definingFile(of: binding, in: module, through: path.dropLast()),
                  let owner = modules.first(where: { $0.file.path == file }) else { return [] }
            return values(of: member, in: owner, called: module.isOp(end + 1, "("))
        }
        return values(of: name, in: module, called: isCall)
    }

    /// What a name of `module` holds: the values its function returns when it is called, else its single assignment.
    private func values(of name: String, in module: PythonModule, called: Bool) -> [(Range<Int>, PythonModule)] {
        if called { return (module.returnedValues(of: name) ?? []).map { ($0, module) } }
        guard let assigned = module.assignments[name] else { return [] }
        // What a Pulumi package gives (`bucket = aws.s3.Bucket(…)`, then `bucket.id`; `pulumi.Config()`) is no name that changes.
        if module.tokens[assigned.lowerBound].kind == .name,
           let binding = module.bindings[module.text(assigned.lowerBound)], binding.level == 0, binding.module.hasPrefix("pulumi") { return [] }
        return [(assigned, module)]
    }

    /// The program file that defines what a binding names: the module it
    /// imports, or for `from pkg import name`, pkg itself (name is then a member of it).
    private func definingFile(of binding: PythonModule.Binding, in module: PythonModule, through extra: ArraySlice<String> = []) -> String? {
        var parts = binding.module.split(separator: ".").map(String.init)
        if binding.path.isEmpty { parts += extra } else { parts += binding.path.dropLast() }
        let anImport = PythonModule.Import(module: parts.joined(separator: "."), level: binding.level, names: [], span: Span(0, 0))
        return module.files(of: anImport, programDirectory: programDirectory, tree: tree).last
    }

    /// `time.time()`, `datetime.now()`, `uuid.uuid4()`, `random.*()`, `secrets.*()`, `os.urandom()` at `index`, through the module's imports.
    private func changingCall(at index: Int, in module: PythonModule) -> String? {
        guard let binding = module.bindings[module.text(index)], binding.level == 0 else { return nil }
        var members = binding.path
        var written = [module.text(index)]
        var end = index
        while module.isOp(end + 1, "."), module.tokens.indices.contains(end + 2), module.tokens[end + 2].kind == .name {
            members.append(module.text(end + 2))
            written.append(module.text(end + 2))
            end += 2
        }
        guard module.isOp(end + 1, "("), let close = module.closing(end + 1) else { return nil }
        let package = binding.module.split(separator: ".").first.map(String.init) ?? ""
        let shown = written.joined(separator: ".") + "()"
        switch package {
        case "time":
            return ["time", "time_ns"].contains(members.last ?? "") ? shown : nil
        case "datetime":
            guard ["now", "utcnow", "today"].contains(members.last ?? "") else { return nil }
            return isCalendarPart(after: close, in: module) ? nil : shown
        case "uuid":
            return ["uuid1", "uuid4"].contains(members.last ?? "") ? shown : nil
        case "random", "secrets":
            return members.isEmpty || members.last == "seed" ? nil : shown
        case "os":
            return members == ["urandom"] ? shown : nil
        default:
            return nil
        }
    }

    /// `.year`, `.month`, `.day`, `.date()`, or `.strftime("%Y-%m")` of only
    /// dates after a call: the same for a year, a month or a day, often on purpose.
    private func isCalendarPart(after close: Int, in module: PythonModule) -> Bool {
        guard module.isOp(close + 1, ".") else { return false }
        let member = module.text(close + 2)
        if ["year", "month", "day", "date", "isocalendar"].contains(member) { return true }
        guard member == "strftime", module.isOp(close + 3, "("), module.tokens.indices.contains(close + 4),
              module.tokens[close + 4].kind == .string else { return false }
        let format = module.text(close + 4)
        let directives = format.split(separator: "%").dropFirst().compactMap(\.first)
        return !directives.isEmpty && directives.allSatisfy { "YmdyBbjUWGVu".contains($0) }
    }
}
