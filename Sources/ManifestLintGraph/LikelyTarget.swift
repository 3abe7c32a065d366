import ManifestLintManifests

extension ProjectGraph {
    /// The one file a reference to the missing `target` most likely meant: a
    /// file beside it with the same stem and another module extension (for a
    /// TypeScript source that Node cannot load here, the file the build emits
    /// from it). Nil when there is none, or more than one.
    public func likelyTarget(for target: String, typeScriptLoads: Bool) -> String? {
        let directory = Path.parent(target) ?? ""
        let stem = Path.basename(Path.removingExtension(target))
        var candidates: [String] = []
        for entry in tree.list(directory) ?? [] where entry.kind == .file {
            let ext = Path.pathExtension(entry.name)
            let path = Path.join(directory, entry.name)
            guard path != target, ModuleExtensions.all.contains(ext), Path.removingExtension(entry.name) == stem else { continue }
            if ModuleExtensions.typeScript.contains(ext) && !typeScriptLoads {
                if let output = typeScriptBuild.output(for: path, tree: tree), output != target { candidates.append(output) }
            } else {
                candidates.append(path)
            }
        }
        let unique = Array(Set(candidates))
        return unique.count == 1 ? unique[0] : nil
    }

    /// `target` written relative to `base` in the style of `written` (a
    /// leading "./" is kept).
    func writtenPath(for target: String, from base: String, like written: String) -> String {
        let relative = Path.relative(target, from: base)
        if written.hasPrefix("./") && !relative.hasPrefix("../") { return "./" + relative }
        return relative
    }

    /// The directory a reference's value is resolved from.
    func baseDirectory(of reference: Reference) -> String {
        switch reference.kind {
        case .projectMain: return location.directory
        case .bin, .packageMain, .packageExports: return Path.parent(reference.file.path) ?? ""
        case .tsconfigOption: return programDirectory
        }
    }

    /// A fix that points `reference` at `target`, keeping the value's style.
    public func retarget(_ reference: Reference, to target: String, _ applicability: Applicability) -> Fix? {
        let written = writtenPath(for: target, from: baseDirectory(of: reference), like: reference.written)
        guard let replacement = ScalarWriter.replacement(for: reference.node, with: written) else { return nil }
        return Fix.replacing(reference.node, in: reference.file, with: replacement, applicability, "Change '\(reference.written)' to '\(written)'")
    }
}
