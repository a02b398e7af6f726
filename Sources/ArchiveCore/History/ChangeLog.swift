// Writes one change of the archive's history (Migrations/0008_change_log.sql): a `changes` row and, for every
// row the change alters, its image as JSON before or after, in the caller's transaction.
import ArchiveStorage

final class ChangeLog {
    let db: Database
    let id: Int64
    private var seq = 0

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
        seq += 1
        try db.execute("""
            INSERT INTO change_rows (change_id, seq, table_name, row_id, action, before)
            SELECT ?, ?, ?, rowid, 'deleted', \(try ChangeLog.image(table, db)) FROM \(table) WHERE rowid = ?
            """, [id, seq, table, rowid])
    }

    /// Logs the row as it is now, after it was inserted.
    func inserted(_ table: String, rowid: Int64) throws {
        seq += 1
        try db.execute("""
            INSERT INTO change_rows (change_id, seq, table_name, row_id, action, after)
            SELECT ?, ?, ?, rowid, 'inserted', \(try ChangeLog.image(table, db)) FROM \(table) WHERE rowid = ?
            """, [id, seq, table, rowid])
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
