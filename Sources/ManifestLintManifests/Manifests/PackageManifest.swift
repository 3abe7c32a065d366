import ManifestLintFindings

/// A typed view of a package.json (a class: copies are one reference).
public final class PackageManifest: Sendable {
    public let document: LoadedDocument
    /// The package root: the directory holding package.json.
    public let directory: String

    public init(document: LoadedDocument, directory: String) {
        self.document = document
        self.directory = directory
    }

    public var file: SourceFile { document.file }
    public var root: Node? { document.mappingRoot }

    /// `"type": "module"` makes .js files ES modules.
    public var isModule: Bool { root?["type"]?.string == "module" }

    public var main: Node? {
        guard let main = root?["main"], main.string != nil else { return nil }
        return main
    }

    public var exports: Node? { root?["exports"] }

    /// Each `bin` entry: the object form, or the string form named after the
    /// package (without its scope), as npm links it.
    public var binEntries: [(name: String, value: Node)] {
        guard let bin = root?["bin"] else { return [] }
        if bin.string != nil {
            let packageName = root?["name"]?.string ?? ""
            let unscoped = packageName.split(separator: "/").last.map(String.init) ?? packageName
            return [(unscoped, bin)]
        }
        return (bin.entries ?? []).compactMap { entry in
            guard let name = entry.name, entry.value.string != nil else { return nil }
            return (name, entry.value)
        }
    }

    /// Names in dependencies, devDependencies, peerDependencies and optionalDependencies.
    public var dependencyNames: Set<String> {
        root.map(Self.dependencyNames) ?? []
    }

    /// The dependency names of a package.json's top-level object.
    public static func dependencyNames(of root: Node) -> Set<String> {
        let entries = root.entries ?? []
        // The last of repeated fields counts, as JSON.parse keeps it: each field's last entry, found first.
        var lastOfField: [Int?] = Array(repeating: nil, count: dependencyFields.count)
        for index in entries.indices.reversed() {
            // Every dependency field ends in "ependencies": other fields are passed over without comparing their names.
            guard let field = entries[index].name, field.hasByteSuffix("ependencies"),
                  let fieldIndex = dependencyFields.firstIndex(of: field), lastOfField[fieldIndex] == nil else { continue }
            lastOfField[fieldIndex] = index
        }
        // Room for every name at once: growing the set rehashes what it holds.
        let count = lastOfField.reduce(0) { $0 + ($1.flatMap { entries[$0].value.entries?.count } ?? 0) }
        var names = Set<String>(minimumCapacity: count)
        for case let index? in lastOfField {
            for dependency in entries[index].value.entries ?? [] {
                if let name = dependency.name { names.insert(name) }
            }
        }
        return names
    }

    /// Each package listed in both `dependencies` and `devDependencies`, with its two entries.
    public var entriesInDependenciesAndDevDependencies: [(runtime: MappingEntry, dev: MappingEntry)] {
        guard let root else { return [] }
        let runtime = root["dependencies"]?.entries ?? []
        // A few runtime dependencies are searched; a set, which costs more to build, only pays for many.
        let runtimeNames: Set<String>? = runtime.count > 16 ? Set(runtime.compactMap(\.name)) : nil
        return (root["devDependencies"]?.entries ?? []).compactMap { dev in
            guard let name = dev.name, runtimeNames?.contains(name) ?? runtime.contains(where: { $0.name == name }),
                  let runtimeEntry = root["dependencies"]?.entry(name) else { return nil }
            return (runtimeEntry, dev)
        }
    }

    /// The fields that declare dependencies.
    private static let dependencyFields = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]
}
