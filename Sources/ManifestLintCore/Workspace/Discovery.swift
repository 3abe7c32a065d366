import Synchronization

/// A directory holding a Pulumi project file.
public struct ProjectLocation: Hashable, Sendable, Comparable {
    public var directory: String
    /// The project file Pulumi reads there (Pulumi.json, else .yaml, else .yml).
    public var projectFile: String

    public static func < (lhs: ProjectLocation, rhs: ProjectLocation) -> Bool {
        lhs.directory < rhs.directory
    }
}

/// Finds the Pulumi projects below (or around) the paths given on the command line.
public enum Discovery {
    /// The names Pulumi accepts, in the order it tries them.
    public static let projectFileNames = ["Pulumi.json", "Pulumi.yaml", "Pulumi.yml"]

    public struct Result: Sendable {
        public var projects: [ProjectLocation]
        /// Paths given that do not exist, and directories that cannot be listed.
        public var unchecked: [UncheckedPath]
        /// The directories the walk listed, with their entries: the checks
        /// that follow reuse them instead of listing again.
        public var listings: [String: [DirectoryEntry]] = [:]
    }

    /// Directories that never hold a project of the user's own.
    public static func isSkipped(directoryName name: String) -> Bool {
        name == "node_modules" || name.utf8.first == UInt8(ascii: ".") || name == "__pycache__" || name == "venv"
    }

    /// The project file Pulumi would read in a directory with these entries.
    public static func projectFile(among entries: [DirectoryEntry]) -> String? {
        entries.firstFile(named: projectFileNames)
    }

    /// A project file in other letter case (`pulumi.yaml`): Pulumi finds it on
    /// macOS and Windows, not on Linux. It is checked all the same (and
    /// project-file-case says so).
    public static func projectFileInOtherCase(among entries: [DirectoryEntry]) -> String? {
        entries.first { $0.kind == .file && isProjectFileInOtherCase($0.name) }?.name
    }

    /// Whether a file name is a project file name in other letter case.
    public static func isProjectFileInOtherCase(_ name: String) -> Bool {
        // Every project file name starts with a "p" and is 10 or 11 bytes long: other names are passed over unlowered.
        (10...11).contains(name.utf8.count) && name.utf8.first.map({ $0 | 0x20 }) == UInt8(ascii: "p")
            && loweredProjectFileNames.contains(name.lowercased()) && !projectFileNames.contains(name)
    }

    private static let loweredProjectFileNames = Set(projectFileNames.map { $0.lowercased() })

    /// The project file a check reads in a directory with these entries: Pulumi's, else one in other letter case.
    private static func checkedProjectFile(among entries: [DirectoryEntry]) -> String? {
        projectFile(among: entries) ?? projectFileInOtherCase(among: entries)
    }

    /// Every project below each path; for a path with none below it (a file,
    /// or a directory inside a project), the nearest project above it.
    public static func findProjects(from paths: [String], in tree: some FileTree) -> Result {
        var found: [ProjectLocation] = []
        var unchecked: [UncheckedPath] = []
        var listings: [String: [DirectoryEntry]] = [:]
        for path in paths {
            switch tree.kind(of: path) {
            case .missing:
                unchecked.append(UncheckedPath(path: path, problem: "no such file or directory"))
            case .directory:
                guard let entries = tree.list(path) else {
                    unchecked.append(unlisted(path, because: tree.whyUnlistable(path)))
                    continue
                }
                listings[path] = entries
                let below = projects(below: path, entries: entries, in: tree, listings: &listings, unchecked: &unchecked)
                if below.isEmpty, let above = project(above: path, in: tree) {
                    found.append(above)
                } else {
                    found += below
                }
            case .file:
                if let directory = Path.parent(path), let above = project(above: directory, in: tree) {
                    found.append(above)
                }
            }
        }
        // One path's walk meets each directory once; only paths that overlap find a project twice.
        if paths.count > 1 {
            var seen = Set<ProjectLocation>(minimumCapacity: found.count)
            found = found.filter { seen.insert($0).inserted }
        }
        return Result(projects: found.sorted(), unchecked: unchecked, listings: listings)
    }

    /// A directory the walk could not list: reported once, since a project below it goes unchecked.
    private static func unlisted(_ directory: String, because reason: UnreadableReason?) -> UncheckedPath {
        let problem = switch reason {
        case .systemError(let text): "cannot be listed (\(text))"
        case let reason?: "\(reason)"
        case nil: "cannot be listed"
        }
        return UncheckedPath(path: directory, problem: problem + "; a project below it would not be checked")
    }

    /// The walk below `root` (listed already, with `entries`): its subdirectories are walked side by side, each depth first.
    private static func projects(below root: String, entries: [DirectoryEntry], in tree: some FileTree,
                                 listings: inout [String: [DirectoryEntry]], unchecked: inout [UncheckedPath]) -> [ProjectLocation] {
        if let files = tree.projectFiles(below: root) { return projects(among: files, below: root) }
        var found: [ProjectLocation] = []
        let subdirectories = visit(root, entries, into: &found)
        // Each walker keeps its listings as a list; they are hashed once, into `listings`, after the walk.
        let merged = Mutex<([ProjectLocation], [(String, [DirectoryEntry])], [UncheckedPath])>((found, [], []))
        let next = Atomic<Int>(0)
        WorkerThreads.run(subdirectories.count) { _ in
            var projects: [ProjectLocation] = []
            var listed: [(String, [DirectoryEntry])] = []
            var unlistable: [UncheckedPath] = []
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < subdirectories.count else { break }
                var pending = [subdirectories[index]]
                while let directory = pending.popLast() {
                    guard let entries = tree.list(directory) else {
                        // Gone since its parent was listed: nothing left to check there.
                        if let reason = tree.whyUnlistable(directory) { unlistable.append(unlisted(directory, because: reason)) }
                        continue
                    }
                    listed.append((directory, entries))
                    pending += visit(directory, entries, into: &projects)
                }
            }
            merged.withLock {
                $0.0 += projects
                $0.1 += listed
                $0.2 += unlistable
            }
        }
        let (result, listed, unlistable) = merged.withLock { $0 }
        unchecked += unlistable.sorted { $0.path < $1.path }
        listings.reserveCapacity(listings.count + listed.count)
        listings.merge(listed) { first, _ in first }
        return result
    }

    /// Notes the project a listed directory holds, if any; returns the subdirectories the walk enters.
    private static func visit(_ directory: String, _ entries: [DirectoryEntry], into found: inout [ProjectLocation]) -> [String] {
        if let name = checkedProjectFile(among: entries) {
            found.append(ProjectLocation(directory: directory, projectFile: Path.join(directory, name)))
        }
        return entries.filter(\.isWalkableDirectory).map { Path.join(directory, $0.name) }
    }

    /// Projects from a list of project files: the directories the walk
    /// would reach (no skipped directory on the way), the file Pulumi reads first.
    private static func projects(among files: [String], below root: String) -> [ProjectLocation] {
        var byDirectory: [String: [String]] = [:]
        for file in files {
            guard let directory = Path.parent(file), let relative = Path.relative(directory, inside: root),
                  !relative.split(separator: "/").contains(where: { isSkipped(directoryName: String($0)) }) else { continue }
            byDirectory[directory, default: []].append(Path.basename(file))
        }
        return byDirectory.compactMap { directory, names in
            let entries = names.map { DirectoryEntry(name: $0, kind: .file) }
            guard let name = checkedProjectFile(among: entries) else { return nil }
            return ProjectLocation(directory: directory, projectFile: Path.join(directory, name))
        }
    }

    private static func project(above start: String, in tree: some FileTree) -> ProjectLocation? {
        var current: String? = start
        while let directory = current {
            if let entries = tree.list(directory), let name = checkedProjectFile(among: entries) {
                return ProjectLocation(directory: directory, projectFile: Path.join(directory, name))
            }
            current = Path.parent(directory)
        }
        return nil
    }
}
