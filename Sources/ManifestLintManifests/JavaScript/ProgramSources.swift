import ManifestLintFindings

/// The program's source modules, read and tokenized once: those reachable
/// from the entry point through relative imports, and the test files (jest's
/// configuration, or its default patterns) with what they import.
public final class ProgramSources {
    static let maximumModules = 2_000

    private let tree: any FileTree
    private let projectDirectory: String
    private let jest: JestConfiguration
    /// Sized for a typical program, so that it does not grow table by table.
    private var modules = [String: JSModule?](minimumCapacity: 16)

    public init(tree: any FileTree, projectDirectory: String, jest: JestConfiguration) {
        self.tree = tree
        self.projectDirectory = projectDirectory
        self.jest = jest
    }

    /// The module at a path (nil when it is not a JavaScript/TypeScript file that can be read).
    /// With `mentioning`, a file whose bytes lack that text is neither tokenized nor kept.
    public func module(_ path: String, mentioning text: String? = nil) -> JSModule? {
        if let cached = modules[path] { return cached }
        var module: JSModule?
        if ModuleExtensions.isModule(path), !path.hasByteSuffix(".d.ts"), let bytes = tree.read(path),
           bytes.count <= InputGuard.maximumSize, !bytes.containsNUL {
            if let text, !text.withBytes(bytes.contains(bytesOf:)) { return nil }
            module = JSModule(file: SourceFile(path: path, bytes: bytes))
        }
        modules[path] = .some(module)
        return module
    }

    /// The bytes of a module read already, if it was.
    public func loadedBytes(of path: String) -> [UInt8]? {
        modules[path]??.file.bytes
    }

    /// The modules read so far, in no particular order.
    public var loadedModules: [JSModule] {
        modules.values.compactMap { $0 }
    }

    /// The walks made so far, by their roots: several rules ask for the
    /// modules reachable from the entry point, and a walk resolves every import again.
    private var walks: [(roots: [String], modules: [JSModule])] = []

    /// Every module reachable from `roots` through relative imports, roots first.
    public func reachable(from roots: [String]) -> [JSModule] {
        if let walk = walks.first(where: { $0.roots == roots }) { return walk.modules }
        let result = walk(from: roots)
        walks.append((roots, result))
        return result
    }

    private func walk(from roots: [String]) -> [JSModule] {
        var result: [JSModule] = []
        var seen = Set<String>(minimumCapacity: 16)
        var pending = roots
        while let path = pending.first, result.count < Self.maximumModules {
            pending.removeFirst()
            guard seen.insert(path).inserted, let module = module(path) else { continue }
            result.append(module)
            for (specifier, _) in module.imports {
                if let target = module.resolve(specifier, tree: tree), !seen.contains(target) { pending.append(target) }
            }
        }
        return result
    }

    /// The files jest runs as tests, in jest's roots, within the project: a
    /// root outside it (`<rootDir>/..`) is never walked, so nothing outside
    /// the project is read, reported or fixed.
    public func testFiles() -> [String] {
        var result: [String] = []
        let starts = jest.roots.compactMap { root -> String? in
            if Path.isInside(root, projectDirectory) { return root }
            return Path.isInside(projectDirectory, root) ? projectDirectory : nil
        }
        // A start inside another is walked with it; a start given twice is walked once.
        var pending: [String] = []
        for start in starts.sorted() where pending.last != start && !starts.contains(where: { $0 != start && Path.isInside(start, $0) }) {
            pending.append(start)
        }
        var visited = 0
        while let directory = pending.popLast(), visited < 20_000 {
            let inTestsDirectory = directory.containsBytes(of: "__tests__")
            for entry in tree.list(directory) ?? [] {
                visited += 1
                if entry.kind == .directory {
                    if entry.isWalkableDirectory { pending.append(Path.join(directory, entry.name)) }
                } else if jest.mayBeTest(named: entry.name, inTestsDirectory: inTestsDirectory) {
                    let path = Path.join(directory, entry.name)
                    if jest.isTest(path) { result.append(path) }
                }
            }
        }
        return result.sorted()
    }
}
