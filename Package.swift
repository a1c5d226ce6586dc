// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Remit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "remit", targets: ["remit"]),
        .executable(name: "remit-bench", targets: ["RemitBench"]),
    ],
    targets: [
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "RemitCore", dependencies: ["CCrypto"]),
        .target(name: "RemitBAI2", dependencies: ["RemitCore"]),
        .target(name: "RemitISO20022", dependencies: ["RemitCore", "CLibXML2"]),
        .target(name: "RemitX12", dependencies: ["RemitCore"]),
        .target(name: "RemitACH", dependencies: ["RemitCore", "RemitX12"]),
        .target(name: "RemitInvoices", dependencies: ["RemitCore"]),
        .target(name: "RemitMatch", dependencies: ["RemitCore"]),
        .target(name: "RemitReport", dependencies: ["RemitCore", "RemitMatch"]),
        .target(name: "RemitScenario"),
        .target(
            name: "RemitPipeline",
            dependencies: [
                "RemitCore", "RemitX12", "RemitACH", "RemitBAI2", "RemitISO20022", "RemitInvoices", "RemitMatch",
                "RemitReport", "CSQLite3",
            ]
        ),
        .target(name: "RemitWatch", dependencies: ["RemitPipeline", "RemitCore", "CSQLite3", "CZlib"]),
        .executableTarget(name: "remit", dependencies: ["RemitPipeline", "RemitCore", "RemitWatch"]),
        .executableTarget(
            name: "RemitBench",
            dependencies: [
                "RemitCore", "RemitX12", "RemitBAI2", "RemitISO20022", "RemitMatch", "RemitPipeline", "RemitScenario",
            ]
        ),
        .testTarget(name: "RemitCoreTests", dependencies: ["RemitCore"]),
        .testTarget(name: "RemitX12Tests", dependencies: ["RemitX12", "RemitCore"]),
        .testTarget(name: "RemitInvoicesTests", dependencies: ["RemitInvoices", "RemitCore"]),
        .testTarget(name: "RemitMatchTests", dependencies: ["RemitMatch", "RemitCore", "RemitInvoices"]),
        .testTarget(name: "RemitReportTests", dependencies: ["RemitReport", "RemitMatch", "RemitCore"]),
        .testTarget(name: "RemitACHTests", dependencies: ["RemitACH", "RemitCore"]),
        .testTarget(name: "RemitBAI2Tests", dependencies: ["RemitBAI2", "RemitCore"]),
        .testTarget(name: "RemitISO20022Tests", dependencies: ["RemitISO20022", "RemitCore"]),
        .testTarget(name: "RemitScenarioTests", dependencies: ["RemitScenario", "RemitInvoices", "RemitCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["RemitPipeline", "RemitCore", "RemitScenario"]),
        .testTarget(name: "WatchTests", dependencies: ["RemitWatch", "RemitPipeline", "RemitCore"]),
    ]
)
