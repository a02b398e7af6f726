// `archive undo [CHANGE]`: restores exactly what a change altered, from the before- and after-images in the
// change log. Rows go back in reverse order (a deleted record before its relations). A row that a later change
// touched is not overwritten: the undo is refused and names that change. The undo is a change of its own, so
// it can be undone in turn.
import ArchiveStorage

public enum Undo {
    /// SQL over change_rows: the row belongs to a change whose effect is still in place — not one undone, and
    /// not an undo in force (which, with the change it undid, cancels out); a redo (an undo of an undo) counts.
    static let inEffect = inEffect("change_id")

    static func inEffect(_ column: String) -> String {
        """
        \(column) IN (SELECT c.id FROM changes c WHERE c.undone_by IS NULL
                      AND (c.undoes IS NULL OR (SELECT u.undoes FROM changes u WHERE u.id = c.undoes) IS NOT NULL))
        """
    }

    /// Undoes change `id` (the newest change when nil) and returns the id of the undo's own change.
    @discardableResult
    public static func run(_ id: Int64? = nil, on archive: Archive, by actor: String) throws -> (undone: Int64, change: Int64) {
        let db = archive.database
        do {
            return try db.transaction(.immediate) {
                guard let target: Int64 = try id ?? db.fetchOne("SELECT max(id) FROM changes") else {
                    throw ArchiveError(.notFound, "the archive's history is empty: there is nothing to undo")
                }
                guard let command: String = try db.fetchOne("SELECT command FROM changes WHERE id = ?", [target]) else {
                    throw ArchiveError(.notFound, "there is no change \(target): `archive history` lists them")
                }
                if let by: Int64 = try db.fetchOne("SELECT undone_by FROM changes WHERE id = ?", [target]) {
                    throw ArchiveError(.invalidInput, "change \(target) (\(command)) was undone already, by change \(by); undo that one to redo it")
                }
                if let pruned: String = try db.fetchOne("SELECT pruned_at FROM changes WHERE id = ?", [target]) {
                    throw ArchiveError(.invalidInput, "change \(target) (\(command)) cannot be undone: its row images were pruned at \(pruned) (`archive history --prune`)")
                }
                let log = try ChangeLog(db, command: "undo \(target) (\(command))", by: actor, undoes: target)
                // The fields an undo puts back are logged by the same triggers as an import's updates.
                try log.watchUpdates(Tables.all.map(\.name) + ["media"])
                defer { try? log.stopWatching() }
                // Deleted rows come back first (in reverse order: a record before its relations), so that fields
                // put back may point at them; then the fields (one statement per table); then rows the change
                // added go (an import may have pointed an existing row at a record it added: that row lets go of
                // it first). Streamed: a 100,000-row change is not held in memory. The undo's own log rows,
                // written meanwhile, belong to another change and are not read.
                try eachRow(of: target, where: "action = 'deleted'", db) { try undo($0, of: target, log: log, db) }
                for table in ["media"] + Tables.all.reversed().map(\.name) {
                    try undoUpdates(of: table, in: target, log: log, db)
                }
                try eachRow(of: target, where: "action = 'inserted'", db) { try undo($0, of: target, log: log, db) }
                try eachRow(of: target, where: "action = 'inserted_above'", db) { try undo($0, of: target, log: log, db) }
                try log.stopWatching()
                return (target, log.id)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw try refusal(error, undoing: id, db)
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// One logged row of a change.
    struct LoggedRow {
        let table: String
        let rowid: Int64
        let action: String
        let before: String?
        let after: String?
        /// For an update, the columns whose values differ between the images.
        let changed: [String]
    }

    /// The change's logged rows that match `condition`, newest first, one at a time.
    static func eachRow(of change: Int64, where condition: String, _ db: Database, _ body: (LoggedRow) throws -> Void) throws {
        let statement = try db.prepare("""
            SELECT table_name, row_id, action, before, after,
                   (SELECT group_concat(b.key, char(31)) FROM json_each(before) b WHERE \(AfterImage.changed(key: "b.key", before: "b.value", after: "after")))
            FROM change_rows WHERE change_id = ? AND \(condition) ORDER BY id DESC
            """)
        try statement.bind([change])
        while let row = try statement.next() {
            try body(LoggedRow(table: row.string(at: 0) ?? "", rowid: row.int64(at: 1) ?? 0, action: row.string(at: 2) ?? "",
                               before: row.string(at: 3), after: row.string(at: 4),
                               changed: row.string(at: 5).map { $0.split(separator: "\u{1F}").map(String.init) } ?? []))
        }
    }

    /// Reverses what change `target` did to one row.
    static func undo(_ row: LoggedRow, of target: Int64, log: ChangeLog, _ db: Database) throws {
        let (table, rowid, action, before, after, changed) = (row.table, row.rowid, row.action, row.before, row.after, row.changed)
        switch action {
        case "deleted":
            try refuseIfTaken(table, rowid: rowid, image: before ?? "{}", after: target, db)
            try refuseIfEndsAreGone(table, image: before ?? "{}", after: target, db)
            try insert(table, rowid: rowid, image: before ?? "{}", columns: try log.columns(table), db)
            try log.inserted(table, rowid: rowid)
        case "inserted":
            try refuseIfChanged(table, rowid: rowid, image: after ?? "{}", log: log, after: target, db)
            try log.deleting(table, rowid: rowid)
            try db.execute("DELETE FROM \(table) WHERE rowid = ?", [rowid])
        case "updated":
            // The image holds the columns the change altered: those go back, if they still hold what it wrote
            // and no later change touched the row.
            guard !changed.isEmpty else { return }
            // The undo's own change is not a later one: a row the target updated twice (an edit that renames,
            // then sets fields) is put back image by image, and the first image put back is logged already.
            if let later: Int64 = try db.fetchOne(
                "SELECT max(change_id) FROM change_rows WHERE table_name = ? AND row_id = ? AND change_id > ? AND change_id <> ? AND \(Undo.inEffect)",
                [table, rowid, target, log.id]) {
                throw try conflict(table, rowid: rowid, slug: nil, after: target, db, later: later)
            }
            try restore(table, rowid: rowid, before: before ?? "{}", after: after ?? "{}", columns: changed, target: target, db)
        case "inserted_above":
            // The rows an import added (logs older than the "through" bound: every row above): each is logged
            // before it goes, so that the undo can be undone.
            let through: Int64 = try db.fetchOne("SELECT coalesce(json_extract(?, '$.through'), 9223372036854775807)", [after]) ?? Int64.max
            if let later: Int64 = try db.fetchOne(
                "SELECT max(change_id) FROM change_rows WHERE change_id > ? AND table_name = ? AND row_id > ? AND row_id <= ? AND \(Undo.inEffect)", [target, table, rowid, through]) {
                throw ArchiveError(.invalidInput, "cannot undo change \(target): change \(later) touched \(table) rows it added since; undo change \(later) first")
            }
            try refuseIfStillReferenced(table, above: rowid, through: through, after: target, db)
            try log.deletingAbove(table, rowid: rowid, through: through)
            try db.execute("DELETE FROM \(table) WHERE rowid > ? AND rowid <= ?", [rowid, through])
        default:
            throw ArchiveError(.invalidInput, "change \(target) holds a row this version cannot undo (\(action))")
        }
    }

    /// Puts a logged row back with its rowid, each column from its JSON image.
    private static func insert(_ table: String, rowid: Int64, image: String, columns names: [String], _ db: Database) throws {
        // A record's id is its rowid; a relation keeps its rowid apart.
        let withRowid = !names.contains("id")
        let sql = "INSERT INTO \(table) (" + (withRowid ? ["rowid"] : []).joined() + (withRowid ? ", " : "")
            + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") SELECT " + (withRowid ? "?2, " : "")
            + names.map { "json_extract(?1, '$.\"\($0)\"')" }.joined(separator: ", ")
        try db.execute(sql, withRowid ? [image, rowid] : [image])
    }

    /// Puts an updated row's changed columns back as they were, where they still hold what the change wrote
    /// (one cached statement per table and set of columns: a re-import changes the same columns of every row).
    private static func restore(_ table: String, rowid: Int64, before: String, after: String, columns: [String], target: Int64, _ db: Database) throws {
        let path = { (column: String) in "'$.\"\(column)\"'" }
        let sql = "UPDATE \(table) SET " + columns.map { "\"\($0)\" = json_extract(?1, \(path($0)))" }.joined(separator: ", ")
            + " WHERE rowid = ?2 AND " + columns.map { AfterImage.holds("\"\($0)\"", column: $0, after: "?3") }.joined(separator: " AND ")
        try db.execute(sql, [before, rowid, after])
        // Nothing updated: the fields hold something else than the change wrote (outside the history).
        if db.changes == 0 {
            let slug: String? = try db.fetchOne("SELECT \(AfterImage.slug(before: "?1", after: "?2"))", [before, after])
            throw try conflict(table, rowid: rowid, slug: slug, after: target, db)
        }
    }

    /// A deleted row comes back only where nothing has taken its place (its rowid, or a record's slug).
    private static func refuseIfTaken(_ table: String, rowid: Int64, image: String, after change: Int64, _ db: Database) throws {
        let slug: String? = try db.fetchOne("SELECT json_extract(?, '$.slug')", [image])
        let taken: Int64? = try db.fetchOne("SELECT rowid FROM \(table) WHERE rowid = ?" + (slug != nil ? " OR slug = ?" : ""),
                                            slug.map { [rowid, $0] } ?? [rowid])
        guard taken != nil else { return }
        throw try conflict(table, rowid: taken ?? rowid, slug: slug, after: change, db)
    }

    /// A relation comes back only to records that exist: one deleted by a later change must come back first.
    private static func refuseIfEndsAreGone(_ table: String, image: String, after change: Int64, _ db: Database) throws {
        guard let description = Tables.named(table) else { return }
        for column in description.columns {
            guard case .reference(let target) = column.kind,
                  let id: Int64 = try db.fetchOne("SELECT json_extract(?, '$.\"\(column.column)\"')", [image]) else { continue }
            let exists: Int64? = try db.fetchOne("SELECT 1 FROM \(target) WHERE id = ?", [id])
            if exists == nil { throw try conflict(target, rowid: id, slug: nil, after: change, db) }
        }
    }

    /// Records an import added go only when nothing else refers to them any more: the change's own relation rows
    /// went first (they come later in its log); rows that still refer to them were added by a later change, and
    /// a cascade would delete them without a trace.
    private static func refuseIfStillReferenced(_ table: String, above rowid: Int64, through: Int64, after change: Int64, _ db: Database) throws {
        guard Tables.records.contains(where: { $0.name == table }) else { return }
        // Images added since to the records it added (media names its record by table and id).
        let shown: Int64 = try db.fetchOne("SELECT count(*) FROM media WHERE record_table = ? AND record_id > ? AND record_id <= ?", [table, rowid, through]) ?? 0
        if shown > 0 {
            let later: Int64? = try db.fetchOne("SELECT max(change_id) FROM change_rows WHERE change_id > ? AND table_name = 'media' AND \(Undo.inEffect)", [change])
            throw ArchiveError(.invalidInput, "cannot undo change \(change): \(shown) images added since are shown by the \(table) it added"
                + (later.map { "; undo change \($0) first" } ?? " (outside the history); nothing was changed"))
        }
        for referring in Tables.all {
            for column in referring.columns where column.kind == .reference(table: table) {
                let count: Int64 = try db.fetchOne("SELECT count(*) FROM \(referring.name) WHERE \(column.column) > ? AND \(column.column) <= ?", [rowid, through]) ?? 0
                guard count > 0 else { continue }
                let later: Int64? = try db.fetchOne("SELECT max(change_id) FROM change_rows WHERE change_id > ? AND table_name = ? AND \(Undo.inEffect)", [change, referring.name])
                throw ArchiveError(.invalidInput, "cannot undo change \(change): \(count) \(referring.name) rows added since refer to the \(table) it added"
                    + (later.map { "; undo change \($0) first" } ?? " (outside the history); nothing was changed"))
            }
        }
    }

    /// An inserted row goes only if it is still as the change left it.
    private static func refuseIfChanged(_ table: String, rowid: Int64, image: String, log: ChangeLog, after change: Int64, _ db: Database) throws {
        let same: Int64? = try db.fetchOne("SELECT \(try log.image(table)) = json(?1) FROM \(table) WHERE rowid = ?2", [image, rowid])
        guard same == 1 else {
            throw try conflict(table, rowid: rowid, slug: try db.fetchOne("SELECT json_extract(?, '$.slug')", [image]), after: change, db)
        }
    }

    static func conflict(_ table: String, rowid: Int64, slug: String?, after change: Int64, _ db: Database, later known: Int64? = nil) throws -> ArchiveError {
        let later: Int64? = try known ?? db.fetchOne("""
            SELECT max(change_id) FROM change_rows WHERE change_id > ?1 AND table_name = ?2
              AND (row_id = ?3 OR (?4 IS NOT NULL AND \(AfterImage.slug(before: "before", after: "after")) = ?4)) AND \(Undo.inEffect)
            """, [change, table, rowid, slug])
        let known: String? = try slug ?? db.fetchOne("""
            SELECT json_extract(coalesce(before, after), '$.slug') FROM change_rows WHERE table_name = ? AND row_id = ? ORDER BY change_id DESC LIMIT 1
            """, [table, rowid])
        let what = "\(table) \(known ?? "row \(rowid)")"
        if let later {
            return ArchiveError(.invalidInput, "cannot undo change \(change): change \(later) touched \(what) since; undo change \(later) first")
        }
        return ArchiveError(.invalidInput, "cannot undo change \(change): \(what) has changed since, outside the history (with sqlite3 or another tool); nothing was changed")
    }
}
