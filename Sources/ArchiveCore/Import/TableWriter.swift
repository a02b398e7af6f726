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
    /// The rowid of the row the last `write` inserted or found.
    private(set) var lastRowID: Int64 = 0

    private var seen: SeenRows
    /// The highest rowid before the import: the rows it adds are those above (SQLite gives max(rowid) + 1).
    let startMax: Int64
    private var statements: [[String]: Statement] = [:]
    /// Logs the rows this writer updates, for an import that is a change of the history. Only a table that held
    /// rows before can have them: the rows an import adds are logged by the rowid above which they lie.
    private let updateLog: UpdateLog?

    init(table: TableDescription, database: Database, log: ChangeLog? = nil) throws {
        self.table = table
        db = database
        keyColumns = table.key.compactMap { table.column(named: $0)?.column }
        rowLookupSQL = "SELECT rowid FROM \(table.name) WHERE " + keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        let highest: Int64? = try database.fetchOne("SELECT max(rowid) FROM \(table.name)")
        startMax = highest ?? 0
        seen = SeenRows(startMax: startMax)
        // max(rowid) is NULL only for a table without rows.
        if highest != nil, let log { updateLog = UpdateLog(log, table: table, key: keyColumns, database: database) } else { updateLog = nil }
    }

    /// Upserts one row. `values` are in file-column terms, references already resolved to ids. `existing`
    /// writes a row known to exist with only some of its columns (SQLite checks NOT NULL before an upsert's
    /// conflict, so a partial row must be an UPDATE).
    func write(_ values: [(column: ColumnDescription, value: DatabaseValue)], existing: Bool = false) throws -> Outcome {
        // Catalogue order, whatever order a JSON record lists its keys in: one statement per set of columns.
        let places = values.map { table.position(of: $0.column.name) ?? Int.max }
        let values = places.isSorted(by: <) ? values : zip(places, values).sorted { $0.0 < $1.0 }.map(\.1)
        let columns = values.map(\.column.column)
        // Only a table that held rows before logs its updates.
        let updates = updateLog == nil ? [] : columns.filter { !keyColumns.contains($0) }
        let before = updates.isEmpty ? nil : try updateLog?.before(columns: columns, updates: updates, values: values.map(\.value))
        let statement = try self.statement(for: columns, existing: existing)
        for (index, entry) in values.enumerated() { try statement.bind(entry.value, at: Int32(index + 1)) }
        // An insert sets last_insert_rowid; the update branch of an upsert leaves it alone (sqlite.org/c3ref/last_insert_rowid.html).
        db.resetLastInsertRowID()
        try statement.execute()
        let inserted = db.lastInsertRowID
        let rowid: Int64
        let changed = db.changes > 0
        if inserted != 0 {
            rowid = inserted
        } else if let before {
            rowid = before.rowid
        } else {
            guard let id = try existingRowID(values) else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "upserted row not found") }
            rowid = id
        }
        lastRowID = rowid
        switch seen.record(rowid, inserted: inserted != 0) {
        case .duplicate: return .duplicate
        case .new:
            added += 1
            return .added
        case .existing:
            if changed, let updateLog {
                guard let before else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "\(table.name) row \(rowid): updated, but not found before") }
                try updateLog.updated(before, updates: updates)
            }
            if changed { updated += 1 } else { unchanged += 1 }
            return changed ? .updated : .unchanged
        }
    }

    /// The prepared statement for a set of columns, kept by the writer: one per table and column set.
    private func statement(for columns: [String], existing: Bool) throws -> Statement {
        // Rows of one file come with the same columns, one after another: the last statement, without hashing.
        if let last = lastStatement, last.existing == existing, last.columns == columns, !last.statement.hasFailed { return last.statement }
        let statement = try cachedStatement(for: columns, existing: existing)
        lastStatement = (columns, existing, statement)
        return statement
    }
    private var lastStatement: (columns: [String], existing: Bool, statement: Statement)?

    private func cachedStatement(for columns: [String], existing: Bool) throws -> Statement {
        let key = existing ? columns + ["(update)"] : columns
        if let statement = statements[key], !statement.hasFailed { return statement }
        let statement = try db.prepare(existing ? updateSQL(for: columns) : sql(for: columns))
        statements[key] = statement
        return statement
    }

    private var keyColumns: [String]
    /// `SELECT rowid … WHERE key = ?`, for rows an upsert left unchanged or updated.
    private var rowLookupSQL: String

    /// The upsert for one set of columns: only the columns a file holds are written, so a file with fewer
    /// columns updates those and leaves the others as they are.
    private func sql(for columns: [String]) -> String {
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
        return sql
    }

    /// `UPDATE … WHERE key AND (something differs)`, with parameters numbered as `columns`.
    private func updateSQL(for columns: [String]) -> String {
        let key = keyColumns
        let parameter = { (column: String) in "?\(columns.firstIndex(of: column)! + 1)" }
        let updates = columns.filter { !key.contains($0) }
        guard !updates.isEmpty else { return sql(for: columns) }
        return "UPDATE \(table.name) SET " + updates.map { "\($0) = \(parameter($0))" }.joined(separator: ", ")
            + " WHERE " + key.map { "\($0) = \(parameter($0))" }.joined(separator: " AND ")
            + " AND (" + updates.map { "\($0) IS NOT \(parameter($0))" }.joined(separator: " OR ") + ")"
    }

    /// The rowid of the row with this key (for a row the upsert left unchanged).
    func existingRowID(_ values: [(column: ColumnDescription, value: DatabaseValue)]) throws -> Int64? {
        let keyValues = keyColumns.map { column in values.first { $0.column.column == column }?.value ?? .null }
        return try db.fetchOne(rowLookupSQL, keyValues)
    }
}

/// Which rows an import has written, to catch a key that comes twice, in memory that does not grow with the
/// rows added: SQLite gives a new row `max(rowid) + 1`, so the rows above the maximum at the start, up to the
/// highest seen, are exactly those this import inserted. Rows that existed before take one bit each (up to
/// 2^26 rowids, 8 MiB); rowids outside that range (negative, or far apart) go to a set.
struct SeenRows {
    enum Kind { case new, existing, duplicate }

    private let startMax: Int64
    private var highestNew: Int64
    private let bitLimit: Int64
    private var bits: [UInt64]
    private var others: Set<Int64> = []
    /// At max(rowid) = Int64.max SQLite picks new rowids at random: then every row goes through the set.
    private let sequential: Bool

    init(startMax: Int64) {
        self.startMax = startMax
        highestNew = startMax
        sequential = startMax < Int64.max
        bitLimit = min(max(startMax, 0), 1 << 26)
        bits = [UInt64](repeating: 0, count: Int(bitLimit / 64) + 1)
    }

    /// Records that `rowid` was written; `inserted` says whether SQLite inserted it (rather than updated it).
    mutating func record(_ rowid: Int64, inserted: Bool) -> Kind {
        if sequential && rowid > startMax {
            guard rowid > highestNew else { return .duplicate }
            highestNew = rowid
            return .new
        }
        guard firstSighting(rowid) else { return .duplicate }
        return inserted ? .new : .existing
    }

    private mutating func firstSighting(_ rowid: Int64) -> Bool {
        guard rowid >= 1 && rowid <= bitLimit else { return others.insert(rowid).inserted }
        let (word, bit) = (Int(rowid / 64), UInt64(1) << UInt64(rowid % 64))
        defer { bits[word] |= bit }
        return bits[word] & bit == 0
    }
}

extension Array {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
    }
}
