// One error type for everything SQLite reports: the extended result code, SQLite's own message and the SQL
// that failed. Its description is what a user pastes into a bug report; arguments (which may hold private
// data) appear only in `verboseDescription`.
import CSQLite

public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code, e.g. `.SQLITE_CONSTRAINT_UNIQUE`; match it with `case .SQLITE_CONSTRAINT:`
    /// to take in every extended code of a primary one.
    public let extendedResultCode: ResultCode
    /// SQLite's message (`sqlite3_errmsg`), or the generic text of the code when there is none.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?
    /// The bound arguments, kept for `verboseDescription` only.
    public let arguments: [DatabaseValue]
    /// The operating system's error number behind an I/O error (`sqlite3_system_errno`), 0 when none.
    public let systemErrno: Int32

    public init(resultCode: ResultCode, message: String? = nil, sql: String? = nil, arguments: [DatabaseValue] = [],
                systemErrno: Int32 = 0) {
        self.extendedResultCode = resultCode
        self.systemErrno = systemErrno
        self.message = message ?? String(cString: sqlite3_errstr(resultCode.rawValue))
        self.sql = sql
        self.arguments = arguments
    }

    /// Reads the code and message of the connection's last failure.
    init(connection: OpaquePointer?, code: Int32, sql: String? = nil, arguments: [DatabaseValue] = []) {
        let code = ResultCode(rawValue: code)
        let extended = connection.map { ResultCode(rawValue: sqlite3_extended_errcode($0)) } ?? code
        // The connection's errcode may belong to an older call when `code` came from elsewhere (e.g. close).
        let useConnection = connection != nil && extended.primaryResultCode == code.primaryResultCode
        self.init(
            resultCode: useConnection ? extended : code,
            message: useConnection ? connection.map { String(cString: sqlite3_errmsg($0)) } : nil,
            sql: sql,
            arguments: arguments,
            systemErrno: connection.map { sqlite3_system_errno($0) } ?? 0
        )
    }

    /// The primary result code, e.g. `.SQLITE_CONSTRAINT`.
    public var resultCode: ResultCode { extendedResultCode.primaryResultCode }

    /// The code's symbolic name, e.g. "SQLITE_CONSTRAINT_UNIQUE".
    public var codeName: String { extendedResultCode.name }

    /// `SQLite error 19 (SQLITE_CONSTRAINT_UNIQUE): UNIQUE constraint failed: designers.slug - while executing INSERT …`
    public var description: String {
        var text = "SQLite error \(resultCode.rawValue) (\(codeName)): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// The description with the bound arguments, for debugging: they may hold private data.
    public var verboseDescription: String {
        guard !arguments.isEmpty else { return description }
        return description + " with arguments [" + arguments.map(\.debugDescription).joined(separator: ", ") + "]"
    }
}

extension DatabaseError {
    /// Another connection holds the lock needed (SQLITE_BUSY, SQLITE_LOCKED).
    public var isBusy: Bool {
        switch extendedResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: true
        default: false
        }
    }

    /// The file or its folder cannot be written or opened (SQLITE_READONLY, SQLITE_CANTOPEN).
    public var isUnwritable: Bool {
        switch extendedResultCode {
        case .SQLITE_READONLY, .SQLITE_CANTOPEN: true
        default: false
        }
    }
}

extension DatabaseError {
    // The codes as numbers, from before ResultCode: kept for callers not yet moved to it.

    @available(*, deprecated, renamed: "extendedResultCode", message: "match a ResultCode: `case .SQLITE_CONSTRAINT_UNIQUE:`")
    public var extendedCode: Int32 { extendedResultCode.rawValue }

    @available(*, deprecated, renamed: "resultCode", message: "match a ResultCode: `case .SQLITE_BUSY:`")
    public var primaryCode: Int32 { resultCode.rawValue }

    @available(*, deprecated, message: "use init(resultCode:message:sql:arguments:systemErrno:)")
    public init(extendedCode: Int32, message: String? = nil, sql: String? = nil, arguments: [DatabaseValue] = [],
                systemErrno: Int32 = 0) {
        self.init(resultCode: ResultCode(rawValue: extendedCode), message: message, sql: sql, arguments: arguments,
                  systemErrno: systemErrno)
    }
}
