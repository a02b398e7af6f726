// An undo the schema refused, in the archive's words. What an undo puts back was valid when the change was made,
// but a later change may have given the value to another record since: a slug taken by a new record after a
// rename, an accession number moved to another object. The refusal names the value, who holds it now and which
// change to undo first, as the undo's other refusals do, never SQLite's text.
import ArchiveStorage

extension Undo {
    /// The refusal for `error`, met while undoing change `id` (the newest when nil); the undo's transaction has
    /// been rolled back, so the archive is as the later changes left it.
    static func refusal(_ error: DatabaseError, undoing id: Int64?, _ db: Database) throws -> ArchiveError {
        guard let target: Int64 = try id ?? db.fetchOne("SELECT max(id) FROM changes") else {
            return ArchiveError(.invalidInput, "cannot undo: \(BrokenRule.rowless(error, table: nil).message); nothing was changed")
        }
        let table = BrokenRule.table(of: error)
        let columns = BrokenRule.columns(of: error)
        let description = table.flatMap(Tables.named)
        guard let table, let description, !columns.isEmpty,
              [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.extendedResultCode),
              let (restored, holder) = try heldElsewhere(table, columns: columns, change: target, db) else {
            let broken = BrokenRule.rowless(error, table: table)
            return ArchiveError(.invalidInput, "cannot undo change \(target): \(broken.field.map { "\($0): " } ?? "")\(broken.message); nothing was changed")
        }
        let broken = try BrokenRule.unique(columns, row: try RuleRow(table: description, rowid: holder, db), db)
        // Its slug now, or as the change logged it when it is gone (a deleted record put back).
        let name: String? = description.kind != .record ? nil : try db.fetchOne("""
            SELECT coalesce((SELECT slug FROM \(table) WHERE rowid = ?1), json_extract(before, '$.slug'))
            FROM change_rows WHERE change_id = ?2 AND table_name = ?3 AND row_id = ?1 LIMIT 1
            """, [restored, target, table])
        let whose = name.map { "\($0)'s" } ?? "a \(Tables.singular(table))'s"
        // The later change that wrote the holder: by its row, or as one of the rows an import added above a rowid.
        let later: Int64? = try db.fetchOne("""
            SELECT max(change_id) FROM change_rows WHERE change_id > ?1 AND table_name = ?2 AND \(Undo.inEffect)
              AND (row_id = ?3 OR (action = 'inserted_above' AND ?3 > row_id AND ?3 <= coalesce(json_extract(after, '$.through'), 9223372036854775807)))
            """, [target, table, holder])
        return ArchiveError(.invalidInput, "cannot undo change \(target): it puts back \(whose) \(broken.field ?? listed(columns)), but "
            + broken.message + (later.map { "; undo change \($0) first" } ?? "; nothing was changed"))
    }

    /// A row of the change whose values of `columns`, as the undo would put them back, another row holds now.
    private static func heldElsewhere(_ table: String, columns: [String], change: Int64, _ db: Database) throws -> (restored: Int64, holder: Int64)? {
        // An updated row's image holds the columns the change altered; the others are as they are now.
        let value = { (column: String) in "coalesce(json_extract(r.before, '$.\"\(column)\"'), s.\"\(column)\")" }
        let statement = try db.prepare("""
            SELECT r.row_id, h.rowid FROM change_rows r LEFT JOIN \(table) s ON s.rowid = r.row_id
            JOIN \(table) h ON h.rowid <> r.row_id AND \(columns.map { "h.\"\($0)\" = \(value($0))" }.joined(separator: " AND "))
            WHERE r.change_id = ? AND r.table_name = ? AND r.action IN ('updated', 'deleted') LIMIT 1
            """)
        try statement.bind([change, table] as [any DatabaseValueConvertible])
        guard let row = try statement.next(), let restored = row.int64(at: 0), let holder = row.int64(at: 1) else { return nil }
        return (restored, holder)
    }
}
