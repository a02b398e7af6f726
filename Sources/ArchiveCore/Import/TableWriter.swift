// Writes the rows of one table during an import: upsert by key with `INSERT … ON CONFLICT … DO UPDATE`
// (never INSERT OR REPLACE, which deletes the old row: it would break foreign keys and skip delete triggers),
// counting what was added, updated or left unchanged, and catching a key that comes twice in one import.
import ArchiveStorage

final class TableWriter {
    enum Outcome { case added, updated, unchanged, duplicate }

    let table: TableDescription
    private let db: Database
    private(set) var added = 0
    private(set) var updated = 0
    private(set) var unchanged = 0

    /// Rows that existed before the import have rowids up to `startMax`; new rows get `max(rowid) + 1`,
    /// so every rowid above `startMax` up to `highestNew` was inserted by this import.
    private let startMax: Int64
    private var highestNew: Int64
    /// Which of the rows that existed before were already written by this import (one bit per rowid).
    private var touched: [UInt64]
    private var upsertSQL: [[String]: String] = [:]

    init(table: TableDescription, database: Database) throws {
        self.table = table
        db = database
        startMax = try db.fetchOne("SELECT max(rowid) FROM \(table.name)") ?? 0
        highestNew = startMax
        touched = [UInt64](repeating: 0, count: Int(startMax / 64) + 1)
    }

    /// Upserts one row. `values` are in file-column terms, references already resolved to ids. `existing`
    /// writes a row known to exist with only some of its columns (SQLite checks NOT NULL before an upsert's
    /// conflict, so a partial row must be an UPDATE).
    func write(_ values: [(column: ColumnDescription, value: DatabaseValue)], existing: Bool = false) throws -> Outcome {
        let columns = values.map(\.column.column)
        let statement = try db.cachedStatement(existing ? updateSQL(for: columns) : sql(for: columns))
        for (index, entry) in values.enumerated() { try statement.bind(entry.value, at: Int32(index + 1)) }
        defer { statement.reset() }
        let rowid: Int64
        let changed: Bool
        if try statement.step(), let id = statement.row.int64(at: 0) {
            rowid = id
            changed = true
        } else {
            statement.reset()
            guard let id = try existingRowID(values) else { throw DatabaseError(extendedCode: 1, message: "upserted row not found") }
            rowid = id
            changed = false
        }
        if rowid > startMax {
            guard rowid > highestNew else { return .duplicate }
            highestNew = rowid
            added += 1
            return .added
        }
        let (word, bit) = (Int(rowid / 64), UInt64(1) << UInt64(rowid % 64))
        if touched[word] & bit != 0 { return .duplicate }
        touched[word] |= bit
        if changed { updated += 1 } else { unchanged += 1 }
        return changed ? .updated : .unchanged
    }

    private var keyColumns: [String] { table.key.compactMap { table.column(named: $0)?.column } }

    /// The upsert for one set of columns: only the columns a file holds are written, so a file with fewer
    /// columns updates those and leaves the others as they are.
    private func sql(for columns: [String]) -> String {
        if let sql = upsertSQL[columns] { return sql }
        let key = keyColumns
        let updates = columns.filter { !key.contains($0) }
        var sql = "INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ") ON CONFLICT (\(key.joined(separator: ", "))) "
        if updates.isEmpty {
            sql += "DO NOTHING"
        } else {
            sql += "DO UPDATE SET " + updates.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
                + " WHERE " + updates.map { "\(table.name).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        }
        sql += " RETURNING rowid"
        upsertSQL[columns] = sql
        return sql
    }

    /// `UPDATE … WHERE key AND (something differs) RETURNING rowid`, with parameters numbered as `columns`.
    private func updateSQL(for columns: [String]) -> String {
        let key = keyColumns
        let parameter = { (column: String) in "?\(columns.firstIndex(of: column)! + 1)" }
        let updates = columns.filter { !key.contains($0) }
        guard !updates.isEmpty else { return sql(for: columns) }
        return "UPDATE \(table.name) SET " + updates.map { "\($0) = \(parameter($0))" }.joined(separator: ", ")
            + " WHERE " + key.map { "\($0) = \(parameter($0))" }.joined(separator: " AND ")
            + " AND (" + updates.map { "\($0) IS NOT \(parameter($0))" }.joined(separator: " OR ") + ") RETURNING rowid"
    }

    /// The rowid of the row with this key (for a row the upsert left unchanged).
    func existingRowID(_ values: [(column: ColumnDescription, value: DatabaseValue)]) throws -> Int64? {
        let key = keyColumns
        let keyValues = key.map { column in values.first { $0.column.column == column }?.value ?? .null }
        let sql = "SELECT rowid FROM \(table.name) WHERE " + key.map { "\($0) = ?" }.joined(separator: " AND ")
        return try db.fetchOne(sql, keyValues)
    }
}
