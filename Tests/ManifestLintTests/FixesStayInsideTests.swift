import Foundation
import Synchronization
import Testing
@testable import ManifestLintCore
@testable import ManifestLintRules
@testable import ManifestLintEngine

/// A property of `check --fix --unsafe-fixes`, through the binary, on
/// generated working trees: every rule's fix examples, laid out with their
/// files behind symbolic links that leave the checked path (or stay in it),
/// read-only, in linked directories, and checked through paths with `..`.
/// Whatever the layout, a fix writes only below the checked paths, never
/// through a link that leads out of them, never a read-only file, never a
/// manifest that does not parse before and after, and leaves no temporary file.
@Suite(.serialized)
struct FixesStayInsideTests {
    /// One entry of a tree as lstat sees it.
    enum Entry: Equatable {
        case file([UInt8], permissions: Int)
        case link(String)
        case directory
    }

    /// Every entry below `root`, by its path relative to it; links are not followed.
    static func snapshot(_ root: String) throws -> [String: Entry] {
        var result: [String: Entry] = [:]
        var pending = [""]
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            for name in try manager.contentsOfDirectory(atPath: directory) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = root + "/" + path
                let attributes = try manager.attributesOfItem(atPath: full)
                switch attributes[.type] as? FileAttributeType {
                case .typeSymbolicLink?: result[path] = .link(try manager.destinationOfSymbolicLink(atPath: full))
                case .typeDirectory?:
                    result[path] = .directory
                    pending.append(path)
                default:
                    let permissions = (attributes[.posixPermissions] as? Int) ?? 0
                    result[path] = .file(Array(manager.contents(atPath: full) ?? Data()), permissions: permissions)
                }
            }
        }
        return result
    }

    /// The fix examples of every rule: projects with something to fix.
    static let fixExamples: [(rule: String, files: [String: String])] = Rule.all.flatMap { rule in
        rule.examples.filter { $0.fixed != nil }.map { (rule.id, $0.files.mapValues { $0.replacingOccurrences(of: RuleExample.marker) }) }
    }

    static func parses(_ bytes: [UInt8], path: String) -> Bool {
        let file = SourceFile(path: path, bytes: bytes)
        switch Path.pathExtension(path) {
        case ".yaml", ".yml": return YAMLLoader.load(file).parsed
        case ".json":
            let name = Path.basename(path)
            return JSONLoader.load(file, dialect: name.hasPrefix("tsconfig") || name.hasPrefix("jsconfig") ? .jsonc : .json).parsed
        default: return true
        }
    }

    /// Lays out one example below `caseRoot/repo` with random hostile
    /// touches; returns the path to check (relative to `caseRoot`), the
    /// directory writes must stay below, and the files made read-only.
    static func layOut(_ files: [String: String], in caseRoot: String, random: inout SplitMix,
                       sandbox: GitSandbox) throws -> (argument: String, allowedBelow: String, readOnly: [String]) {
        let manager = FileManager.default
        let project = random.chance(50) ? "repo/p" : "repo/nested/p"
        for (path, text) in files {
            try sandbox.write(text, to: caseRoot + "/" + project + "/" + path)
        }
        var readOnly: [String] = []
        var movedDirectories = Set<String>()
        for path in files.keys.sorted() {
            let full = caseRoot + "/" + project + "/" + path
            guard manager.fileExists(atPath: full) else { continue } // moved with its directory
            switch random.next(below: 8) {
            case 0: // The file lives outside the checked tree, behind a link (absolute or relative).
                let outside = caseRoot + "/outside/" + path.replacingOccurrences(of: "/", with: "_")
                try sandbox.write("", to: outside)
                try manager.removeItem(atPath: outside)
                try manager.moveItem(atPath: full, toPath: outside)
                let depth = (project + "/" + path).split(separator: "/").count - 1
                let target = random.chance(50) ? outside
                    : String(repeating: "../", count: depth) + "outside/" + path.replacingOccurrences(of: "/", with: "_")
                try manager.createSymbolicLink(atPath: full, withDestinationPath: target)
            case 1: // The file lives elsewhere in the repository, behind a link.
                let shared = caseRoot + "/repo/shared/" + path.replacingOccurrences(of: "/", with: "_")
                try sandbox.write("", to: shared)
                try manager.removeItem(atPath: shared)
                try manager.moveItem(atPath: full, toPath: shared)
                try manager.createSymbolicLink(atPath: full, withDestinationPath: shared)
            case 2: // Read-only.
                #expect(chmod(full, 0o444) == 0)
                readOnly.append(project + "/" + path)
            case 3: // Its directory lives outside, behind a link.
                guard let directory = Path.parent(path), !directory.isEmpty, !movedDirectories.contains(directory) else { continue }
                let outside = caseRoot + "/outside/dir-" + directory.replacingOccurrences(of: "/", with: "_")
                try manager.createDirectory(atPath: caseRoot + "/outside", withIntermediateDirectories: true)
                try manager.moveItem(atPath: caseRoot + "/" + project + "/" + directory, toPath: outside)
                try manager.createSymbolicLink(atPath: caseRoot + "/" + project + "/" + directory, withDestinationPath: outside)
                movedDirectories.insert(directory)
            default:
                break
            }
        }
        try manager.createDirectory(atPath: caseRoot + "/outside", withIntermediateDirectories: true)
        switch random.next(below: 5) {
        case 0: return (project, project, readOnly)
        case 1: return (project + "/../" + Path.basename(project), project, readOnly)
        case 2: return ("./" + project + "/", project, readOnly)
        case 3: return ("repo", "repo", readOnly)
        default:
            // A file of the project given as the path: its project is checked.
            let named = files.keys.filter { !$0.contains("/") }.sorted().first ?? ""
            return (project + "/" + named, project, readOnly)
        }
    }

    @Test func fixesWriteOnlyBelowTheCheckedPaths() throws {
        let sandbox = try GitSandbox()
        var random = SplitMix(seed: 2_026_120_620)
        var written = 0
        for index in 0..<160 {
            let example = random.pick(Self.fixExamples)
            let caseRoot = sandbox.root + "/case-\(index)"
            let (argument, allowedBelow, readOnly) = try Self.layOut(example.files, in: caseRoot, random: &random, sandbox: sandbox)
            let before = try Self.snapshot(caseRoot)
            let result = try sandbox.run([GitSandbox.binary, "check", "--fix", "--unsafe-fixes", argument], in: caseRoot)
            let after = try Self.snapshot(caseRoot)
            let label = "case \(index) (\(example.rule), check --fix \(argument))"
            #expect(result.status == 0 || result.status == 1, "\(label) exited \(result.status): \(result.all)")
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            if !changed.isEmpty { written += 1 }
            // A rename moves an entry as it is (a read-only file, a link): the old name is gone, a new one holds the same.
            let added = changed.filter { before[$0] == nil }
            let renamedAway = Set(changed.filter { path in
                after[path] == nil && added.contains { before[path] == after[$0] && Path.parent($0) == Path.parent(path) }
            })
            for path in changed {
                #expect(path.hasPrefix(allowedBelow + "/"), "\(label) changed \(path), outside \(allowedBelow)")
                #expect(!path.contains(".manifest-lint-"), "\(label) left a temporary file: \(path)")
                guard !renamedAway.contains(path) else { continue }
                #expect(!readOnly.contains(path), "\(label) wrote the read-only \(path)")
                if case .link? = before[path] { Issue.record("\(label) replaced the link \(path)") }
                if case .file(let bytes, _)? = after[path] {
                    #expect(Self.parses(bytes, path: path), "\(label) left \(path) unparsable")
                    if case .file(let old, _)? = before[path] {
                        #expect(Self.parses(old, path: path), "\(label) edited \(path), which did not parse before")
                    }
                }
            }
        }
        // The layouts leave most fixes possible: the property is not met by fixing nothing.
        #expect(written > 40, "only \(written) of 160 runs wrote anything")
    }

    /// A file saved (in an editor, say) after the fixes read it and before
    /// they are written: the fix is not written over it, and says so.
    @Test func aFileChangedDuringTheFixIsNotOverwritten() throws {
        let sandbox = try GitSandbox()
        let project = sandbox.root + "/p"
        let files = try #require(Self.fixExamples.first { $0.rule == "main-bin-mismatch" }?.files)
        for (path, text) in files { try sandbox.write(text, to: project + "/" + path) }
        let package = project + "/package.json"
        let edited = (try String(contentsOfFile: package, encoding: .utf8)) + "\n"
        let tree = EditingFileTree(base: DiskFileTree(), path: package, edited: edited)
        let run = FixRun.run(paths: [project], in: tree, touching: nil, unsafe: true, write: true, allowedRoots: [project])
        #expect(run.failures.map(\.reason) == ["changed while it was being fixed; not written (run the fix again)"])
        #expect(try String(contentsOfFile: package, encoding: .utf8) == edited, "the edit made during the fix is kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project).allSatisfy { !$0.contains(".manifest-lint-") })
    }
}

/// A disk tree whose one file is saved anew right after the check first reads it.
final class EditingFileTree: FileTree {
    let base: DiskFileTree
    let path: String
    let edited: String
    private let done = Mutex(false)

    init(base: DiskFileTree, path: String, edited: String) {
        self.base = base
        self.path = path
        self.edited = edited
    }

    func kind(of path: String) -> FileKind { base.kind(of: path) }
    func list(_ directory: String) -> [DirectoryEntry]? { base.list(directory) }
    func displayPath(_ path: String) -> String { base.displayPath(path) }

    func read(_ path: String) -> [UInt8]? {
        let bytes = base.read(path)
        if path == self.path, done.withLock({ first in defer { first = true }; return !first }) {
            try? edited.write(toFile: path, atomically: false, encoding: .utf8)
        }
        return bytes
    }
}
