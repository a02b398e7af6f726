// swift-tools-version:6.1
// The archive: a SQLite-backed fashion archive. Arrows go one way:
// archive (CLI) and ArchiveWeb (the server) → ArchiveCore (domain) → ArchiveStorage (SQLite wrapper) → CSQLite,
// and ArchiveCore → CVips (images) → libvips.
import PackageDescription

/// Release builds skip Swift's dynamic exclusivity checks in the libraries: the byte-at-a-time readers and
/// writers spent a quarter of an import's instructions in them (callgrind). Debug builds and tests keep them.
let hotLoops: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "archive",
    products: [
        .executable(name: "archive", targets: ["archive"]),
        .executable(name: "archive-serve", targets: ["archive-serve"]),
        .library(name: "ArchiveCore", targets: ["ArchiveCore"]),
        .library(name: "ArchiveStorage", targets: ["ArchiveStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `archive serve`: Hummingbird's core, without its default traits (swift-configuration, full Foundation).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Hummingbird's own HTTP types, named for the headers the server sets (already built with Hummingbird).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The server's own HTTP/1 pipeline (HTTP/1.0 framing), from the SwiftNIO packages Hummingbird already builds.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // The system's libsqlite3 (Debian: libsqlite3-dev), plus a shim for what Swift cannot import.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "ArchiveStorage", dependencies: ["CSQLite"], swiftSettings: hotLoops),
        // Images: the system's libvips (Debian: libvips-dev), called through a few plain C functions (CVips),
        // since Swift cannot call its variadic API.
        .systemLibrary(name: "CLibVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .target(name: "CVips", dependencies: ["CLibVips"]),

        // Migrations/ and Seeds/ are targets of their own so that their files are compiled into the
        // binary (EmbedFiles turns them into Swift source): `archive` needs no files beside it.
        .target(name: "ArchiveMigrations", path: "Migrations", plugins: ["EmbedFiles"]),
        .target(name: "ArchiveSeeds", path: "Seeds", plugins: ["EmbedFiles"]),
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),

        .target(name: "ArchiveCore", dependencies: ["ArchiveStorage", "ArchiveMigrations", "ArchiveSeeds", "CVips"], swiftSettings: hotLoops),
        // The archive in a web browser: pages and a JSON API over a pool of read-only connections.
        .target(name: "ArchiveWeb", dependencies: [
            "ArchiveCore", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
        ], plugins: ["EmbedFiles"]),
        .executableTarget(
            name: "archive",
            dependencies: [
                "ArchiveCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `archive serve` execs it: the CLI does not link the server (smaller, faster to start and to build).
        .executableTarget(
            name: "archive-serve",
            dependencies: ["ArchiveCore", "ArchiveWeb", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Benchmarks/run.py drives it: search latency measured in-process (release build; not in `swift test`).
        .executableTarget(name: "archive-bench", dependencies: ["ArchiveCore"]),

        .target(name: "ArchiveTestSupport", path: "Tests/Support"),
        .testTarget(name: "ArchiveStorageTests", dependencies: ["ArchiveStorage", "ArchiveTestSupport"]),
        .testTarget(name: "ArchiveCoreTests", dependencies: ["ArchiveCore", "ArchiveTestSupport"]),
        // Runs the built `archive` binary end to end; depending on it makes `swift test` build it.
        .testTarget(name: "CLITests", dependencies: ["archive", "archive-serve", "ArchiveCore", "ArchiveStorage", "ArchiveTestSupport"]),
        // The server through its router, no socket (HummingbirdTesting).
        .testTarget(name: "ArchiveWebTests", dependencies: [
            "ArchiveWeb", "ArchiveCore", "ArchiveStorage", "ArchiveTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
    ]
)
