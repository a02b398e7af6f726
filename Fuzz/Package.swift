// swift-tools-version:6.0
// libFuzzer targets for the readers and the query translator, in a package of their own: a fuzzer brings its
// own main(), so these cannot live beside the normal targets. Build and run (see Fuzz/README.md):
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address
//   Fuzz/.build/release/fuzz-csv Fuzz/Corpus/csv -max_total_time=600
import PackageDescription

let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "archive-fuzz",
    dependencies: [.package(name: "archive", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", .product(name: "ArchiveCore", package: "archive")], swiftSettings: fuzzer),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport", .product(name: "ArchiveCore", package: "archive")], swiftSettings: fuzzer),
        .executableTarget(name: "fuzz-query", dependencies: ["FuzzSupport", .product(name: "ArchiveCore", package: "archive")], swiftSettings: fuzzer),
    ]
)
