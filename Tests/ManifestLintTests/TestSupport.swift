import Foundation
@testable import ManifestLint

/// Paths the tests read, found from this file's location in the checkout.
enum TestPaths {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// ../shared/testdata beside the checkout; absent in a user's fresh clone.
    static let sharedTestData = repositoryRoot + "/../shared/testdata"

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
