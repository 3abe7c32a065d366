import ManifestLintManifests

/// The config namespaces of the providers a project depends on, read from
/// its dependency manifests (package.json, requirements.txt, pyproject.toml,
/// go.mod, .NET project files, Maven and Gradle builds, a YAML program's
/// resource and function tokens), plus the packages and provider plugins
/// Pulumi.yaml declares, and the providers that component packages bring.
public enum ProviderNamespaces {
    /// Component packages and the providers they create, whose config keys
    /// (`aws:region` for awsx) the project sets without depending on them directly.
    static let impliedProviders: [String: Set<String>] = [
        "awsx": ["aws", "docker", "dockerbuild"],
        "eks": ["aws", "kubernetes"],
        "kubernetesx": ["kubernetes"],
        "awsapigateway": ["aws"],
        "awsstaticwebsite": ["aws"],
        "gcpglobalcloudrun": ["gcp"],
        "azurejustrun": ["azurenative"],
    ]

    /// Namespaces compare without case, hyphens or underscores
    /// (`azure-native`, `pulumi_azure_native`, `Pulumi.AzureNative`).
    public static func normalize(_ namespace: String) -> String {
        let ascii = namespace.withBytes { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Most namespaces (aws, gcp, kubernetes) are normal already: no copy.
            if !bytes.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
                return namespace
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            for byte in bytes where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
            return String(decoding: result, as: UTF8.self)
        }
        return ascii ?? String(namespace.lowercased().filter { $0 != "-" && $0 != "_" })
    }

    /// The dependency manifests of other languages, by file name (.NET project files go by extension).
    static let dependencyManifestNames: Set<String> = [
        "requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts",
    ]

    /// Whether package.json declares the namespace's own provider package
    /// (`aws` beside `@pulumi/aws`): the usual case, settled by a look-up or
    /// two before `known` gathers every namespace. `known` then holds it too.
    public static func isProvidedByDirectDependency(_ namespace: String, in graph: ProjectGraph) -> Bool {
        guard let package = graph.package, package.document.parsed else { return false }
        let names = graph.packageDependencyNames
        return PulumiPackages.scopes.contains { names.contains($0 + namespace) }
    }

    /// The normalized namespaces, or nil when no dependency manifest could be read.
    public static func known(in graph: ProjectGraph) -> Set<String>? {
        var namespaces = Set<String>()
        var readAny = false
        if let package = graph.package, package.document.parsed {
            readAny = true
            let installed = graph.tree.isDirectory(Path.join(package.directory, "node_modules"))
            // The package.json files above count too: a workspace library the program uses may bring
            // a provider that the root installs (Node resolves it through the root's node_modules).
            for name in graph.declaredDependencies {
                addNamespaces(ofPackage: name, to: &namespaces)
                if installed { namespaces.formUnion(installedDependencies(of: name, below: package.directory, in: graph)) }
            }
        }
        let directory = graph.location.directory
        for entry in graph.tree.list(directory) ?? [] where entry.kind == .file {
            let name = entry.name
            let isManifest = dependencyManifestNames.contains(name)
                || name.hasByteSuffix(".csproj") || name.hasByteSuffix(".fsproj") || name.hasByteSuffix(".vbproj")
            guard isManifest, let bytes = graph.tree.read(Path.join(directory, name)) else { continue }
            readAny = true
            namespaces.formUnion(fromManifestText(String(decoding: bytes, as: UTF8.self)))
        }
        // Packages and provider plugins declared in the project file configure their own namespace.
        for entry in graph.project.root?["packages"]?.entries ?? [] {
            if let name = entry.name { namespaces.insert(normalize(name)) }
        }
        for plugin in graph.project.root?["plugins"]?["providers"]?.elements ?? [] {
            if let name = plugin["name"]?.string { namespaces.insert(normalize(name)) }
        }
        if graph.runtime == "yaml", let program = graph.yamlProgram() {
            readAny = true
            namespaces.formUnion(tokenNamespaces(in: program))
        }
        for namespace in namespaces { namespaces.formUnion(impliedProviders[namespace] ?? []) }
        return readAny ? namespaces : nil
    }

    /// The @pulumi/* and @pulumiverse/* dependencies of an installed package
    /// (node_modules/<name>/package.json), when it is installed.
    static func installedDependencies(of name: String, below directory: String, in graph: ProjectGraph) -> Set<String> {
        guard PulumiPackages.isPulumiScoped(name), !name.hasSuffix("/pulumi") else { return [] }
        let path = Path.join(directory, "node_modules/\(name)/package.json")
        guard graph.tree.isFile(path), let bytes = graph.tree.read(path),
              let root = JSONLoader.load(SourceFile(path: path, bytes: bytes)).root else { return [] }
        var namespaces = Set<String>()
        for dependency in PackageManifest.dependencyNames(of: root) where PulumiPackages.isPulumiScoped(dependency) {
            addNamespaces(ofPackage: dependency, to: &namespaces)
        }
        return namespaces
    }

    /// The namespaces of every resource `type` and invoked `function` token
    /// (`aws:s3:Bucket` gives aws; `pulumi:providers:gcp` gives gcp).
    static func tokenNamespaces(in program: Node) -> Set<String> {
        var namespaces = Set<String>()
        var pending = [program]
        while let node = pending.popLast() {
            switch node.value {
            case .scalar: break
            case .sequence(let elements): pending.append(contentsOf: elements)
            case .mapping(let entries):
                for entry in entries {
                    if entry.name == "type" || entry.name == "function", let token = entry.value.string {
                        let parts = token.split(separator: ":")
                        if parts.count == 3, parts[0] == "pulumi", parts[1] == "providers" {
                            namespaces.insert(normalize(String(parts[2])))
                        } else if parts.count >= 2 {
                            namespaces.insert(normalize(String(parts[0])))
                        }
                    }
                    pending.append(entry.value)
                }
            }
        }
        return namespaces
    }

    /// Adds the namespaces a package provides: `@pulumi/aws` gives aws; `@pulumiverse/grafana` gives grafana; a
    /// third-party package with "pulumi" in its name gives each word of it,
    /// since its namespace cannot be known for sure.
    static func addNamespaces(ofPackage name: String, to namespaces: inout Set<String>) {
        if let scope = PulumiPackages.scopes.first(where: { name.hasBytePrefix($0) }) {
            // The scope dropped by bytes: dropping characters would break the name into graphemes first.
            namespaces.insert(normalize(String(decoding: name.utf8.dropFirst(scope.utf8.count), as: UTF8.self)))
            return
        }
        // npm package names are ASCII (new ones lower case): ASCII case folding is enough.
        guard name.containsASCIICaseInsensitive("pulumi") else { return }
        for word in name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let normalized = normalize(String(word))
            if normalized != "pulumi" && normalized != "pulumiverse" { namespaces.insert(normalized) }
        }
    }

    /// Scans manifest text for `pulumi-X` / `pulumi_X` (Python, Go module
    /// paths), `Pulumi.X` (.NET) and `com.pulumi:X` / `<artifactId>X` (Java).
    static func fromManifestText(_ text: String) -> Set<String> {
        var namespaces = Set<String>()
        let characters = Array(text)
        var index = 0
        func word(from start: Int) -> String {
            var end = start
            while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "-" || characters[end] == "_" {
                end += 1
            }
            return String(characters[start..<end])
        }
        while index < characters.count {
            let rest = characters.count - index
            if rest > 7, characters[index] == "p" || characters[index] == "P" {
                let prefix = String(characters[index..<index + 7]).lowercased()
                let separator = characters[index + 6]
                if prefix.hasPrefix("pulumi"), separator == "-" || separator == "_" || separator == "." {
                    let name = word(from: index + 7)
                    let normalized = normalize(name)
                    if !normalized.isEmpty, normalized != "pulumi", !normalized.hasPrefix("sdk") {
                        namespaces.insert(normalized)
                    }
                }
            }
            if rest > 11, String(characters[index..<index + 11]) == "com.pulumi:" {
                namespaces.insert(normalize(word(from: index + 11)))
            }
            if rest > 12, String(characters[index..<index + 12]) == "<artifactId>" {
                namespaces.insert(normalize(word(from: index + 12)))
            }
            index += 1
        }
        return namespaces
    }
}
