import ManifestLintGraph

/// A resource construction of the base revision and the one that took its
/// place in the change, in the same file of the same project: renamed, built
/// with another class, or given another parent.
struct ResourcePair {
    var old: any ResourceCall
    var new: any ResourceCall

    /// The old call had `protect: true`: deleting it fails the update.
    var oldIsProtected: Bool {
        if case .known(_, let protected, _) = old.options { return protected }
        return false
    }

    /// The new call's options set `aliases`, which keep the old resource.
    var newHasAliases: Bool {
        if case .known(true, _, _) = new.options { return true }
        return false
    }

    /// What `pulumi up` does when the new URN has no alias of the old one.
    var outcome: String {
        oldIsProtected ? "`pulumi up` creates the new resource, then fails to delete the old one"
            : "`pulumi up` creates the new resource, then deletes the old one and what it holds"
    }
}

/// The constructions of a change: those it renamed, and those whose class changed under the same name.
struct ResourceChangeSet {
    var renamed: [ResourcePair] = []
    var retyped: [ResourcePair] = []
    var reparented: [ResourcePair] = []

    /// What changed between a file's constructions at the base and now.
    mutating func add(old: [any ResourceCall], new: [any ResourceCall]) {
        renamed += ResourceChanges.pairs(old: old, new: new)
        retyped += ResourceChanges.retyped(old: old, new: new)
        reparented += ResourceChanges.reparented(old: old, new: new)
    }
}

/// The constructions a change renamed, for resource-renamed-without-alias:
/// the program's modules that differ from the base revision, read on both
/// sides. Without a base (no git, no HEAD, no --base), there are none.
enum ResourceChanges: ProjectFact {
    static func compute(for graph: ProjectGraph) -> ResourceChangeSet {
        guard let base = graph.base, !base.changedPaths.isEmpty else { return ResourceChangeSet() }
        if graph.isPythonRuntime {
            let entries = graph.pythonEntryFiles
            guard !entries.isEmpty else { return ResourceChangeSet() }
            return changes(graph.pythonSources.reachable(from: entries), base: base, file: \.file, parse: PythonModule.init(file:)) {
                PythonResourceNames(modules: $0, programDirectory: graph.programDirectory, tree: graph.tree).constructions()
            }
        }
        guard graph.isNodeRuntime else { return ResourceChangeSet() }
        let entries = graph.programSourceFiles
        guard !entries.isEmpty else { return ResourceChangeSet() }
        return changes(graph.programSources.reachable(from: entries), base: base, file: \.file, parse: JSModule.init(file:)) {
            ResourceNames.constructions(in: $0, tree: graph.tree)
        }
    }

    /// The changes in the modules that differ from the base: each one's
    /// constructions at the base (read with the program's other modules, which
    /// may declare the component classes it builds) against its constructions now.
    private static func changes<Module>(_ modules: [Module], base: any BaseRevision, file: (Module) -> SourceFile,
                                        parse: (SourceFile) -> Module,
                                        constructions: ([Module]) -> [any ResourceCall]) -> ResourceChangeSet {
        let changed = modules.filter { base.changedPaths.contains(file($0).path) }
        guard !changed.isEmpty else { return ResourceChangeSet() }
        let current = constructions(modules)
        var changes = ResourceChangeSet()
        for module in changed {
            let path = file(module).path
            guard let bytes = base.read(path) else { continue }
            let oldFile = SourceFile(path: path, bytes: bytes)
            let others = modules.filter { file($0) !== file(module) }
            changes.add(old: constructions([parse(oldFile)] + others).filter { $0.file === oldFile },
                        new: current.filter { $0.file === file(module) })
        }
        return changes
    }

    /// A removed and an added construction with the same name (as written)
    /// and the same binding (or none), whose classes differ: `aws.s3.Bucket`
    /// become `aws.s3.BucketV2`. Classes are compared as resolved through the
    /// imports, so an import written another way is no change.
    static func retyped(old: [any ResourceCall], new: [any ResourceCall]) -> [ResourcePair] {
        let oldIdentities = Set(old.map(identity))
        let newIdentities = Set(new.map(identity))
        var added = new.filter { !oldIdentities.contains(identity($0)) }
        var result: [ResourcePair] = []
        for construction in old where !newIdentities.contains(identity(construction)) {
            guard let name = construction.nameShape?.source,
                  let index = added.firstIndex(where: { $0.resolvedClass != construction.resolvedClass
                      && $0.nameShape?.source == name && $0.bindingKey == construction.bindingKey }) else { continue }
            result.append(ResourcePair(old: construction, new: added.remove(at: index)))
        }
        return result
    }

    /// A construction on both sides (the one of its class and name in the
    /// file) whose `parent` was added, removed, or now names a resource of
    /// another class (a variable of the file bound to a construction).
    /// Options that cannot be read, or parents that cannot be resolved, keep it silent.
    static func reparented(old: [any ResourceCall], new: [any ResourceCall]) -> [ResourcePair] {
        var result: [ResourcePair] = []
        let newByIdentity = Dictionary(grouping: new, by: identity)
        let oldByIdentity = Dictionary(grouping: old, by: identity)
        for construction in old where construction.nameShape != nil {
            guard oldByIdentity[identity(construction)]?.count == 1, let matches = newByIdentity[identity(construction)], matches.count == 1,
                  let before = construction.parent, let after = matches[0].parent, before != after else { continue }
            switch (before, after) {
            case (.none, .expression), (.expression, .none):
                result.append(ResourcePair(old: construction, new: matches[0]))
            case (.expression(let a), .expression(let b)):
                guard let first = parentClass(a, in: old), let second = parentClass(b, in: new), first != second else { continue }
                result.append(ResourcePair(old: construction, new: matches[0]))
            case (.none, .none):
                continue
            }
        }
        return result
    }

    /// The class of the construction a parent expression names: a variable of the file bound to one.
    private static func parentClass(_ expression: String, in constructions: [any ResourceCall]) -> String? {
        let bound = constructions.filter { $0.bindingKey == "var:\(expression)" }
        return bound.count == 1 ? bound[0].resolvedClass : nil
    }

    /// A construction's identity in a file: its class and its name as written.
    private static func identity(_ construction: any ResourceCall) -> String {
        construction.resolvedClass + "\u{0}" + (construction.nameShape?.source ?? "")
    }

    /// Calls that exist on one side only (by class and name), paired as the
    /// rule's documentation says: certain by binding or by position with the
    /// same other arguments; likely when each side has one of that class and
    /// their arguments are alike.
    static func pairs(old: [any ResourceCall], new: [any ResourceCall]) -> [ResourcePair] {
        let oldIdentities = Set(old.map(identity))
        let newIdentities = Set(new.map(identity))
        let removed = old.indices.filter { !newIdentities.contains(identity(old[$0])) }
        var added = new.indices.filter { !oldIdentities.contains(identity(new[$0])) }
        var result: [ResourcePair] = []
        for oldIndex in removed {
            let construction = old[oldIndex]
            let candidates = added.filter { new[$0].resolvedClass == construction.resolvedClass }
            guard !candidates.isEmpty else { continue }
            var chosen: Int?
            if let key = construction.bindingKey, let match = candidates.first(where: { new[$0].bindingKey == key }) {
                chosen = match
            } else if let match = candidates.first(where: { position(of: $0, in: new) == position(of: oldIndex, in: old)
                && new[$0].otherArguments == construction.otherArguments }) {
                chosen = match
            } else if candidates.count == 1,
                      removed.count(where: { old[$0].resolvedClass == construction.resolvedClass }) == 1,
                      alike(construction, new[candidates[0]]) {
                chosen = candidates[0]
            }
            guard let newIndex = chosen else { continue }
            added.removeAll { $0 == newIndex }
            result.append(ResourcePair(old: construction, new: new[newIndex]))
        }
        return result
    }

    /// Where a construction stands among those of its class in its file.
    private static func position(of index: Int, in constructions: [any ResourceCall]) -> Int {
        constructions[..<index].count { $0.resolvedClass == constructions[index].resolvedClass }
    }

    /// Alike enough to be one resource renamed: as many arguments, and at
    /// least half of the args object's keys in common (Jaccard index ≥ 0.5;
    /// two calls without keys are alike).
    static func alike(_ old: any ResourceCall, _ new: any ResourceCall) -> Bool {
        guard old.otherArguments.count == new.otherArguments.count else { return false }
        let a = old.propertyKeys, b = new.propertyKeys
        guard !a.isEmpty || !b.isEmpty else { return true }
        return Double(a.intersection(b).count) / Double(a.union(b).count) >= 0.5
    }
}
