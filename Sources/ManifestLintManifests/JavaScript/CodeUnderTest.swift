import ManifestLintFindings

/// What a jest test file runs of the program. It loads what it imports,
/// transitively, except the modules it replaces with a `jest.mock` factory
/// (jest never loads those; an automatic mock, without a factory, does load
/// the real module). A loaded module's top level runs; a function runs when
/// code that runs calls it (`f()`, `new C()`, `this.m()`, `ns.f()`, through
/// imports and re-exports), and a callback when the code around it runs,
/// unless it is given to a mocked module or to `.apply`/`.then`, which may
/// never call it. A function that is only passed around, stored or
/// returned counts as not run: where the reading cannot tell, code does not run.
public struct CodeUnderTest {
    public struct LoadedModule {
        public let module: JSModule
        public let types: TypePositions
        let regions: CodeRegions
        fileprivate(set) var running: [Bool]

        /// Whether the token runs as code (not a type) when the test runs.
        public func runs(_ token: Int) -> Bool {
            guard running.indices.contains(0), token >= 0, token < regions.regionOfToken.count else { return false }
            return running[regions.regionOfToken[token]] && !types[token]
        }
    }

    /// The modules the test loads, the test file first.
    public private(set) var modules: [LoadedModule] = []
    private var indexByPath: [String: Int] = [:]
    /// The resolved paths of the modules the test replaces with a factory.
    private(set) var replacedPaths: Set<String> = []

    private static let deferringMembers: Set<String> = ["apply", "then", "catch", "finally"]

    public init(test testPath: String, sources: ProgramSources, tree: some FileTree) {
        guard let test = sources.module(testPath) else { return }
        replacedPaths = Set(Self.factoryMocks(in: test).compactMap { test.resolve($0, tree: tree) })
        // The modules it loads.
        var pending = [testPath]
        while let path = pending.popLast(), modules.count < ProgramSources.maximumModules {
            guard indexByPath[path] == nil, let module = sources.module(path) else { continue }
            let types = TypePositions.of(module)
            let regions = CodeRegions(module, types: types)
            indexByPath[path] = modules.count
            modules.append(LoadedModule(module: module, types: types, regions: regions,
                                        running: Array(repeating: false, count: regions.regions.count)))
            for (specifier, _) in module.imports {
                if let target = module.resolve(specifier, tree: tree), !replacedPaths.contains(target), indexByPath[target] == nil {
                    pending.append(target)
                }
            }
        }
        let mockedPackages = Set(Self.factoryMocks(in: test).filter { !$0.hasPrefix(".") })
        // What runs: every top level, then what running code calls, until nothing changes.
        var work: [(module: Int, region: Int)] = modules.indices.map { ($0, 0) }
        for index in modules.indices { modules[index].running[0] = true }
        while let (moduleIndex, region) = work.popLast() {
            for (target, targetRegion) in calls(from: region, in: moduleIndex, tree: tree, mockedPackages: mockedPackages)
            where !modules[target].running[targetRegion] {
                modules[target].running[targetRegion] = true
                work.append((target, targetRegion))
            }
        }
    }

    /// The loaded module at a path, if the test loads it.
    public func loaded(_ path: String) -> LoadedModule? {
        indexByPath[path].map { modules[$0] }
    }

    /// The specifiers a test replaces with a factory: `jest.mock('x', () => ...)`.
    static func factoryMocks(in test: JSModule) -> [String] {
        test.tokens.indices.compactMap { index in
            guard test.isIdentifier(index, "jest"), test.isPunctuator(index + 1, "."),
                  test.isIdentifier(index + 2, "mock") || test.isIdentifier(index + 2, "unstable_mockModule") || test.isIdentifier(index + 2, "doMock"),
                  test.isPunctuator(index + 3, "("), let specifier = test.stringValue(index + 4), test.isPunctuator(index + 5, ",") else { return nil }
            return specifier
        }
    }

    // MARK: Calls

    /// The regions that running `region` of a module makes run: its callbacks, and what it calls.
    private func calls(from region: Int, in moduleIndex: Int, tree: some FileTree, mockedPackages: Set<String>) -> [(Int, Int)] {
        let loaded = modules[moduleIndex]
        let module = loaded.module
        let regions = loaded.regions
        var result: [(Int, Int)] = []
        // Callbacks written in it run with it, unless given to something that may never call them.
        for (child, candidate) in regions.regions.enumerated() where child != 0 && candidate.parent == region {
            guard case .callback(let root, let member) = candidate.kind else { continue }
            if let member, Self.deferringMembers.contains(member) { continue }
            if let root, root == "jest" || isMocked(binding: module.bindings[root], in: module, tree: tree, mockedPackages: mockedPackages) { continue }
            result.append((moduleIndex, child))
        }
        for index in regions.regions[region].tokens where regions.regionOfToken[index] == region && module.tokens[index].kind == .identifier {
            // A name being declared (`function f`, `class C`) is not a call.
            guard !module.isPunctuator(index - 1, "."), !loaded.types[index], !module.isIdentifier(index - 1, "function"),
                  !module.isIdentifier(index - 1, "class") else { continue }
            let constructs = module.isIdentifier(index - 1, "new")
            var called = index
            var member: String?
            if module.isPunctuator(index + 1, "."), module.tokens.indices.contains(index + 2), module.tokens[index + 2].kind == .identifier {
                member = module.text(index + 2)
                called = index + 2
            }
            guard constructs || module.isPunctuator(called + 1, "(") || module.isPunctuator(called + 1, "<") else { continue }
            let name = module.text(index)
            if name == "this", let member, let className = regions.enclosingClass(of: region) {
                result += self.regions(in: moduleIndex, where: { $0 == .method(className: className, name: member) })
                continue
            }
            if member == nil {
                let local = self.regions(in: moduleIndex, where: { $0 == .function(name) || $0 == .construction(name) })
                result += local
                for (target, targetRegion) in local {
                    if case .construction(let className) = modules[target].regions.regions[targetRegion].kind {
                        result += superclassConstruction(of: className, in: target, tree: tree)
                    }
                }
            }
            if let binding = module.bindings[name], let path = module.resolve(binding.module, tree: tree) {
                // `f()` of `import { f }`, `ns.f()` of `import * as ns`, `d()` of a default import.
                let exported = binding.path.first ?? member ?? "default"
                result += exports(exported, of: path, tree: tree)
            }
        }
        return result
    }

    /// The regions of a module of the given kind.
    private func regions(in moduleIndex: Int, where matches: (CodeRegions.Kind) -> Bool) -> [(Int, Int)] {
        modules[moduleIndex].regions.regions.indices.filter { matches(modules[moduleIndex].regions.regions[$0].kind) }.map { (moduleIndex, $0) }
    }

    /// What calling or constructing `name` of a module runs: its function or
    /// its class's construction (with its superclasses'), followed through re-exports.
    private func exports(_ name: String, of path: String, tree: some FileTree, depth: Int = 0) -> [(Int, Int)] {
        guard depth < 8, let moduleIndex = indexByPath[path] else { return [] }
        let found = regions(in: moduleIndex, where: { $0 == .function(name) || $0 == .construction(name) })
        if !found.isEmpty {
            return found + (found.contains { if case .construction = modules[$0.0].regions.regions[$0.1].kind { true } else { false } }
                ? superclassConstruction(of: name, in: moduleIndex, tree: tree) : [])
        }
        let module = modules[moduleIndex].module
        return module.reexports.compactMap { module.resolve($0, tree: tree) }.flatMap { exports(name, of: $0, tree: tree, depth: depth + 1) }
    }

    /// What `super()` runs: the construction of the class a class extends, when it is the program's own.
    private func superclassConstruction(of className: String, in moduleIndex: Int, tree: some FileTree) -> [(Int, Int)] {
        let module = modules[moduleIndex].module
        guard let superclass = modules[moduleIndex].regions.superclasses[className] else { return [] }
        if superclass.member == nil {
            let local = regions(in: moduleIndex, where: { $0 == .construction(superclass.root) })
            if !local.isEmpty { return local }
        }
        guard let binding = module.bindings[superclass.root], let path = module.resolve(binding.module, tree: tree) else { return [] }
        return exports(binding.path.first ?? superclass.member ?? "default", of: path, tree: tree)
    }

    /// Whether a binding names a module the test replaces: a mocked package, or a replaced file.
    private func isMocked(binding: JSModule.Binding?, in module: JSModule, tree: some FileTree, mockedPackages: Set<String>) -> Bool {
        guard let binding else { return false }
        if mockedPackages.contains(binding.module) { return true }
        return module.resolve(binding.module, tree: tree).map(replacedPaths.contains) ?? false
    }
}
