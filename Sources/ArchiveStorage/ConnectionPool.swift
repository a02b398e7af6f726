// A fixed set of connections shared by concurrent readers (GRDB's DatabasePool keeps its readers in a Pool the
// same way): a reader borrows one for as long as it needs it and gives it back. A reader waits when every
// connection is out, so the pool bounds what the file sees at once; with a bound on the wait, it gives up
// instead of queueing. The pool is what crosses threads: the connections it holds are not Sendable, and it
// lends each to one borrower at a time.
import Dispatch
import Synchronization

public final class ConnectionPool<Connection>: Sendable {
    /// How many connections the pool holds: at most that many borrowers at once.
    public let capacity: Int
    private let idle: Mutex<[Box]>
    /// Counts the idle connections: a borrower waits on it, a connection given back signals it.
    private let free: DispatchSemaphore

    /// A connection moved between threads by the pool, which vouches that one borrower at a time uses it.
    fileprivate final class Box: @unchecked Sendable {
        let connection: Connection
        init(_ connection: Connection) { self.connection = connection }
    }

    /// Opens `capacity` connections (at least one) with `makeConnection`.
    public init(capacity: Int, _ makeConnection: () throws -> Connection) throws {
        self.capacity = max(1, capacity)
        idle = Mutex(try (0..<self.capacity).map { _ in Box(try makeConnection()) })
        free = DispatchSemaphore(value: self.capacity)
    }

    /// A connection for the caller alone until the lease is released or dropped. With `waiting`, nil when every
    /// connection stayed out for that many seconds; without, it waits as long as it takes.
    public func borrow(waiting seconds: Double? = nil) -> Lease? {
        if let seconds {
            guard free.wait(timeout: .now() + seconds) == .success else { return nil }
        } else {
            free.wait()
        }
        return Lease(pool: self, box: idle.withLock { $0.removeLast() })
    }

    /// Calls `body` with each connection not lent out, which stays in the pool: to close them all when their
    /// readers are done for good.
    public func forEachIdle(_ body: (Connection) -> Void) {
        idle.withLock { boxes in for box in boxes { body(box.connection) } }
    }

    fileprivate func giveBack(_ box: Box) {
        idle.withLock { $0.append(box) }
        free.signal()
    }

    /// One connection of the pool, for one borrower at a time; given back when released or dropped.
    public final class Lease: Sendable {
        private let pool: ConnectionPool
        private let box: Mutex<Box?>

        fileprivate init(pool: ConnectionPool, box: Box) {
            self.pool = pool
            self.box = Mutex(box)
        }

        deinit { release() }

        /// The borrowed connection; nil once given back.
        public var connection: Connection? { box.withLock { $0 }?.connection }

        /// Gives the connection back (once; later calls do nothing).
        public func release() {
            if let box = box.withLock({ value in defer { value = nil }; return value }) { pool.giveBack(box) }
        }
    }
}
