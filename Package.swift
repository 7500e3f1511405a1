// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Presser",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "presser", targets: ["PresserCLI"]),
        .library(name: "PresserCore", targets: ["PresserCore"]),
        .library(name: "PresserParse", targets: ["PresserParse"]),
        .library(name: "PresserClaims", targets: ["PresserClaims"]),
        .library(name: "PresserCheck", targets: ["PresserCheck"]),
        .library(name: "PresserStore", targets: ["PresserStore"]),
        .library(name: "PresserServer", targets: ["PresserServer"]),
        .library(name: "PresserExport", targets: ["PresserExport"]),
        .library(name: "PresserEval", targets: ["PresserEval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "PresserCore", swiftSettings: swiftSettings),
        .target(
            name: "PresserParse",
            dependencies: ["PresserCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(name: "PresserClaims", dependencies: ["PresserCore"], swiftSettings: swiftSettings),
        .target(name: "PresserCheck", dependencies: ["PresserCore"], swiftSettings: swiftSettings),
        .target(
            name: "PresserStore",
            dependencies: [
                "PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "CPresserSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "CPresserSQLite", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "PresserExport", dependencies: ["PresserCore"], swiftSettings: swiftSettings),
        .target(
            name: "PresserServer",
            dependencies: [
                "PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "PresserStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PresserEval",
            dependencies: ["PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "PresserStore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PresserCLI",
            dependencies: [
                "PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "PresserStore", "PresserServer",
                "PresserExport", "PresserEval", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PresserParseTests",
            dependencies: ["PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "PresserEval"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PresserCheckTests",
            dependencies: ["PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "PresserEval"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PresserStoreTests",
            dependencies: [
                "PresserCore", "PresserParse", "PresserClaims", "PresserCheck", "PresserStore", "PresserEval",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PresserServerTests",
            dependencies: [
                "PresserCore", "PresserStore", "PresserServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PresserClaimsTests",
            dependencies: ["PresserCore", "PresserClaims", "PresserEval"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PresserCLITests",
            dependencies: ["PresserCore", "PresserCLI", "PresserEval"],
            swiftSettings: swiftSettings
        ),
    ]
)
