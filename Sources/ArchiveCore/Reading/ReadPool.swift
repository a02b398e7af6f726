// Read-only connections to one archive for concurrent readers (the server's requests): each reader borrows a
// connection for the length of a closure, inside one read transaction, so that it sees one snapshot of the
// file: an import running meanwhile is seen before or after, never half done (WAL readers do not block it,
// nor it them). A reader waits when every connection is busy: the pool bounds what the file sees at once.
import ArchiveStorage
import Synchronization

public final class ReadPool: Sendable {
    public let path: String
    /// Seconds a read may take before SQLite is told to stop it.
    public let timeLimit: Double
    /// How many readers may read at once.
    public let connections: Int
    private let pool: ConnectionPool<Archive>
    /// A connection of its own for `generation()`, so that telling whether the archive changed never waits for
    /// a reader's connection: a cached page is answered even while every connection is busy.
    private let watcher: Mutex<Watcher>
    private let generations = Atomic<Int>(0)

    private struct Watcher: @unchecked Sendable {
        let archive: Archive
        var dataVersion: Int64
    }

    public init(path: String, connections: Int, timeLimit: Double = 2) throws {
        self.path = path
        self.timeLimit = timeLimit
        pool = try ConnectionPool(capacity: connections) {
            let archive = try Archive(path: path, access: .read)
            // A page cache of 8 MiB each (SQLite's default is 2): the pages of the indexes a search walks stay
            // in the connection instead of being read again. A memory map was tried: as fast, but its pages
            // count in the server's RSS (226 MB for a 170 MB file, against 42 MB).
            try archive.database.execute("PRAGMA cache_size = -8192")
            return archive
        }
        self.connections = pool.capacity
        let archive = try Archive(path: path, access: .read)
        watcher = Mutex(Watcher(archive: archive, dataVersion: try ReadPool.dataVersion(of: archive)))
    }

    /// Runs `body` with a connection of its own, in a read transaction, stopped after `timeLimit` seconds
    /// (ArchiveError.timeLimit): a request cannot hold a connection without bound. With `waiting`, a reader
    /// that finds every connection busy for that many seconds gives up (ArchiveError.busy) instead of queueing.
    public func read<T>(timeLimit: Double? = nil, waiting: Double? = nil, _ body: (Archive) throws -> T) throws -> T {
        try lease(waiting: waiting).read(timeLimit: timeLimit, body)
    }

    /// A connection taken now and held until the lease is released or dropped: a download takes its connection
    /// before its answer begins, so that "all busy" can still be a 503 rather than a 200 cut short.
    public func lease(waiting: Double? = nil) throws -> Lease {
        guard let lease = pool.borrow(waiting: waiting) else {
            throw ArchiveError(.busy, "every connection for this kind of request is in use")
        }
        return Lease(lease, timeLimit: timeLimit)
    }

    /// One connection of the pool, for one reader at a time; given back when released or dropped.
    public final class Lease: Sendable {
        private let lease: ConnectionPool<Archive>.Lease
        private let timeLimit: Double

        fileprivate init(_ lease: ConnectionPool<Archive>.Lease, timeLimit: Double) {
            self.lease = lease
            self.timeLimit = timeLimit
        }

        /// Runs `body` in one read transaction within the time limit (the pool's unless given).
        public func read<T>(timeLimit: Double? = nil, _ body: (Archive) throws -> T) throws -> T {
            guard let archive = lease.connection else { throw ArchiveError(.busy, "the connection was given back") }
            return try archive.read(timeLimit: timeLimit ?? self.timeLimit, body)
        }

        /// Gives the connection back (once; later calls do nothing).
        public func release() { lease.release() }
    }

    /// Closes the connections once every reader is done for good (a server that has stopped); a read after it
    /// fails. Closing them, rather than leaving it to the process's exit, lets SQLite remove the -wal and -shm
    /// files that reading made (Archive.readingMode).
    public func close() {
        pool.forEachIdle { $0.close() }
        watcher.withLock { $0.archive.close() }
    }

    /// The archive's generation: a number that changes when a change committed to the file (by any process)
    /// has been seen. Whatever is read after this call returns, on any connection, includes every change
    /// counted up to the number it returned, so a cache may keep answers under it: the watcher's data_version
    /// has seen every commit made before the call, and a read that starts later sees them too.
    public func generation() throws -> Int {
        try watcher.withLock { watcher in
            let version: Int64
            do {
                version = try ReadPool.dataVersion(of: watcher.archive)
            } catch let error as DatabaseError {
                throw ArchiveError(error, path: path)
            }
            guard version != watcher.dataVersion else { return generations.load(ordering: .sequentiallyConsistent) }
            watcher.dataVersion = version
            return generations.add(1, ordering: .sequentiallyConsistent).newValue
        }
    }

    /// SQLite's count of the changes other connections (any process) committed, as this connection sees it.
    private static func dataVersion(of archive: Archive) throws -> Int64 {
        try archive.database.fetchOne("PRAGMA data_version") ?? 0
    }
}

extension Archive {
    /// Runs `body` in one read transaction (a snapshot of the file) within `timeLimit` seconds, turning storage
    /// errors into archive errors.
    public func read<T>(timeLimit: Double = .infinity, _ body: (Archive) throws -> T) throws -> T {
        do {
            return try database.withTimeLimit(timeLimit) { try database.transaction(.deferred) { try body(self) } }
        } catch let error as DatabaseError where error.isInterruption {
            throw ArchiveError(.timeLimit, "stopped at the time limit of \(timeLimit) s")
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: path)
        }
    }
}
