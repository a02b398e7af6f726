// The current row of a stepping statement: reads columns in place, by index or by name.
// A Row is a view, not a copy: it is valid only until its statement steps again.
import CSQLite

public struct Row {
    let statement: Statement
    /// The cursor that read it, kept alive so that it does not reset the statement while the row is read.
    let cursor: RowCursor?
    private var handle: OpaquePointer { statement.handle }

    public var count: Int32 { statement.columnCount }

    public func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// True when the column holds text (not a number, blob or NULL).
    public func isText(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_TEXT }

    /// The stored value with its storage class, exactly.
    public func value(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT: .text(textValue(at: index))
        case SQLITE_BLOB: .blob(blobValue(at: index))
        default: .null
        }
    }

    /// Integer, or nil for NULL (SQLite converts other storage classes, as in `CAST(x AS INTEGER)`).
    public func int64(at index: Int32) -> Int64? {
        isNull(at: index) ? nil : sqlite3_column_int64(handle, index)
    }

    public func int(at index: Int32) -> Int? { int64(at: index).flatMap { Int(exactly: $0) } }

    public func double(at index: Int32) -> Double? {
        isNull(at: index) ? nil : sqlite3_column_double(handle, index)
    }

    /// Text, or nil for NULL. The empty string stays the empty string.
    public func string(at index: Int32) -> String? {
        isNull(at: index) ? nil : textValue(at: index)
    }

    public func blob(at index: Int32) -> [UInt8]? {
        isNull(at: index) ? nil : blobValue(at: index)
    }

    /// The column converted to `T`; nil when it is NULL or not of that type.
    public subscript<T: DatabaseValueConvertible>(index: Int32, as type: T.Type = T.self) -> T? {
        T(databaseValue: value(at: index))
    }

    // MARK: By column name

    /// The index of a result column; a missing name is a programming error reported with the SQL.
    public func index(of name: String) throws -> Int32 {
        guard let index = statement.columnIndex(named: name) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "no column named \(name) in the result", sql: statement.sql)
        }
        return index
    }

    public func value(named name: String) throws -> DatabaseValue { value(at: try index(of: name)) }
    public func int64(named name: String) throws -> Int64? { int64(at: try index(of: name)) }
    public func double(named name: String) throws -> Double? { double(at: try index(of: name)) }
    public func string(named name: String) throws -> String? { string(at: try index(of: name)) }
    public func blob(named name: String) throws -> [UInt8]? { blob(at: try index(of: name)) }

    // MARK: Raw access

    /// Calls `body` with the column's UTF-8 bytes in place (nil for NULL), without making a String:
    /// for writers that copy bytes straight to output.
    public func withUnsafeUTF8<T, E: Error>(at index: Int32, _ body: (UnsafeBufferPointer<UInt8>?) throws(E) -> T) throws(E) -> T {
        guard !isNull(at: index) else { return try body(nil) }
        // sqlite3_column_text before sqlite3_column_bytes: the byte count is of the converted text.
        let text = sqlite3_column_text(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    private func textValue(at index: Int32) -> String {
        withUnsafeUTF8(at: index) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } ?? "" }
    }

    private func blobValue(at index: Int32) -> [UInt8] {
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
