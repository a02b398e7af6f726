// A time budget enforced inside SQLite: a progress handler, called every few thousand virtual-machine steps,
// interrupts the statement running once the deadline has passed. The statement then fails with
// SQLITE_INTERRUPT, and `isInterruption` tells that error from others. Work that SQLite does without stepping
// its virtual machine for long (none of the archive's queries) would overrun by that much.
import CSQLite
import Glibc

extension Database {
    /// Runs `body`, interrupting any statement still running `seconds` after the start. A limit that is not
    /// finite or beyond a billion seconds is no limit; a negative one is zero.
    public func withTimeLimit<T>(_ seconds: Double, _ body: () throws -> T) throws -> T {
        guard seconds.isFinite, seconds < 1e9 else { return try body() }
        let deadline = Deadline(seconds: max(0, seconds))
        let handle = try handle
        let context = Unmanaged.passUnretained(deadline).toOpaque()
        // > The progress handler callback is invoked periodically during long running calls to sqlite3_step().
        // > If the progress callback returns non-zero, the operation is interrupted.
        sqlite3_progress_handler(handle, 4_000, { context in
            guard let context else { return 0 }
            return Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue().hasPassed ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(handle, 0, nil, nil) }
        return try withExtendedLifetime(deadline) { try body() }
    }
}

extension DatabaseError {
    /// True when a statement was interrupted (a time limit ran out).
    public var isInterruption: Bool { primaryCode == SQLITE_INTERRUPT }
}

private final class Deadline {
    private let end: timespec

    init(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let whole = seconds.rounded(.down)
        var nanoseconds = now.tv_nsec + Int((seconds - whole) * 1e9)
        var secondsPart = now.tv_sec + Int(whole)
        if nanoseconds >= 1_000_000_000 { nanoseconds -= 1_000_000_000; secondsPart += 1 }
        end = timespec(tv_sec: secondsPart, tv_nsec: nanoseconds)
    }

    var hasPassed: Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return (now.tv_sec, now.tv_nsec) >= (end.tv_sec, end.tv_nsec)
    }
}
