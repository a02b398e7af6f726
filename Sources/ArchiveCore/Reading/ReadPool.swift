// Read-only connections to one archive for concurrent readers (the server's requests): each reader borrows a
// connection for the length of a closure, inside one read transaction, so that it sees one snapshot of the
// file: an import running meanwhile is seen before or after, never half done (WAL readers do not block it,
// nor it them). A reader waits when every connection is busy: the pool bounds what the file sees at once.
import ArchiveStorage
import Dispatch
import Synchronization

public final class ReadPool: Sendable {
    public let path: String
    /// Seconds a read may take before SQLite is told to stop it.
    public let timeLimit: Double
    private let idle: Mutex<[Reader]>
    private let free: DispatchSemaphore
    private let generations = Atomic<Int>(0)

    /// An archive used by one reader at a time, which the pool hands from thread to thread, and the
    /// data_version it last saw.
    private final class Reader: @unchecked Sendable {
        let archive: Archive
        var dataVersion: Int64

        init(_ archive: Archive) throws {
            self.archive = archive
            dataVersion = try Reader.dataVersion(of: archive)
        }

        /// SQLite's count of the changes other connections (any process) committed, as this connection sees it.
        static func dataVersion(of archive: Archive) throws -> Int64 {
            try archive.database.fetchOne("PRAGMA data_version") ?? 0
        }
    }

    public init(path: String, connections: Int, timeLimit: Double = 2) throws {
        self.path = path
        self.timeLimit = timeLimit
        let count = max(1, connections)
        idle = Mutex(try (0..<count).map { _ in
            let archive = try Archive(path: path, access: .read)
            // A page cache of 8 MiB each (SQLite's default is 2): the pages of the indexes a search walks stay
            // in the connection instead of being read again. A memory map was tried: as fast, but its pages
            // count in the server's RSS (226 MB for a 170 MB file, against 42 MB).
            try archive.database.execute("PRAGMA cache_size = -8192")
            return try Reader(archive)
        })
        free = DispatchSemaphore(value: count)
    }

    /// Runs `body` with a connection of its own, in a read transaction, stopped after `timeLimit` seconds
    /// (ArchiveError.timeLimit): a request cannot hold a connection without bound.
    public func read<T>(timeLimit: Double? = nil, _ body: (Archive) throws -> T) throws -> T {
        try borrow { try $0.archive.read(timeLimit: timeLimit ?? self.timeLimit, body) }
    }

    /// The archive's generation: a number that changes when a change committed to the file (by any process)
    /// has been seen. Whatever is read after this call returns, on any connection, includes every change
    /// counted up to the number it returned, so a cache may keep answers under it. (Each connection notices a
    /// change once, so one commit may count more than once: an answer is then made again, never stale.)
    public func generation() throws -> Int {
        try borrow { reader in
            let version: Int64
            do {
                version = try Reader.dataVersion(of: reader.archive)
            } catch let error as DatabaseError {
                throw ArchiveError(error, path: path)
            }
            guard version != reader.dataVersion else { return generations.load(ordering: .sequentiallyConsistent) }
            reader.dataVersion = version
            return generations.add(1, ordering: .sequentiallyConsistent).newValue
        }
    }

    private func borrow<T>(_ body: (Reader) throws -> T) throws -> T {
        free.wait()
        let borrowed = idle.withLock { $0.removeLast() }
        defer {
            idle.withLock { $0.append(borrowed) }
            free.signal()
        }
        return try body(borrowed)
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
