// A connection another process (Python's sqlite3) holds on an archive while the test runs commands: the
// overlap is certain, not hoped for, since the process says so only once its statements have run.
import ArchiveTestSupport
import Foundation
import Testing

final class HeldConnection {
    private let process = ChildProcess()
    private let input = Pipe()

    /// Opens `path` (autocommit), runs `statements`, and holds the connection until released; then runs
    /// `closing` and closes it.
    init(_ path: String, running statements: [String], closing: [String] = []) throws {
        let output = Pipe()
        let encode = { (statements: [String]) in String(decoding: try JSONSerialization.data(withJSONObject: statements), as: UTF8.self) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            for statement in json.loads(sys.argv[2]): db.execute(statement)
            print("ready", flush=True)
            sys.stdin.read()
            for statement in json.loads(sys.argv[3]): db.execute(statement)
            db.close()
            """, path, try encode(statements), try encode(closing)]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.readData(ofLength: 6), as: UTF8.self)
        try #require(line == "ready\n", "the connection holder did not start: \(line)")
    }

    /// A process that holds SQLite's write lock on `path` until released.
    static func writeLock(_ path: String) throws -> HeldConnection {
        try HeldConnection(path, running: ["BEGIN IMMEDIATE"], closing: ["ROLLBACK"])
    }

    /// Ends the connection and waits for the process; its exit status.
    @discardableResult
    func release() throws -> Int32 {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
