// The fields a change updated, put back for a whole table in one statement (`UPDATE … FROM change_rows`): the undo
// of a re-import that rewrote 100,000 descriptions costs about what the re-import did, not 100,000 round trips.
// Refused, naming the change, when a later change of the history touched one of the rows, or when a field no
// longer holds what the change wrote (it was changed outside the history).
import ArchiveStorage

extension Undo {
    static func undoUpdates(of table: String, in target: Int64, log: ChangeLog, _ db: Database) throws {
        let updated = "r.change_id = ?1 AND r.table_name = ?2 AND r.action = 'updated'"
        let arguments: [any DatabaseValueConvertible] = [target, table]
        guard try db.fetchOne("SELECT 1 FROM change_rows r WHERE \(updated) LIMIT 1", arguments) as Int64? != nil else { return }
        // A row the change updated twice (an edit that renames, then sets fields) goes back one image at a time.
        let twice: Int64 = try db.fetchOne("SELECT count(*) - count(DISTINCT r.row_id) FROM change_rows r WHERE \(updated)", arguments) ?? 0
        if twice > 0 {
            return try eachRow(of: target, where: "action = 'updated' AND table_name = '\(table)'", db) { try undo($0, of: target, log: log, db) }
        }
        if let later: (change: Int64, row: Int64) = try firstPair("""
            SELECT l.change_id, l.row_id FROM change_rows r JOIN change_rows l ON l.table_name = r.table_name AND l.row_id = r.row_id
            WHERE \(updated) AND l.change_id > r.change_id AND \(inEffect("l.change_id")) ORDER BY l.change_id DESC LIMIT 1
            """, arguments, db) {
            throw try conflict(table, rowid: later.row, slug: nil, after: target, db, later: later.change)
        }
        // The columns the change altered in this table (the images also carry an unchanged slug, to name records).
        let columns: [String?] = try db.fetchColumn("""
            SELECT DISTINCT b.key FROM change_rows r, json_each(r.before) b
            WHERE \(updated) AND \(AfterImage.changed(key: "b.key", before: "b.value", after: "r.after"))
            """, arguments)
        let changed = (try log.columns(table)).filter { columns.contains($0) }
        guard !changed.isEmpty else { return }
        let path = { (column: String) in "'$.\"\(column)\"'" }
        let holdsWhatTheChangeWrote = changed.map { AfterImage.holds("t.\"\($0)\"", column: $0, after: "r.after") }
            .joined(separator: " AND ")
        if let moved: Int64 = try db.fetchOne("""
            SELECT r.row_id FROM change_rows r LEFT JOIN \(table) t ON t.rowid = r.row_id
            WHERE \(updated) AND (t.rowid IS NULL OR NOT (\(holdsWhatTheChangeWrote))) LIMIT 1
            """, arguments) {
            let slug: String? = try db.fetchOne("SELECT json_extract(r.before, '$.slug') FROM change_rows r WHERE \(updated) AND r.row_id = ?3", arguments + [moved])
            throw try conflict(table, rowid: moved, slug: slug, after: target, db)
        }
        try db.execute("UPDATE \(table) SET " + changed.map { column in
            "\"\(column)\" = CASE WHEN json_type(r.before, \(path(column))) IS NULL THEN \(table).\"\(column)\" ELSE json_extract(r.before, \(path(column))) END"
        }.joined(separator: ", ") + " FROM change_rows r WHERE \(updated) AND \(table).rowid = r.row_id", arguments)
    }

    private static func firstPair(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ db: Database) throws -> (Int64, Int64)? {
        let statement = try db.prepare(sql)
        try statement.bind(arguments)
        guard let row = try statement.next(), let first = row.int64(at: 0), let second = row.int64(at: 1) else { return nil }
        return (first, second)
    }
}
