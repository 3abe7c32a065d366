// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "manifest-lint",
    products: [
        .executable(name: "manifest-lint", targets: ["manifest-lint"]),
        .library(name: "ManifestLint", targets: ["ManifestLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Linux calls that Swift's Glibc module leaves out: getdents64(2) for directory listings, CPU affinity for worker threads (see its shim.h).
        .systemLibrary(name: "CSystemCalls"),
        .target(
            name: "ManifestLint",
            dependencies: ["CLibYAML", "CSystemCalls"]
        ),
        .executableTarget(
            name: "manifest-lint",
            dependencies: [
                "ManifestLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ManifestLintTests",
            // The executable too, so that `swift test` builds the binary the hook tests run.
            dependencies: ["ManifestLint", "manifest-lint"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
