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
    static func dependencyNames(of root: Node) -> Set<String> {
        var names = Set<String>()
        var fieldsSeen: [String] = []
        // The last of repeated fields counts, as JSON.parse keeps it.
        for entry in (root.entries ?? []).reversed() {
            // Every dependency field ends in "ependencies": other fields are passed over without hashing their names.
            guard let field = entry.name, field.hasByteSuffix("ependencies"), dependencyFields.contains(field),
                  !fieldsSeen.contains(field) else { continue }
            fieldsSeen.append(field)
            guard let dependencies = entry.value.entries else { continue }
            names.reserveCapacity(names.count + dependencies.count)
            for dependency in dependencies {
                if let name = dependency.name { names.insert(name) }
            }
        }
        return names
    }

    static let dependencyFields: Set<String> = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]
}
