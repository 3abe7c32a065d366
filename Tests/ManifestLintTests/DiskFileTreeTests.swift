import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Reading files from disk: whole files of every size around the first
/// read's buffer, nothing for a directory, and never much past the size bound.
struct DiskFileTreeTests {
    let sandbox: GitSandbox

    init() throws {
        sandbox = try GitSandbox()
    }

    @Test(arguments: [0, 1, 16_383, 16_384, 16_385, 100_000])
    func aFileIsReadWhole(size: Int) throws {
        let path = sandbox.root + "/file-\(size)"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(DiskFileTree().read(path) == bytes)
    }

    @Test func aDirectoryOrAMissingFileReadsAsNothing() {
        #expect(DiskFileTree().read(sandbox.root) == nil)
        #expect(DiskFileTree().read(sandbox.root + "/missing") == nil)
    }

    /// A listing marks the regular files it saw, and only those; reading a
    /// path as listed skips fstat, yet what took the entry's place since
    /// (a link to a device, a FIFO) is still not read and does not block.
    @Test func aPathReadAsListedIsStillNeverADevice() throws {
        let directory = sandbox.root + "/listed"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "{}".write(toFile: directory + "/plain.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.json", withDestinationPath: "plain.json")
        #expect(mkfifo(directory + "/fifo.json", 0o644) == 0)
        let tree = DiskFileTree()
        let listed = try #require(tree.list(directory)).filter(\.isListedRegularFile).map(\.name)
        #expect(listed == ["plain.json"])
        #expect(tree.read(directory + "/plain.json", listedAsRegularFile: true) == Array("{}".utf8))
        // Stale listings: each path was a regular file when listed, and is something else now.
        try FileManager.default.removeItem(atPath: directory + "/link.json")
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.json", withDestinationPath: "/dev/zero")
        #expect(tree.read(directory + "/link.json", listedAsRegularFile: true) == nil)
        #expect(tree.read(directory + "/fifo.json", listedAsRegularFile: true) == [])
        #expect(tree.read(directory + "/gone.json", listedAsRegularFile: true) == nil)
    }

    /// A tree anchored at a directory answers every question as the plain one
    /// does: below the anchor, at it, above it and beside it.
    @Test func anAnchoredTreeAnswersAsThePlainOne() throws {
        let files = ["a/b/c.txt": "c", "a/b/d/e.txt": "e", "a/top.txt": "top", "beside/f.txt": "f", "a/bb/g.txt": "g"]
        for (path, text) in files {
            let full = sandbox.root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: sandbox.root + "/a/b/link", withDestinationPath: "c.txt")
        let plain = DiskFileTree()
        let anchored = plain.anchored(at: sandbox.root + "/a/b")
        let paths = ["", "/a", "/a/b", "/a/b/c.txt", "/a/b/d", "/a/b/d/e.txt", "/a/b/link", "/a/b/missing", "/a/top.txt", "/a/bb",
                     "/a/bb/g.txt", "/beside/f.txt", "/a/b/c.txt/x"].map { sandbox.root + $0 }
        for path in paths {
            #expect(anchored.kind(of: path) == plain.kind(of: path), "\(path)")
            #expect(anchored.read(path) == plain.read(path), "\(path)")
            #expect(anchored.list(path)?.map(\.name) == plain.list(path)?.map(\.name), "\(path)")
            #expect(anchored.list(path)?.map(\.isSymbolicLink) == plain.list(path)?.map(\.isSymbolicLink), "\(path)")
        }
        #expect(anchored.read(sandbox.root + "/a/b/d/e.txt") == Array("e".utf8))
        #expect(anchored.list(sandbox.root + "/a/b")?.map(\.name) == ["c.txt", "d", "link"])
        #expect(plain.anchored(at: sandbox.root + "/missing").read(sandbox.root + "/a/top.txt") == Array("top".utf8))
    }

    /// A listing holds every entry but "." and "..", sorted, with its kind,
    /// however many reads of the directory it takes (this one needs several)
    /// and whatever bytes its names hold; FileManager lists the same names.
    @Test func aListingHoldsEveryEntryWithItsKind() throws {
        let directory = sandbox.root + "/many"
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        var expected: [String: FileKind] = ["sub": .directory, "linked-dir": .directory, "linked-file": .file, "dangling": .missing]
        for index in 0..<1_500 {
            let name = "file-\(index)-with-a-rather-long-name-\(String(repeating: "x", count: index % 40)).txt"
            try Data().write(to: URL(fileURLWithPath: directory + "/" + name))
            expected[name] = .file
        }
        for name in [".hidden", "ünïcödé €", "a b", "..x"] {
            try Data().write(to: URL(fileURLWithPath: directory + "/" + name))
            expected[name] = .file
        }
        try FileManager.default.createSymbolicLink(atPath: directory + "/linked-dir", withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: directory + "/linked-file", withDestinationPath: "a b")
        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling", withDestinationPath: "nowhere")
        let entries = try #require(DiskFileTree().list(directory))
        #expect(entries.map(\.name) == expected.keys.sorted())
        #expect(Set(entries.map(\.name)) == Set(try FileManager.default.contentsOfDirectory(atPath: directory)))
        for entry in entries {
            #expect(entry.kind == expected[entry.name], "\(entry.name)")
            #expect(entry.isSymbolicLink == ["linked-dir", "linked-file", "dangling"].contains(entry.name), "\(entry.name)")
        }
        #expect(DiskFileTree().list(directory + "/a b") == nil)
        #expect(DiskFileTree().list(directory + "/missing") == nil)
    }

    @Test func aFileOverTheSizeBoundIsReadOnlyOneBytePastIt() throws {
        let path = sandbox.root + "/huge"
        try Data(repeating: 0x61, count: InputGuard.maximumSize + 4_096).write(to: URL(fileURLWithPath: path))
        #expect(DiskFileTree().read(path)?.count == InputGuard.maximumSize + 1)
    }
}
