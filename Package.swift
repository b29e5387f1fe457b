// swift-tools-version: 6.0
//
// capsim: a capacity-planning simulator. Layers (imports point down only):
//   capsim (CLI) -> Reporting -> Planning -> Scenario -> InfraModel -> Queueing, SimKernel -> CGSL
import PackageDescription

let package = Package(
    name: "capsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capsim", targets: ["capsim"]),
        .library(name: "SimKernel", targets: ["SimKernel"]),
        .library(name: "Queueing", targets: ["Queueing"]),
        .library(name: "InfraModel", targets: ["InfraModel"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),

        // MARK: - Public API
        .target(name: "SimKernel", dependencies: ["CGSL"]),
        .target(name: "Queueing"),
        .target(
            name: "InfraModel",
            dependencies: [
                "SimKernel",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(name: "Scenario", dependencies: ["InfraModel", "SimKernel", .product(name: "Yams", package: "Yams")]),
        .target(name: "Planning", dependencies: ["Scenario", "InfraModel", "Queueing"]),
        .target(name: "Reporting", dependencies: ["Planning", "Scenario", "InfraModel", "SimKernel"]),
        .executableTarget(
            name: "capsim",
            dependencies: [
                "Reporting", "Planning", "Scenario", "InfraModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "CGSL"]),
        .testTarget(name: "QueueingTests", dependencies: ["Queueing"]),
        .testTarget(name: "InfraModelTests", dependencies: ["InfraModel", "SimKernel", "Queueing"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "InfraModel", "SimKernel"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Scenario", "InfraModel", "Queueing"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Planning", "Scenario", "InfraModel"]),
        // Snapshots/ holds expected output that the tests read by path, not a resource.
        .testTarget(name: "CLITests", dependencies: ["capsim"], exclude: ["Snapshots"]),
        .testTarget(
            name: "PropertyTests",
            dependencies: ["Scenario", "Planning", "InfraModel", "SimKernel",
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)
