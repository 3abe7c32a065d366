import ManifestLintFindings

/// `jest.mock('@pulumi/pulumi', () => ({ ... }))` in a test file: the members
/// the factory's object literal provides, and what the modules under test use.
public struct PulumiMock {
    public var module: JSModule
    /// The `jest` token of the call, and the mocked package.
    public var callToken: Int
    public var package: String
    /// The object literal the factory returns: its `{` and `}` tokens.
    var objectOpen: Int
    public var objectClose: Int
    /// Member paths the literal provides ("all", "s3.Bucket"); nested objects give their own members.
    public var members: Set<String>
    /// Paths whose value is an object literal (their members are listed one by
    /// one), with the `}` that closes it (where a missing member goes).
    public var namespaces: [String: Int]

    /// The mocks of @pulumi/* packages in a test file whose factory is a plain object literal
    /// (one that spreads anything, such as jest.requireActual, is complete by construction).
    public static func mocks(in module: JSModule) -> [PulumiMock] {
        var result: [PulumiMock] = []
        for index in module.tokens.indices where module.isIdentifier(index, "jest") && module.isPunctuator(index + 1, ".")
            && (module.isIdentifier(index + 2, "mock") || module.isIdentifier(index + 2, "unstable_mockModule")) && module.isPunctuator(index + 3, "(") {
            guard let package = module.stringValue(index + 4), PulumiPackages.isPulumiScoped(package),
                  module.isPunctuator(index + 5, ","), let (open, close) = factoryObject(after: index + 6, in: module) else { continue }
            var mock = PulumiMock(module: module, callToken: index, package: package, objectOpen: open, objectClose: close, members: [], namespaces: [:])
            guard mock.collect(open: open, close: close, prefix: "") else { continue }
            result.append(mock)
        }
        return result
    }

    /// The object literal returned by `() => ({...})`, `() => { return {...} }` or `function () { return {...} }`.
    private static func factoryObject(after start: Int, in module: JSModule) -> (Int, Int)? {
        var index = start
        if module.isIdentifier(index, "function") {
            while index < module.tokens.count && !module.isPunctuator(index, "{") { index += 1 }
        } else {
            guard module.isPunctuator(index, "("), let close = module.closing(index), module.isPunctuator(close + 1, "=>") else { return nil }
            index = close + 2
            if module.isPunctuator(index, "("), module.isPunctuator(index + 1, "{") {
                guard let end = module.closing(index + 1) else { return nil }
                return (index + 1, end)
            }
        }
        guard module.isPunctuator(index, "{"), let blockEnd = module.closing(index) else { return nil }
        // A block body: the object its single `return` gives.
        let returns = (index..<blockEnd).filter { module.isIdentifier($0, "return") }
        guard returns.count == 1, let returned = returns.first, module.isPunctuator(returned + 1, "{"),
              let end = module.closing(returned + 1) else { return nil }
        return (returned + 1, end)
    }

    /// Collects the members of an object literal; false when it spreads something.
    private mutating func collect(open: Int, close: Int, prefix: String) -> Bool {
        for member in ResourceNames.topLevelSplit(module, from: open + 1, to: close) {
            var key = member.lowerBound
            if module.isPunctuator(key, "...") { return false }
            // `get Vpc() { ... }`, `async f() {}`, `*g() {}`: the name follows.
            if module.isIdentifier(key, "get") || module.isIdentifier(key, "set") || module.isIdentifier(key, "async") || module.isPunctuator(key, "*"),
               key + 1 < member.upperBound, !module.isPunctuator(key + 1, "("), !module.isPunctuator(key + 1, ":"), !module.isPunctuator(key + 1, ",") {
                key += 1
            }
            let name: String
            switch module.tokens[key].kind {
            case .identifier: name = module.text(key)
            case .string: name = module.stringValue(key) ?? ""
            case .punctuator where module.text(key) == "[": return false // a computed key: cannot tell
            default: continue
            }
            let path = prefix.isEmpty ? name : prefix + "." + name
            members.insert(path)
            if module.isPunctuator(key + 1, ":"), module.isPunctuator(key + 2, "{"), let end = module.closing(key + 2), end + 1 == member.upperBound {
                namespaces[path] = end
                guard collect(open: key + 2, close: end, prefix: path) else { return false }
            }
        }
        return true
    }

    /// A use of the mocked package in the code under test: the members it
    /// reads, in order (`["iam", "Role"]` for `aws.iam.Role`), and its tokens.
    public struct Use {
        public var chain: [String]
        /// The binding's token, and the last member's.
        public var first: Int
        public var last: Int
    }

    /// The uses of the mocked package in `user` at the tokens `counts` accepts (code that runs).
    public func uses(in user: JSModule, counts: (Int) -> Bool) -> [Use] {
        var result: [Use] = []
        for (local, binding) in user.bindings where binding.module == package {
            for index in user.tokens.indices where user.isIdentifier(index, named: local) && !user.isPunctuator(index - 1, ".") {
                guard counts(index), !(index > 0 && user.isIdentifier(index - 1, "import")) else { continue }
                var chain = binding.path
                var last = index
                while user.isPunctuator(last + 1, ".") || user.isPunctuator(last + 1, "?."), user.tokens.indices.contains(last + 2),
                      user.tokens[last + 2].kind == .identifier {
                    chain.append(user.text(last + 2))
                    last += 2
                }
                guard !chain.isEmpty else { continue }
                // The binding's own declaration (`import { all } from`, `const { all } = require`) is not a use.
                if binding.path.count == chain.count, user.isPunctuator(index + 1, ",") || user.isPunctuator(index + 1, "}")
                    || user.isIdentifier(index + 1, "as") || user.isPunctuator(index + 1, ":") { continue }
                result.append(Use(chain: chain, first: index, last: last))
            }
        }
        return result
    }

    /// The first member of a use's chain that the mock lacks, with how deep it
    /// is; nil when the mock provides it (or a member that is not an object
    /// literal stands before it: what it holds is not known).
    public func missing(in use: Use) -> Int? {
        for depth in use.chain.indices {
            let path = use.chain[...depth].joined(separator: ".")
            guard members.contains(path) else { return depth }
            guard namespaces[path] != nil else { return nil }
        }
        return nil
    }
}
