// swift-tools-version:6.0
import PackageDescription

// The stages of a check, each a module that imports only the one before it
// (and, through it, those before that): the compiler keeps the data flowing
// one way. docs/ARCHITECTURE.md says what each holds.
let stages = [
    "ManifestLintCore",       // source files and spans, paths and file trees, YAML/JSON loaders, git, threads
    "ManifestLintFindings",   // what a rule states: diagnostics, fixes, text edits
    "ManifestLintManifests",  // typed manifests, and the readers of scripts and program source
    "ManifestLintGraph",      // one project's manifest graph: references, entry point, build outputs
    "ManifestLintRules",      // the rules, their examples, and the facts they share
    "ManifestLintEngine",     // linting, configuration, suppressions, baselines, the fixer
    "ManifestLintReporting",  // text, JSON, SARIF and GitHub output, rule documentation
]

// Release builds let the optimizer see into the stages before (generic code
// specialized and small functions inlined across modules), as it did when
// the stages were one module.
let crossModuleOptimization: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

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
        // Linux calls that Swift's Glibc module leaves out: getdents64(2) for directory listings, CPU affinity for worker
        // threads (used on Linux only, not with -DMANIFEST_LINT_PORTABLE); and environ, which macOS reaches otherwise (see its shim.h).
        .systemLibrary(name: "CSystemCalls"),
    ] + stages.enumerated().map { index, stage in
        .target(name: stage, dependencies: index == 0 ? ["CLibYAML", "CSystemCalls"] : [.target(name: stages[index - 1])],
                swiftSettings: crossModuleOptimization)
    } + [
        // The library as one import: every stage.
        .target(name: "ManifestLint", dependencies: ["ManifestLintReporting"]),
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
