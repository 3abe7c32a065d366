import ManifestLintManifests

/// Whether the file a reference names is there.
public enum PathStatus: Sendable, Equatable {
    case exists
    /// Absent now, but the project's TypeScript build emits it from `source`.
    case buildOutput(source: String)
    /// A directory absent now that the build emits: the mirror of `source` in tsc's outDir.
    case emittedDirectory(source: String)
    /// Present only with other letter case (macOS finds it, Linux does not).
    case caseMismatch(actual: String)
    /// It might be a build output of a tsconfig that could not be read completely.
    case unknown
    case missing
}

/// One file naming another: an edge of the manifest graph that remembers
/// where it was written.
public struct Reference: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Pulumi.yaml `main`.
        case projectMain
        /// A package.json `bin` entry, by command name.
        case bin(String)
        /// package.json `main`.
        case packageMain
        /// package.json `exports` (the "." entry Pulumi consults).
        case packageExports
        /// The Node.js runtime option `tsconfig`.
        case tsconfigOption
    }

    public var kind: Kind
    /// The tree path it names.
    public var target: String
    /// The file and value where it is written.
    public var file: SourceFile
    public var node: Node
    public var status: PathStatus

    /// The value as written.
    public var written: String { node.string ?? "" }
}
