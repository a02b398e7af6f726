// A prepared statement: owns its sqlite3_stmt, finalizes it in deinit, binds typed values by index or name,
// and steps through rows one at a time (no whole-result copies). Every return code is checked: constraint
// and FTS5 errors surface at `step`, not at `prepare`.
import CSQLite

/// SQLite copies the bytes before the bind call returns. The C macro cannot be imported; this is its value.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

public final class Statement {
    let handle: OpaquePointer
    /// The connection, for error messages. A statement must not outlive its Database (as in SQLite itself).
    let connection: OpaquePointer
    public let sql: String
    /// The values bound now, kept for error reports (`DatabaseError.verboseDescription`).
    private var arguments: [DatabaseValue]
    /// True once a step or bind has failed; the statement cache then replaces it.
    public private(set) var hasFailed = false
    /// How many times the statement was reset: a RowCursor reads one run, between two resets.
    private(set) var resetCount = 0
    private lazy var columnIndexes: [String: Int32] = {
        var indexes: [String: Int32] = [:]
        for index in 0..<columnCount where indexes[columnName(at: index)] == nil {
            indexes[columnName(at: index)] = index
        }
        return indexes
    }()

    /// Prepares exactly one statement. SQL holding a second statement is an error (it would be ignored).
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        self.connection = connection
        self.sql = sql
        var statement: OpaquePointer?
        var tailOffset = 0
        let flags = UInt32(persistent ? SQLITE_PREPARE_PERSISTENT : 0)
        let code: Int32 = sql.utf8CString.withUnsafeBufferPointer { buffer in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, buffer.baseAddress, Int32(buffer.count), flags, &statement, &tail)
            if let tail, let base = buffer.baseAddress { tailOffset = tail - base }
            return code
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw DatabaseError(connection: connection, code: code, sql: sql)
        }
        guard let statement else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        let tail = String(decoding: sql.utf8.dropFirst(tailOffset), as: UTF8.self)
        if try Statement.holdsStatement(tail, connection: connection) {
            sqlite3_finalize(statement)
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "SQL holds more than one statement; use executeScript for scripts", sql: sql)
        }
        self.handle = statement
        self.arguments = Array(repeating: .null, count: Int(sqlite3_bind_parameter_count(statement)))
    }

    /// Whether `sql` holds anything but white space and comments.
    private static func holdsStatement(_ sql: String, connection: OpaquePointer) throws -> Bool {
        guard sql.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0 }) else {
            return false
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        return code != SQLITE_OK || statement != nil
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Columns

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(at index: Int32) -> String { String(cString: sqlite3_column_name(handle, index)) }

    public var columnNames: [String] { (0..<columnCount).map(columnName(at:)) }

    /// The index of a result column, by exact name, else by SQLite's case-insensitive rule.
    public func columnIndex(named name: String) -> Int32? {
        if let index = columnIndexes[name] { return index }
        let lowered = name.lowercased()
        return columnIndexes.first { $0.key.lowercased() == lowered }?.value
    }

    // MARK: Binding

    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    /// Binds `value` to the 1-based parameter `index`.
    public func bind(_ value: some DatabaseValueConvertible, at index: Int32) throws {
        let value = value.databaseValue
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text) where text.isEmpty:
            // A nil pointer would bind NULL, and NULL is not the empty string.
            code = sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
        case .text(var text):
            // Bound by byte count, so the text goes in exactly as it is.
            code = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.isEmpty
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : bytes.withUnsafeBytes { sqlite3_bind_blob64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), SQLITE_TRANSIENT) }
        }
        guard code == SQLITE_OK else {
            hasFailed = true
            throw DatabaseError(connection: connection, code: code, sql: sql, arguments: arguments)
        }
        if index >= 1 && Int(index) <= arguments.count { arguments[Int(index) - 1] = value }
    }

    /// Binds to a named parameter: `:name`, `@name` or `$name`; a bare `name` finds any of the three.
    public func bind(_ value: some DatabaseValueConvertible, named name: String) throws {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        guard let index = candidates.lazy.map({ sqlite3_bind_parameter_index(self.handle, $0) }).first(where: { $0 > 0 }) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try bind(value, at: index)
    }

    /// Binds every parameter, in order. The count must match the statement's parameters.
    public func bind(_ values: [any DatabaseValueConvertible]) throws {
        guard values.count == Int(parameterCount) else {
            throw DatabaseError(
                resultCode: .SQLITE_RANGE,
                message: "the statement takes \(parameterCount) arguments, not \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    /// Binds named parameters from a dictionary (keys as for `bind(_:named:)`).
    public func bind(_ values: [String: any DatabaseValueConvertible]) throws {
        for (name, value) in values { try bind(value, named: name) }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
        for index in arguments.indices { arguments[index] = .null }
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is available (read it with `row`), false when done.
    @discardableResult
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            hasFailed = true
            throw DatabaseError(connection: connection, code: code, sql: sql, arguments: arguments)
        }
    }

    /// The current row; valid until the next `step`, `reset` or the statement's end.
    public var row: Row { Row(statement: self, cursor: nil) }

    /// The next row, or nil when there are no more: `while let row = try statement.next() { … }`.
    public func next() throws -> Row? { try step() ? row : nil }

    /// Steps through every row, handing each to `body` without copying the result set.
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        while try step() { try body(row) }
    }

    /// Runs the statement to completion, ignoring any rows.
    public func run() throws {
        while try step() {}
    }

    /// Rewinds the statement so that it can run again; bindings are kept. A cursor still reading it ends.
    public func reset() {
        // The code sqlite3_reset returns repeats the last step's error, which `step` has already thrown.
        sqlite3_reset(handle)
        resetCount &+= 1
    }

    /// The SQL with the current bindings inlined, for logs (holds argument values: keep it out of user output).
    public var expandedSQL: String? {
        guard let text = sqlite3_expanded_sql(handle) else { return nil }
        defer { sqlite3_free(text) }
        return String(cString: text)
    }
}

// A statement belongs to its connection's thread, as the connection does.
@available(*, unavailable)
extension Statement: Sendable {}
