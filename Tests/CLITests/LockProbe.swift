// Asks, from another process (Python's sqlite3), whether somebody holds the archive's write lock right now:
// a writer inside its transaction does, and only then. Tests use it to act at a moment that is certain.
import Foundation
import Testing

final class LockProbe {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(_ path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            for _ in sys.stdin:
                db = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
                try:
                    db.execute("BEGIN IMMEDIATE")
                    db.execute("ROLLBACK")
                    print("free", flush=True)
                except sqlite3.OperationalError:
                    print("busy", flush=True)
                db.close()
            """, path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// True when another connection holds the write lock.
    func isLocked() throws -> Bool {
        input.fileHandleForWriting.write(Data("?\n".utf8))
        let answer = String(decoding: output.fileHandleForReading.readData(ofLength: 5), as: UTF8.self)
        try #require(answer == "busy\n" || answer == "free\n", "the lock probe answered \(answer)")
        return answer == "busy\n"
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
