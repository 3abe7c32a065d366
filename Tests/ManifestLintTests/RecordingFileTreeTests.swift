import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// What a project's check depends on, for matching staged changes to projects.
struct RecordingFileTreeTests {
    @Test func aChangeDependsOnWhatWasAskedAboutOrListed() {
        let recorder = RecordingFileTree(VirtualFileTree(["p/Pulumi.yaml": "name: p\n", "p/lib/a.ts": ""]))
        _ = recorder.read("p/Pulumi.yaml")
        _ = recorder.list("p/lib")
        // Import resolution asks whether `./network` is a directory before probing index files in it.
        #expect(recorder.kind(of: "p/src/network") == .missing)

        #expect(recorder.depends(on: "p/Pulumi.yaml"))
        #expect(recorder.depends(on: "p/lib/b.ts"), "added to a listed directory")
        #expect(recorder.depends(on: "p/src/network/index.ts"), "added below a directory that was missing")
        #expect(!recorder.depends(on: "p/src/other.ts"))
        #expect(!recorder.depends(on: "q/Pulumi.yaml"))
    }
}
