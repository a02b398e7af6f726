// SQL functions written in Swift, added to one connection (SQLite keeps them per connection: another tool
// reading the file never sees them, so nothing stored in the file may need them).
import CSQLite

extension Database {
    /// Adds `name(value)`, a deterministic function of one value, to this connection.
    public func addFunction(_ name: String, _ body: @escaping (DatabaseValue) -> DatabaseValue) throws {
        let handle = try self.handle
        let box = Unmanaged.passRetained(FunctionBox(body)).toOpaque()
        let code = sqlite3_create_function_v2(
            handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
            { context, count, arguments in
                let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                let value = count == 1 ? DatabaseValue(sqliteValue: arguments![0]) : .null
                box.body(value).setResult(of: context)
            },
            nil, nil,
            { box in box.map { Unmanaged<FunctionBox>.fromOpaque($0).release() } })
        guard code == SQLITE_OK else { throw DatabaseError(connection: handle, code: code) }
    }
}

private final class FunctionBox {
    let body: (DatabaseValue) -> DatabaseValue
    init(_ body: @escaping (DatabaseValue) -> DatabaseValue) { self.body = body }
}

extension DatabaseValue {
    /// A function argument, with its storage class.
    init(sqliteValue value: OpaquePointer?) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            self = .text(sqlite3_value_text(value).map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            self = .blob(sqlite3_value_blob(value).map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? [])
        default: self = .null
        }
    }

    fileprivate func setResult(of context: OpaquePointer?) {
        switch self {
        case .null: sqlite3_result_null(context)
        case .integer(let number): sqlite3_result_int64(context, number)
        case .real(let number): sqlite3_result_double(context, number)
        case .text(let text) where text.isEmpty:
            sqlite3_result_text(context, "", 0, SQLITE_TRANSIENT) // (a nil pointer would be NULL)
        case .text(var text):
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    sqlite3_result_text64(context, $0.baseAddress, sqlite3_uint64($0.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes) where bytes.isEmpty:
            sqlite3_result_zeroblob(context, 0)
        case .blob(let bytes):
            bytes.withUnsafeBytes { sqlite3_result_blob64(context, $0.baseAddress, sqlite3_uint64($0.count), SQLITE_TRANSIENT) }
        }
    }
}
