/// A Node.js version the project declares it runs on: package.json
/// `engines.node`, or an `.nvmrc` / `.node-version` in the program directory
/// or above it (where nvm, fnm and CI setup actions look).
struct DeclaredNodeVersion {
    var file: SourceFile
    var span: Span
    /// For messages: `engines.node ">=18" in package.json`.
    var description: String
    /// Whether it includes Node versions that cannot require() an ES module.
    var lacksRequireESM: Bool
}

extension ProjectGraph {
    var declaredNodeVersions: [DeclaredNodeVersion] {
        var result: [DeclaredNodeVersion] = []
        if let package, let engine = package.root?["engines"]?["node"], let range = engine.string,
           let lacks = NodeVersions.rangeAdmitsNodeWithoutRequireESM(range) {
            result.append(DeclaredNodeVersion(file: package.file, span: engine.span,
                                              description: "engines.node \"\(range)\" in \(tree.displayPath(package.file.path))",
                                              lacksRequireESM: lacks))
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
                                                          description: "\(NodeVersions.versionLine(of: text)) in \(tree.displayPath(path))", lacksRequireESM: lacks))
                    }
                    break
                }
                current = Path.parent(directory)
            }
        }
        return result
    }
}
