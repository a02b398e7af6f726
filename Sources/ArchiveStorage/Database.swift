// A connection to one SQLite file. Opening configures it the way the archive relies on: foreign keys on,
// a busy timeout, extended result codes, and double-quoted string literals off (so a typo in
// SQL is an error, not a string). A connection is not thread-safe: it belongs to one task at a time.
import CSQLite

public final class Database {
    public enum Mode: Sendable {
        /// Reading only: works on a write-protected file; writes fail with SQLITE_READONLY.
        case readOnly
        /// Reading only (`PRAGMA query_only`: a statement that would write fails), through a handle that could
        /// write. Closing the last connection to a WAL file then does what closing a writer does: SQLite, holding
        /// the exclusive lock that proves no other connection of any process has the file open, checkpoints and
        /// removes the -wal and -shm files. A read-only handle cannot take that lock, so it leaves them behind.
        case queryOnly
        /// Reading and writing an existing file.
        case readWrite
        /// Reading and writing, creating the file when it does not exist.
        case create
        /// Reading a file that nothing can change while it is open (SQLite's `immutable=1`): the way to read
        /// a WAL database on read-only media, where the -shm file cannot be created.
        case immutable
    }

    public let path: String
    /// Milliseconds to wait for another connection's lock.
    let busyTimeout: Int32
    private var connection: OpaquePointer?
    private var statementCache: [String: Statement] = [:]
    /// How deep `transaction` calls are nested; beyond the first they are savepoints.
    var transactionDepth = 0
    /// The time limit in force (withTimeLimit), kept alive here while SQLite's progress handler points at it.
    var deadline: Deadline?

    /// Opens (or creates) the database at `path`. `busyTimeout` is how long to wait, in milliseconds,
    /// for another connection's write lock before failing with SQLITE_BUSY.
    public init(path: String, mode: Mode = .create, busyTimeout: Int32 = 5_000) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        var flags = SQLITE_OPEN_NOMUTEX
        var filename = path
        switch mode {
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            filename = "file:" + Database.uriEscaped(path) + "?immutable=1"
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .queryOnly, .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(filename, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            // > Whether or not an error occurs when it is opened, resources associated with the database
            // > connection handle should be released by passing it to sqlite3_close() when it is no longer required.
            let error = DatabaseError(connection: handle, code: code)
            sqlite3_close_v2(handle)
            throw DatabaseError(resultCode: error.extendedResultCode, message: "\(error.message): \(path)")
        }
        connection = handle
        do {
            try configure(mode: mode, busyTimeout: busyTimeout)
        } catch {
            close()
            throw error
        }
    }

    private func configure(mode: Mode, busyTimeout: Int32) throws {
        let handle = try self.handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
        for option in [SQLITE_DBCONFIG_DQS_DML, SQLITE_DBCONFIG_DQS_DDL] {
            let code = archive_sqlite3_db_config_int(handle, option, 0, nil)
            guard code == SQLITE_OK else { throw DatabaseError(connection: handle, code: code) }
        }
        try execute("PRAGMA foreign_keys = ON")
        if mode == .queryOnly { try execute("PRAGMA query_only = ON") }
        // Reading the schema now makes a file that is not a database fail here, at open, with SQLITE_NOTADB.
        _ = try fetchOne("SELECT count(*) FROM sqlite_schema") as Int64?
    }

    /// Switches the file to write-ahead logging: readers never block the writer, and a crash cannot corrupt the
    /// file. synchronous=NORMAL is SQLite's recommended pairing: a power cut may drop the last commits, never
    /// corrupt the file. Not done at open: WAL is recorded in the file's header, and a caller first makes sure
    /// the file is its own to change.
    public func enableWriteAheadLog() throws {
        guard !isReadOnly else { return }
        // Leaving rollback mode takes an exclusive lock, and SQLite does not call the busy handler for it while
        // another connection holds the write lock (it could deadlock): wait here instead, as long as the
        // busy timeout, so that processes creating one new archive at once take turns.
        var waited: Int32 = 0
        while true {
            do {
                _ = try fetchOne("PRAGMA journal_mode = WAL") as String?
                break
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && waited < busyTimeout {
                sqlite3_sleep(10)
                waited += 10
            }
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// Escapes what a URI filename gives a meaning to (https://sqlite.org/uri.html).
    private static func uriEscaped(_ path: String) -> String {
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                bytes += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    deinit { close() }

    /// Finalizes the cached statements and closes the connection. Further use throws SQLITE_MISUSE.
    public func close() {
        statementCache.removeAll()
        guard let connection else { return }
        // close_v2: should a caller still hold a Statement, the connection closes when that is finalized.
        sqlite3_close_v2(connection)
        self.connection = nil
    }

    /// The open connection, or SQLITE_MISUSE after `close()`.
    var handle: OpaquePointer {
        get throws {
            guard let connection else {
                throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed")
            }
            return connection
        }
    }

    // MARK: Statements

    /// Prepares a statement the caller owns (finalized when released).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: try handle, sql: sql, persistent: false)
    }

    /// A prepared statement from the cache, reset and with bindings cleared: read it with `rows(_:)`, run it
    /// with `execute(_:)`, which reset it when done. A statement whose last step or bind failed is replaced by a
    /// fresh one rather than reused.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql], !statement.hasFailed {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        statementCache[sql] = nil
        let statement = try Statement(connection: try handle, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// How many statements the cache holds.
    public var cachedStatementCount: Int { statementCache.count }

    /// Runs one statement with positional arguments, ignoring any rows.
    public func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws {
        try cachedStatement(sql).execute(arguments)
    }

    /// Runs a script of several statements in order, stopping at the first error (which names the statement).
    public func executeScript(_ script: String) throws {
        let handle = try self.handle
        try script.utf8CString.withUnsafeBufferPointer { buffer in
            guard var start = buffer.baseAddress else { return }
            let end = start + buffer.count - 1
            while start < end {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, start, Int32(end - start), &statement, &tail)
                let text = String(decoding: UnsafeRawBufferPointer(start: start, count: (tail ?? end) - start), as: UTF8.self)
                guard code == SQLITE_OK else {
                    sqlite3_finalize(statement)
                    throw DatabaseError(connection: handle, code: code, sql: text.trimmingWhitespace())
                }
                defer { sqlite3_finalize(statement) }
                if let statement {
                    var stepCode = sqlite3_step(statement)
                    while stepCode == SQLITE_ROW { stepCode = sqlite3_step(statement) }
                    guard stepCode == SQLITE_DONE else {
                        throw DatabaseError(connection: handle, code: stepCode, sql: text.trimmingWhitespace())
                    }
                }
                guard let tail, tail > start else { break }
                start = tail
            }
        }
    }

    /// The first column of the first row, or nil when there is no row (or the value is NULL).
    public func fetchOne<T: DatabaseValueConvertible>(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> T? {
        try cachedStatement(sql).rows(arguments).next()?[0]
    }

    /// The first column of every row: for short lists (names, counts), not for large results.
    public func fetchColumn<T: DatabaseValueConvertible>(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> [T?] {
        let rows = try cachedStatement(sql).rows(arguments)
        var values: [T?] = []
        while let row = try rows.next() { values.append(row[0]) }
        return values
    }

    // MARK: State

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { connection.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// Sets what `lastInsertRowID` reports, so that a caller can tell whether its next statement inserted.
    public func resetLastInsertRowID(to value: Int64 = 0) {
        if let connection { sqlite3_set_last_insert_rowid(connection, value) }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { connection.map { Int(sqlite3_changes64($0)) } ?? 0 }

    /// Rows changed since the connection opened.
    public var totalChanges: Int { connection.map { Int(sqlite3_total_changes64($0)) } ?? 0 }

    /// True when the main database cannot be written (opened read-only, or the file is write-protected).
    public var isReadOnly: Bool { connection.map { sqlite3_db_readonly($0, "main") == 1 } ?? true }

    /// True inside an open transaction.
    public var isInTransaction: Bool { connection.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    /// The version of the SQLite library in use, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}

// A connection is used by one thread at a time (it is opened SQLITE_OPEN_NOMUTEX): it must not be sent to
// another task. A pool hands connections between threads itself, in a box it vouches for.
@available(*, unavailable)
extension Database: Sendable {}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
