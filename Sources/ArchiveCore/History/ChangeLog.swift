// Writes one change of the archive's history (Migrations/0008_change_log.sql): a `changes` row and, for every
// row the change alters, its image as JSON before or after, in the caller's transaction.
import ArchiveStorage

final class ChangeLog {
    let db: Database
    let id: Int64
    /// The next place in the change, `?1` being the change (rows logged by the update triggers take theirs the
    /// same way, with the change's id written in).
    private static let next = "(SELECT coalesce(max(seq), 0) + 1 FROM change_rows WHERE change_id = ?1)"

    /// Starts a change; call inside the transaction that makes it.
    init(_ db: Database, command: String, by actor: String, undoes: Int64? = nil) throws {
        self.db = db
        try db.execute("INSERT INTO changes (made_at, command, made_by, undoes) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)",
                       [command, actor, undoes])
        id = db.lastInsertRowID
        if let undoes { try db.execute("UPDATE changes SET undone_by = ? WHERE id = ?", [id, undoes]) }
    }

    /// The row `rowid` of `table` as a JSON object of its columns (SQL), for the log.
    static func image(_ table: String, _ db: Database) throws -> String {
        let columns: [String?] = try db.fetchColumn("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table])
        return "json_object(" + columns.compactMap { $0 }.map { "'\($0)', \"\($0)\"" }.joined(separator: ", ") + ")"
    }

    /// Logs the row as it is now, before it is deleted.
    func deleting(_ table: String, rowid: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, seq, table_name, row_id, action, before)
            SELECT ?1, \(ChangeLog.next), ?2, rowid, 'deleted', \(try ChangeLog.image(table, db)) FROM \(table) WHERE rowid = ?3
            """, [id, table, rowid])
    }

    /// Logs every row of `table` above `rowid`, in rowid order, before they are deleted.
    func deletingAbove(_ table: String, rowid: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, seq, table_name, row_id, action, before)
            SELECT ?1, \(ChangeLog.next) - 1 + row_number() OVER (ORDER BY rowid), ?2, rowid, 'deleted', \(try ChangeLog.image(table, db))
            FROM \(table) WHERE rowid > ?3
            """, [id, table, rowid])
    }

    /// Logs the row as it is now, after it was inserted.
    func inserted(_ table: String, rowid: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, seq, table_name, row_id, action, after)
            SELECT ?1, \(ChangeLog.next), ?2, rowid, 'inserted', \(try ChangeLog.image(table, db)) FROM \(table) WHERE rowid = ?3
            """, [id, table, rowid])
    }

    /// Logs that every row of `table` above `rowid` was added by this change: one log row for any number of
    /// added rows, so that a first bulk import keeps no copies (their images are taken if it is undone).
    func insertedAbove(_ table: String, rowid: Int64) throws {
        try db.execute("INSERT INTO change_rows (change_id, seq, table_name, row_id, action) VALUES (?1, \(ChangeLog.next), ?2, ?3, 'inserted_above')",
                       [id, table, rowid])
    }

    /// Logs every UPDATE of these tables on this connection, with the row before and after, until `stopWatching`:
    /// temporary triggers, which no other connection sees.
    func watchUpdates(_ tables: [String]) throws {
        for table in tables {
            let columns: [String?] = try db.fetchColumn("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table])
            let image = { (row: String) in "json_object(" + columns.compactMap { $0 }.map { "'\($0)', \(row).\"\($0)\"" }.joined(separator: ", ") + ")" }
            // executeScript, not execute: DDL run once is not worth a place in the statement cache.
            try db.executeScript("""
                CREATE TEMP TRIGGER archive_log_\(table) AFTER UPDATE ON main.\(table)
                BEGIN
                    INSERT INTO change_rows (change_id, seq, table_name, row_id, action, before, after)
                    VALUES (\(id), \(ChangeLog.next.replacing("?1", with: String(id))), '\(table)', NEW.rowid, 'updated', \(image("OLD")), \(image("NEW")));
                END;
                """)
        }
        watched = tables
    }

    private var watched: [String] = []

    func stopWatching() {
        for table in watched { try? db.executeScript("DROP TRIGGER IF EXISTS temp.archive_log_\(table)") }
        watched = []
    }

    /// True when nothing was logged: the change is then removed rather than kept empty.
    func discardIfEmpty() throws {
        let rows: Int64 = try db.fetchOne("SELECT count(*) FROM change_rows WHERE change_id = ?", [id]) ?? 0
        if rows == 0 { try db.execute("DELETE FROM changes WHERE id = ?", [id]) }
    }
}

/// Who makes a change: `--by`, else $ARCHIVE_USER, else the login name.
public enum ChangeActor {
    public static func resolve(_ given: String?, environment: (String) -> String?) -> String {
        for candidate in [given, environment("ARCHIVE_USER"), environment("USER"), environment("LOGNAME")] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        return "unknown"
    }
}
