import ManifestLintManifests

/// Whether anything installs the project's package, so that npm links its
/// `bin` commands and reads its `main`. A Pulumi project's own package
/// usually is never installed: `npm install` in it links its dependencies'
/// commands, not its own, and Pulumi loads the program with require() or
/// import(), which read neither `bin` nor the shebang. The package counts as
/// installed when it is published (not `"private": true`, and a
/// `publishConfig`, a `files` list or a `prepublishOnly`/`prepack` script
/// says it is meant for a registry), or when another member of a workspace
/// declared above it depends on it by name (npm links workspace members into
/// the root node_modules, with their commands).
extension ProjectGraph {
    /// Why the package gets installed somewhere, for messages; nil when nothing installs it.
    public func packageInstallation() -> String? {
        guard let package, let root = package.root else { return nil }
        if root["private"]?.bool != true {
            if root["publishConfig"] != nil { return "it is published (publishConfig)" }
            if root["files"] != nil { return "it is published (it lists its files)" }
            if let scripts = root["scripts"], scripts["prepublishOnly"] != nil || scripts["prepack"] != nil {
                return "it is published (it has a prepublishOnly or prepack script)"
            }
        }
        guard let name = root["name"]?.string, let dependent = workspaceMemberDepending(on: name, besides: package.directory) else { return nil }
        return "workspace member \(describe(dependent)) depends on it"
    }

    /// A package.json of a workspace member that depends on `name`, the
    /// workspace being declared in a package.json above `directory` whose
    /// `workspaces` patterns take in `directory`.
    private func workspaceMemberDepending(on name: String, besides directory: String) -> String? {
        var current = Path.parent(directory)
        while let root = current {
            current = Path.parent(root)
            guard let patterns = workspacePatterns(in: root),
                  let relative = Path.relative(directory, inside: root), !relative.isEmpty,
                  Self.workspace(patterns, takesIn: relative) else { continue }
            // The workspace's members: the directories below its root that its patterns take in.
            var pending = [root]
            var visited = 0
            while let next = pending.popLast(), visited < 20_000 {
                for entry in tree.list(next) ?? [] where entry.isWalkableDirectory {
                    visited += 1
                    let member = Path.join(next, entry.name)
                    pending.append(member)
                    guard member != directory, let memberRelative = Path.relative(member, inside: root),
                          Self.workspace(patterns, takesIn: memberRelative) else { continue }
                    let manifest = Path.join(member, "package.json")
                    if tree.isFile(manifest), let document = load(manifest, format: .json), let memberRoot = document.root,
                       PackageManifest.dependencyNames(of: memberRoot).contains(name) {
                        return manifest
                    }
                }
            }
            return nil
        }
        return nil
    }

    /// `workspaces` of a package.json (an array, or `{packages: [...]}`), or
    /// the `packages` of a pnpm-workspace.yaml beside it.
    private func workspacePatterns(in directory: String) -> [String]? {
        let manifest = Path.join(directory, "package.json")
        if tree.isFile(manifest), let root = load(manifest, format: .json)?.root, let workspaces = root["workspaces"] {
            return (workspaces.elements ?? workspaces["packages"]?.elements ?? []).compactMap(\.string)
        }
        let pnpm = Path.join(directory, "pnpm-workspace.yaml")
        if tree.isFile(pnpm), let root = load(pnpm, format: .yaml)?.root {
            return (root["packages"]?.elements ?? []).compactMap(\.string)
        }
        return nil
    }

    /// Whether the patterns take in a directory (relative to the workspace root); `!` patterns leave out.
    private static func workspace(_ patterns: [String], takesIn relative: String) -> Bool {
        var taken = false
        for pattern in patterns {
            let negated = pattern.hasPrefix("!")
            let glob = Path.normalize(negated ? String(pattern.dropFirst()) : pattern)
            if Glob.matches(glob, relative) { taken = !negated }
        }
        return taken
    }
}
