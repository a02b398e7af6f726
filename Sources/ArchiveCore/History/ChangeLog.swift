// Writes one change of the archive's history (Migrations/0008_change_log.sql): a `changes` row and, for every
// row the change alters, its image as JSON before or after, in the caller's transaction.
import ArchiveStorage

final class ChangeLog {
    let db: Database
    let id: Int64
    /// Starts a change; call inside the transaction that makes it.
    init(_ db: Database, command: String, by actor: String, undoes: Int64? = nil) throws {
        self.db = db
        try db.execute("INSERT INTO changes (made_at, command, made_by, undoes) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)",
                       [command, actor, undoes])
        id = db.lastInsertRowID
        if let undoes { try db.execute("UPDATE changes SET undone_by = ? WHERE id = ?", [id, undoes]) }
    }

    /// A table's columns, asked of SQLite once per table and connection's change.
    private var columnCache: [String: [String]] = [:]

    func columns(_ table: String) throws -> [String] {
        if let known = columnCache[table] { return known }
        let names: [String?] = try db.fetchColumn("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table])
        columnCache[table] = names.compactMap { $0 }
        return columnCache[table]!
    }

    /// The row of `table` as a JSON object of its columns (SQL over `prefix`, e.g. `OLD.`), for the log.
    func image(_ table: String, prefix: String = "") throws -> String {
        "json_object(" + (try columns(table)).map { "'\($0)', \(prefix)\"\($0)\"" }.joined(separator: ", ") + ")"
    }

    /// Logs the row as it is now, before it is deleted.
    func deleting(_ table: String, rowid: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, table_name, row_id, action, before)
            SELECT ?1, ?2, rowid, 'deleted', \(try image(table)) FROM \(table) WHERE rowid = ?3
            """, [id, table, rowid])
    }

    /// Logs every row of `table` above `rowid` up to `through`, in rowid order, before they are deleted.
    func deletingAbove(_ table: String, rowid: Int64, through: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, table_name, row_id, action, before)
            SELECT ?1, ?2, rowid, 'deleted', \(try image(table)) FROM \(table) WHERE rowid > ?3 AND rowid <= ?4 ORDER BY rowid
            """, [id, table, rowid, through])
    }

    /// Logs the row as it is now, after it was inserted.
    func inserted(_ table: String, rowid: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, table_name, row_id, action, after)
            SELECT ?1, ?2, rowid, 'inserted', \(try image(table)) FROM \(table) WHERE rowid = ?3
            """, [id, table, rowid])
    }

    /// Logs that the rows of `table` above `rowid`, up to the highest now, were added by this change: one log
    /// row for any number of added rows, so that a first bulk import keeps no copies (their images are taken if
    /// it is undone). The highest (`after`: {"through": rowid}) keeps rows added later outside the history
    /// (by sqlite3, or an import with --no-history) out of the undo.
    func insertedAbove(_ table: String, rowid: Int64) throws {
        try db.execute("""
            INSERT INTO change_rows (change_id, table_name, row_id, action, after)
            SELECT ?1, ?2, ?3, 'inserted_above', json_object('through', max(rowid)) FROM \(table)
            """, [id, table, rowid])
    }

    /// Logs every UPDATE of these tables on this connection until `stopWatching`, by temporary triggers (which
    /// no other connection sees): the columns the update changed as they were, with a record's slug (which names
    /// it in the history), and a fingerprint of what it wrote in each (`after`: {"#": {column: fingerprint}},
    /// and the new slug if it changed). Only what changed is copied: a re-import that rewrites one field of
    /// 100,000 rows logs that field once, not the whole rows. The images are put together as text, one
    /// expression per column, so that logging a row costs no query of its own. (An import logs its own updates
    /// instead, `UpdateLog`: a trigger makes SQLite keep a statement journal for every row it writes.)
    func watchUpdates(_ tables: [String]) throws {
        for table in tables {
            let columns = try columns(table)
            let changed = { (column: String) in "OLD.\"\(column)\" IS NOT NEW.\"\(column)\"" }
            let before = Self.beforeImage(columns, changed: changed) { "OLD.\"\($0)\"" }
            let after = Self.afterImage(columns, changed: changed) { "NEW.\"\($0)\"" }
            // executeScript, not execute: DDL run once is not worth a place in the statement cache.
            try db.executeScript("""
                CREATE TEMP TRIGGER archive_log_\(table) AFTER UPDATE ON main.\(table)
                WHEN \(columns.map(changed).joined(separator: " OR "))
                BEGIN
                    INSERT INTO change_rows (change_id, table_name, row_id, action, before, after)
                    SELECT \(id), '\(table)', NEW.rowid, 'updated', \(before), \(after);
                END;
                """)
            watched.append(table)
        }
    }

    /// An updated row's before-image as an SQL text expression: {"slug": the record's slug, and each of `columns`
    /// that `changed` as `old` had it}. `changed` and `old` give SQL for a column.
    static func beforeImage(_ columns: [String], changed: (String) -> String, old: (String) -> String) -> String {
        let others = members(columns.filter { $0 != "slug" }, changed: changed) { "json_quote(\(old($0)))" }
        return columns.contains("slug") ? "'{\"slug\":' || json_quote(\(old("slug"))) || \(others) || '}'" : "'{' || substr(\(others), 2) || '}'"
    }

    /// Its after-image: {"slug": the new slug if it changed, "#": {column: fingerprint of what `new` wrote}}.
    static func afterImage(_ columns: [String], changed: (String) -> String, new: (String) -> String) -> String {
        let written = members(columns.filter { $0 != "slug" }, changed: changed) { "\(Fingerprint.function)(\(new($0)))" }
        let newSlug = columns.contains("slug") ? "CASE WHEN \(changed("slug")) THEN '\"slug\":' || json_quote(\(new("slug"))) || ',' ELSE '' END || " : ""
        return "'{' || \(newSlug)'\"#\":{' || substr(\(written), 2) || '}}'"
    }

    /// ',"column":value' for each changed column (value: an SQL expression).
    private static func members(_ names: [String], changed: (String) -> String, value: (String) -> String) -> String {
        names.isEmpty ? "''" : names.map { "CASE WHEN \(changed($0)) THEN ',\"\($0)\":' || \(value($0)) ELSE '' END" }.joined(separator: " || ")
    }

    /// Logs an update whose images were made by `UpdateLog`.
    func updated(_ table: String, rowid: Int64, before: String, after: String) throws {
        try db.execute("INSERT INTO change_rows (change_id, table_name, row_id, action, before, after) VALUES (?, ?, ?, 'updated', ?, ?)",
                       [id, table, rowid, before, after])
    }

    private var watched: [String] = []

    /// Drops the triggers. A trigger that cannot be dropped would log another command's updates into this
    /// change: the error is not swallowed where the change can still be rolled back (`finish`).
    func stopWatching() throws {
        while let table = watched.last {
            try db.executeScript("DROP TRIGGER IF EXISTS temp.archive_log_\(table)")
            watched.removeLast()
        }
    }

    /// Ends an import's change: the rows its writers added, by table, and no more watching. An import that
    /// changed nothing leaves no change behind (and false is returned).
    @discardableResult
    func finish(addedBy writer: ImportWriter) throws -> Bool {
        for table in Tables.all {
            if let written = writer.writers[table.name], written.added > 0 { try insertedAbove(table.name, rowid: written.startMax) }
        }
        try stopWatching()
        return try !discardIfEmpty()
    }

    /// When nothing was logged, the change is removed rather than kept empty; returns whether it was.
    @discardableResult
    func discardIfEmpty() throws -> Bool {
        let logged: Int64? = try db.fetchOne("SELECT 1 FROM change_rows WHERE change_id = ? LIMIT 1", [id])
        if logged == nil { try db.execute("DELETE FROM changes WHERE id = ?", [id]) }
        return logged == nil
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
