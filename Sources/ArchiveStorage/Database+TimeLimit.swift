// A time budget enforced inside SQLite: a progress handler, called every few thousand virtual-machine steps,
// interrupts the statement running once the deadline has passed. The statement then fails with
// SQLITE_INTERRUPT, and `isInterruption` tells that error from others. Work that SQLite does without stepping
// its virtual machine for long (none of the archive's queries) would overrun by that much.
import CSQLite
import Glibc

extension Database {
    /// Runs `body`, interrupting any statement still running `seconds` after the start. A limit that is not
    /// finite or beyond a billion seconds is no limit; a negative one is zero. Limits nest: inside another, the
    /// earlier deadline holds, and the outer one is in force again when `body` returns (a search's 0.8 s inside
    /// a page's 2 s leaves the page's limit standing for the rest of the page).
    public func withTimeLimit<T>(_ seconds: Double, _ body: () throws -> T) throws -> T {
        guard seconds.isFinite, seconds < 1e9 else { return try body() }
        let handle = try handle
        let outer = deadline
        var inner = Deadline(seconds: max(0, seconds))
        if let outer, outer.end < inner.end { inner = outer }
        deadline = inner
        install(inner, on: handle)
        defer {
            deadline = outer
            if let outer { install(outer, on: handle) } else { sqlite3_progress_handler(handle, 0, nil, nil) }
        }
        return try body()
    }

    private func install(_ deadline: Deadline, on handle: OpaquePointer) {
        // > The progress handler callback is invoked periodically during long running calls to sqlite3_step().
        // > If the progress callback returns non-zero, the operation is interrupted.
        // The connection holds `deadline` (the property) for as long as the handler may call it.
        sqlite3_progress_handler(handle, 4_000, { context in
            guard let context else { return 0 }
            return Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue().hasPassed ? 1 : 0
        }, Unmanaged.passUnretained(deadline).toOpaque())
    }
}

extension DatabaseError {
    /// True when a statement was interrupted (a time limit ran out).
    public var isInterruption: Bool { resultCode == .SQLITE_INTERRUPT }
}

final class Deadline {
    let end: Instant

    struct Instant: Comparable {
        let seconds: Int, nanoseconds: Int
        static func < (a: Instant, b: Instant) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    init(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let whole = seconds.rounded(.down)
        var nanoseconds = now.tv_nsec + Int((seconds - whole) * 1e9)
        var secondsPart = now.tv_sec + Int(whole)
        if nanoseconds >= 1_000_000_000 { nanoseconds -= 1_000_000_000; secondsPart += 1 }
        end = Instant(seconds: secondsPart, nanoseconds: nanoseconds)
    }

    var hasPassed: Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Instant(seconds: now.tv_sec, nanoseconds: now.tv_nsec) >= end
    }
}
