import ManifestLintManifests

/// A Node.js version the project declares it runs on: package.json
/// `engines.node` (a range it accepts), or a version it pins: package.json
/// `volta.node`, or an `.nvmrc` / `.node-version` in the program directory or
/// above it (where Volta, nvm, fnm and CI setup actions look).
public struct DeclaredNodeVersion {
    public var file: SourceFile
    public var span: Span
    /// For messages: `engines.node ">=18" in package.json`.
    public var description: String
    /// Whether it includes Node versions that cannot require() an ES module.
    public var lacksRequireESM: Bool
    /// A pinned version is the Node that runs; a range only says which ones may.
    public var isPinned: Bool
}

extension ProjectGraph {
    /// The Node versions the project may run on: the pinned ones when there are
    /// any (the engines range then does not say which Node runs), else the engines range.
    public var nodeVersionsThatRun: [DeclaredNodeVersion] {
        let declared = declaredNodeVersions
        let pinned = declared.filter(\.isPinned)
        return pinned.isEmpty ? declared : pinned
    }

    var declaredNodeVersions: [DeclaredNodeVersion] {
        var result: [DeclaredNodeVersion] = []
        if let package, let engine = package.root?["engines"]?["node"], let range = engine.string,
           let lacks = NodeVersions.rangeAdmitsNodeWithoutRequireESM(range) {
            result.append(DeclaredNodeVersion(file: package.file, span: engine.span,
                                              description: "engines.node \"\(range)\" in \(tree.displayPath(package.file.path))",
                                              lacksRequireESM: lacks, isPinned: false))
        }
        if let package, let volta = package.root?["volta"]?["node"], let version = volta.string,
           let lacks = NodeVersions.fileNamesNodeWithoutRequireESM(version) {
            result.append(DeclaredNodeVersion(file: package.file, span: volta.span,
                                              description: "volta.node \"\(version)\" in \(tree.displayPath(package.file.path))",
                                              lacksRequireESM: lacks, isPinned: true))
        }
        for name in [".nvmrc", ".node-version"] {
            var current: String? = programDirectory
            while let directory = current {
                let path = Path.join(directory, name)
                if tree.isFile(path), let bytes = tree.read(path), bytes.count < 1_024 {
                    let file = SourceFile(path: path, bytes: bytes)
                    let text = String(decoding: bytes, as: UTF8.self)
                    if let lacks = NodeVersions.fileNamesNodeWithoutRequireESM(text) {
                        let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) ?? bytes.count
                        result.append(DeclaredNodeVersion(file: file, span: Span(0, end),
                                                          description: "\(NodeVersions.versionLine(of: text)) in \(tree.displayPath(path))",
                                                          lacksRequireESM: lacks, isPinned: true))
                    }
                    break
                }
                current = Path.parent(directory)
            }
        }
        return result
    }
}
