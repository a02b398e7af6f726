// Runs the built `archive` binary as a user would, capturing stdout, stderr and the exit code.
import ArchiveTestSupport
import Foundation
import Testing

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum ArchiveBinary {
    /// The `archive` built beside the test bundle (swift test builds it: CLITests depends on it).
    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("archive")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { return url }
        }
        fatalError("the archive binary was not found beside the tests in \(candidates.map(\.path))")
    }()
}

/// Runs `executable` (the archive binary by default) with `arguments` in `directory`. The environment is the
/// test's own without ARCHIVE_DB, plus `environment`.
@discardableResult
func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: URL = ArchiveBinary.url,
    stdin: Data? = nil
) throws -> ProcessResult {
    let process = ChildProcess()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["ARCHIVE_DB"] = nil
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a chatty process cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Starts the archive binary with `arguments` in `directory` and returns at once (output discarded), for tests
/// that act while it runs.
/// `blocking`: signals it starts with blocked.
func start(_ arguments: [String], in directory: URL, errors: FileHandle = .nullDevice, blocking: [Int32] = []) throws -> ChildProcess {
    let process = ChildProcess()
    process.blockedSignals = blocking
    process.executableURL = ArchiveBinary.url
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    return process
}

/// Runs the sqlite3 CLI (another SQLite tool reading the archive's file) on `database` and returns what it
/// printed; the test fails here if sqlite3 does.
func sqlite3(_ database: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try run(["sqlite3", database, sql], in: URL(fileURLWithPath: "/"), executable: URL(fileURLWithPath: "/usr/bin/env"))
    try #require(result.status == 0, "sqlite3 failed on \(sql): \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
}
