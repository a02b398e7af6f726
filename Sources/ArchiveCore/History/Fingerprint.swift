// What an update wrote is kept in the log as a fingerprint, not as the value: the undo needs only to know that
// a field still holds what the change wrote (or that something outside the history changed it since), and a
// re-import that rewrites 100,000 descriptions then logs each description once (before), not twice. The value
// itself is the next change's before-image of that field, or the record as it is now.
import ArchiveStorage

enum Fingerprint {
    /// The SQL function each of the archive's connections has (no other tool needs it: only the log's writer and
    /// the undo call it, never a stored trigger or check).
    static let function = "archive_fingerprint"

    /// FNV-1a (64 bits) over the value's storage class and its bytes: stable across versions and machines, as
    /// it must be for a log kept in the file. An integer and the text of its digits differ, as in SQLite.
    static func of(_ value: DatabaseValue) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        func add(_ number: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: number >> UInt64(shift))) } }
        switch value {
        case .null: add(0 as UInt8)
        case .integer(let number): add(1 as UInt8); add(UInt64(bitPattern: number))
        case .real(let number): add(2 as UInt8); add(number.bitPattern)
        case .text(let text): add(3 as UInt8); for byte in text.utf8 { add(byte) }
        case .blob(let bytes): add(4 as UInt8); for byte in bytes { add(byte) }
        }
        return Int64(bitPattern: hash)
    }

    static func add(to db: Database) throws {
        try db.addFunction(function) { .integer(of($0)) }
    }
}

/// SQL over an update's logged after-image, of either form: fingerprints under "#" (what the log keeps now) or
/// the values themselves (logs written before it did).
enum AfterImage {
    /// Whether the update changed the field named by `key` (SQL), whose value before was `before` (SQL). A slug
    /// the after-image leaves out did not change.
    static func changed(key: String, before: String, after: String) -> String {
        let value = "'$.\"' || \(key) || '\"'"
        return "(json_type(\(after), '$.\"#\".\"' || \(key) || '\"') IS NOT NULL"
            + " OR (json_type(\(after), \(value)) IS NOT NULL AND \(before) IS NOT json_extract(\(after), \(value))))"
    }

    /// A logged row's slug (SQL): the new one if the change renamed the record, else the one it had.
    static func slug(before: String, after: String) -> String {
        "coalesce(json_extract(\(after), '$.slug'), json_extract(\(before), '$.slug'))"
    }

    /// Whether `current` (SQL: the field now) still holds what the update wrote into `column`; true for a column
    /// the image does not hold.
    static func holds(_ current: String, column: String, after: String) -> String {
        let fingerprint = "'$.\"#\".\"\(column)\"'", value = "'$.\"\(column)\"'"
        return "(CASE WHEN json_type(\(after), \(fingerprint)) IS NOT NULL THEN \(Fingerprint.function)(\(current)) = json_extract(\(after), \(fingerprint))"
            + " ELSE json_type(\(after), \(value)) IS NULL OR \(current) IS json_extract(\(after), \(value)) END)"
    }
}
