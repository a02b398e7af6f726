// Asks, from another process (Python's sqlite3), whether somebody holds the archive's write lock right now:
// a writer inside its transaction does, and only then. Tests use it to act at a moment that is certain.
import ArchiveTestSupport
import Foundation
import Testing

final class LockProbe {
    private let process = ChildProcess()
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

extension LockProbe {
    /// Stops `process` (SIGSTOP) once it certainly holds the write lock: seen holding it, stopped, and seen
    /// holding it still while stopped. False when it ended first. Resume it with SIGCONT.
    func stopWhileItHoldsTheLock(_ process: ChildProcess) throws -> Bool {
        while process.isRunning {
            guard try isLocked() else { continue }
            kill(process.processIdentifier, SIGSTOP)
            if try isLocked() { return true }
            kill(process.processIdentifier, SIGCONT)
        }
        return false
    }
}

/// Waits, at most `seconds`, until `process` is waiting for a lock on the SQLite file at `path`: it has the file
/// open and is asleep in nanosleep, which is how SQLite's busy handler (and the archive's own wait to switch a new
/// file to WAL) waits between its tries. Reads Linux's /proc. Not a guess at how long starting up takes: the
/// process is seen waiting, or the answer is false.
func waitUntilWaitingForALock(_ process: ChildProcess, on path: String, seconds: Double = 4) -> Bool {
    let file = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let proc = "/proc/\(process.processIdentifier)"
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "\(proc)/fd")) ?? []
        let hasFileOpen = descriptors.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(proc)/fd/\($0)")) == file }
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "\(proc)/task")) ?? []
        let sleeping = threads.contains { thread in
            ((try? String(contentsOfFile: "\(proc)/task/\(thread)/wchan", encoding: .utf8)) ?? "").contains("nanosleep")
        }
        if hasFileOpen && sleeping { return true }
        usleep(2_000) // between two looks
    }
    return false
}
