// One error type for everything SQLite reports: the extended result code, SQLite's own message and the SQL
// that failed. Its description is what a user pastes into a bug report; arguments (which may hold private
// data) appear only in `verboseDescription`.
import CSQLite

public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code, e.g. 2067 (SQLITE_CONSTRAINT_UNIQUE).
    public let extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or the generic text of the code when there is none.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?
    /// The bound arguments, kept for `verboseDescription` only.
    public let arguments: [DatabaseValue]
    /// The operating system's error number behind an I/O error (`sqlite3_system_errno`), 0 when none.
    public let systemErrno: Int32

    public init(extendedCode: Int32, message: String? = nil, sql: String? = nil, arguments: [DatabaseValue] = [],
                systemErrno: Int32 = 0) {
        self.extendedCode = extendedCode
        self.systemErrno = systemErrno
        self.message = message ?? String(cString: sqlite3_errstr(extendedCode))
        self.sql = sql
        self.arguments = arguments
    }

    /// Reads the code and message of the connection's last failure.
    init(connection: OpaquePointer?, code: Int32, sql: String? = nil, arguments: [DatabaseValue] = []) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        // The connection's errcode may belong to an older call when `code` came from elsewhere (e.g. close).
        let useConnection = connection != nil && (extended & 0xFF) == (code & 0xFF)
        self.init(
            extendedCode: useConnection ? extended : code,
            message: useConnection ? connection.map { String(cString: sqlite3_errmsg($0)) } : nil,
            sql: sql,
            arguments: arguments,
            systemErrno: connection.map { sqlite3_system_errno($0) } ?? 0
        )
    }

    /// The primary result code, e.g. 19 (SQLITE_CONSTRAINT).
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// The code's symbolic name, e.g. "SQLITE_CONSTRAINT_UNIQUE".
    public var codeName: String { ResultCode.name(of: extendedCode) }

    /// `SQLite error 19 (SQLITE_CONSTRAINT_UNIQUE): UNIQUE constraint failed: designers.slug - while executing INSERT …`
    public var description: String {
        var text = "SQLite error \(primaryCode) (\(codeName)): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// The description with the bound arguments, for debugging: they may hold private data.
    public var verboseDescription: String {
        guard !arguments.isEmpty else { return description }
        return description + " with arguments [" + arguments.map(\.debugDescription).joined(separator: ", ") + "]"
    }
}

/// The symbolic names of SQLite's result codes (https://sqlite.org/rescode.html).
public enum ResultCode {
    public static func name(of code: Int32) -> String {
        extendedNames[code] ?? primaryNames[code & 0xFF].map { code > 0xFF ? "\($0) (extended \(code))" : $0 }
            ?? "unknown result code \(code)"
    }

    private static let primaryNames: [Int32: String] = [
        0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT",
        5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT",
        10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL",
        14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY", 17: "SQLITE_SCHEMA",
        18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE",
        22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24: "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
        27: "SQLITE_NOTICE", 28: "SQLITE_WARNING", 100: "SQLITE_ROW", 101: "SQLITE_DONE",
    ]

    private static let extendedNames: [Int32: String] = [
        257: "SQLITE_ERROR_MISSING_COLLSEQ", 513: "SQLITE_ERROR_RETRY", 769: "SQLITE_ERROR_SNAPSHOT",
        261: "SQLITE_BUSY_RECOVERY", 517: "SQLITE_BUSY_SNAPSHOT", 773: "SQLITE_BUSY_TIMEOUT",
        262: "SQLITE_LOCKED_SHAREDCACHE", 518: "SQLITE_LOCKED_VTAB",
        264: "SQLITE_READONLY_RECOVERY", 520: "SQLITE_READONLY_CANTLOCK", 776: "SQLITE_READONLY_ROLLBACK",
        1032: "SQLITE_READONLY_DBMOVED", 1288: "SQLITE_READONLY_CANTINIT", 1544: "SQLITE_READONLY_DIRECTORY",
        516: "SQLITE_ABORT_ROLLBACK",
        266: "SQLITE_IOERR_READ", 522: "SQLITE_IOERR_SHORT_READ", 778: "SQLITE_IOERR_WRITE",
        1034: "SQLITE_IOERR_FSYNC", 1290: "SQLITE_IOERR_DIR_FSYNC", 1546: "SQLITE_IOERR_TRUNCATE",
        1802: "SQLITE_IOERR_FSTAT", 2058: "SQLITE_IOERR_UNLOCK", 2314: "SQLITE_IOERR_RDLOCK",
        2570: "SQLITE_IOERR_DELETE", 3082: "SQLITE_IOERR_NOMEM", 3338: "SQLITE_IOERR_ACCESS",
        3594: "SQLITE_IOERR_CHECKRESERVEDLOCK", 3850: "SQLITE_IOERR_LOCK", 4106: "SQLITE_IOERR_CLOSE",
        4618: "SQLITE_IOERR_SHMOPEN", 4874: "SQLITE_IOERR_SHMSIZE", 5386: "SQLITE_IOERR_SHMMAP",
        5642: "SQLITE_IOERR_SEEK", 5898: "SQLITE_IOERR_DELETE_NOENT", 6154: "SQLITE_IOERR_MMAP",
        6410: "SQLITE_IOERR_GETTEMPPATH", 6666: "SQLITE_IOERR_CONVPATH", 7946: "SQLITE_IOERR_DATA",
        8202: "SQLITE_IOERR_CORRUPTFS",
        267: "SQLITE_CORRUPT_VTAB", 523: "SQLITE_CORRUPT_SEQUENCE", 779: "SQLITE_CORRUPT_INDEX",
        526: "SQLITE_CANTOPEN_NOTEMPDIR", 782: "SQLITE_CANTOPEN_ISDIR", 1038: "SQLITE_CANTOPEN_FULLPATH",
        1294: "SQLITE_CANTOPEN_CONVPATH", 1806: "SQLITE_CANTOPEN_SYMLINK",
        275: "SQLITE_CONSTRAINT_CHECK", 531: "SQLITE_CONSTRAINT_COMMITHOOK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
        1043: "SQLITE_CONSTRAINT_FUNCTION", 1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
        1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE", 2323: "SQLITE_CONSTRAINT_VTAB",
        2579: "SQLITE_CONSTRAINT_ROWID", 2835: "SQLITE_CONSTRAINT_PINNED", 3091: "SQLITE_CONSTRAINT_DATATYPE",
        283: "SQLITE_NOTICE_RECOVER_WAL", 539: "SQLITE_NOTICE_RECOVER_ROLLBACK", 284: "SQLITE_WARNING_AUTOINDEX",
        279: "SQLITE_AUTH_USER",
    ]
}

extension DatabaseError {
    /// Another connection holds the lock needed (SQLITE_BUSY, SQLITE_LOCKED).
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// The file or its folder cannot be written or opened (SQLITE_READONLY, SQLITE_CANTOPEN).
    public var isUnwritable: Bool { primaryCode == SQLITE_READONLY || primaryCode == SQLITE_CANTOPEN }
}
