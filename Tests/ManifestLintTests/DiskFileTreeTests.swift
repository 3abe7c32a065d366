import Foundation
import Testing
@testable import ManifestLint

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

    @Test func aFileOverTheSizeBoundIsReadOnlyOneBytePastIt() throws {
        let path = sandbox.root + "/huge"
        try Data(repeating: 0x61, count: InputGuard.maximumSize + 4_096).write(to: URL(fileURLWithPath: path))
        #expect(DiskFileTree().read(path)?.count == InputGuard.maximumSize + 1)
    }
}
