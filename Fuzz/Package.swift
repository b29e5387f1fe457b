// swift-tools-version: 6.0
//
// Coverage-guided fuzzing of capsim's input readers with libFuzzer. Built only by scripts/fuzz.sh, with
// `-sanitize=fuzzer,address`; it is a separate package so that `swift build` and `swift test` of capsim never
// need the sanitizer flags. It depends on capsim by path and fuzzes its public entry points.
import PackageDescription

let package = Package(
    name: "capsim-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "capsim", path: ".."),
    ],
    targets: [
        // One function per fuzzed reader; the executable picks one by name.
        .target(name: "FuzzTargets", dependencies: [.product(name: "Scenario", package: "capsim"),
                                                   .product(name: "Planning", package: "capsim")]),
        // The fuzzer: calls libFuzzer's driver; link with -sanitize=fuzzer.
        .executableTarget(name: "capsim-fuzz", dependencies: ["FuzzTargets"]),
    ]
)
