// swift-tools-version:6.0
// libFuzzer targets for manifest-lint's parsers, in a package of their own:
// a fuzz target links libFuzzer's driver, which a plain `swift build` of the
// root package must not (see ../../shared/reference/fuzzing.md).
//
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address
//   SWIFT_BACKTRACE=enable=no .build/debug/FuzzJSON corpus/FuzzJSON -max_total_time=60
//
// Fuzz/run.sh builds them all and runs each for a while (.ci/run: a minute each).
import PackageDescription

let targets = ["FuzzJSON", "FuzzYAML", "FuzzShell", "FuzzJavaScript", "FuzzPython", "FuzzGo", "FuzzGlobs", "FuzzConfiguration", "FuzzCheck"]

let package = Package(
    name: "manifest-lint-fuzz",
    dependencies: [.package(name: "manifest-lint", path: "..")],
    targets: [
        // What every target shares: libFuzzer's driver, and reading an input as text or files.
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "ManifestLint", package: "manifest-lint")],
            path: "Sources/\(name)"
        )
    },
    swiftLanguageModes: [.v6]
)
