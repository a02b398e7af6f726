// `archive undo [CHANGE]`: restores exactly what a change altered, from the before- and after-images in the
// change log. Rows go back in reverse order (a deleted record before its relations). A row that a later change
// touched is not overwritten: the undo is refused and names that change. The undo is a change of its own, so
// it can be undone in turn.
import ArchiveStorage

public enum Undo {
    /// SQL over change_rows: the row belongs to a change whose effect is still in place — not one undone, and
    /// not an undo in force (which, with the change it undid, cancels out); a redo (an undo of an undo) counts.
    static let inEffect = """
        change_id IN (SELECT c.id FROM changes c WHERE c.undone_by IS NULL
                      AND (c.undoes IS NULL OR (SELECT u.undoes FROM changes u WHERE u.id = c.undoes) IS NOT NULL))
        """

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
                try log.watchUpdates(Tables.all.map(\.name))
                defer { log.stopWatching() }
                let statement = try db.prepare("SELECT table_name, row_id, action, before, after FROM change_rows WHERE change_id = ? ORDER BY id DESC")
                try statement.bind([target])
                var rows: [(table: String, rowid: Int64, action: String, before: String?, after: String?)] = []
                while let row = try statement.next() {
                    rows.append((row.string(at: 0) ?? "", row.int64(at: 1) ?? 0, row.string(at: 2) ?? "", row.string(at: 3), row.string(at: 4)))
                }
                // Fields first, added rows last: an import may point an existing row at a record it added, and
                // that row must let go of it before the record goes.
                rows = rows.filter { $0.action != "inserted_above" } + rows.filter { $0.action == "inserted_above" }
                for row in rows {
                    switch row.action {
                    case "deleted":
                        try refuseIfTaken(row.table, rowid: row.rowid, image: row.before ?? "{}", after: target, db)
                        try refuseIfEndsAreGone(row.table, image: row.before ?? "{}", after: target, db)
                        try insert(row.table, rowid: row.rowid, image: row.before ?? "{}", columns: try log.columns(row.table), db)
                        try log.inserted(row.table, rowid: row.rowid)
                    case "inserted":
                        try refuseIfChanged(row.table, rowid: row.rowid, image: row.after ?? "{}", log: log, after: target, db)
                        try log.deleting(row.table, rowid: row.rowid)
                        try db.execute("DELETE FROM \(row.table) WHERE rowid = ?", [row.rowid])
                    case "updated":
                        try refuseIfChanged(row.table, rowid: row.rowid, image: row.after ?? "{}", log: log, after: target, db)
                        try restore(row.table, rowid: row.rowid, image: row.before ?? "{}", columns: try log.columns(row.table), db)
                    case "inserted_above":
                        // The rows an import added: each is logged before it goes, so that the undo can be undone.
                        if let later: Int64 = try db.fetchOne(
                            "SELECT max(change_id) FROM change_rows WHERE change_id > ? AND table_name = ? AND row_id > ? AND \(Undo.inEffect)", [target, row.table, row.rowid]) {
                            throw ArchiveError(.invalidInput, "cannot undo change \(target): change \(later) touched \(row.table) rows it added since; undo change \(later) first")
                        }
                        try refuseIfStillReferenced(row.table, above: row.rowid, after: target, db)
                        try log.deletingAbove(row.table, rowid: row.rowid)
                        try db.execute("DELETE FROM \(row.table) WHERE rowid > ?", [row.rowid])
                    default:
                        throw ArchiveError(.invalidInput, "change \(target) holds a row this version cannot undo (\(row.action))")
                    }
                }
                return (target, log.id)
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// Puts a logged row back with its rowid, each column from its JSON image.
    private static func insert(_ table: String, rowid: Int64, image: String, columns names: [String], _ db: Database) throws {
        // A record's id is its rowid; a relation keeps its rowid apart.
        let withRowid = !names.contains("id")
        let sql = "INSERT INTO \(table) (" + (withRowid ? ["rowid"] : []).joined() + (withRowid ? ", " : "")
            + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") SELECT " + (withRowid ? "?2, " : "")
            + names.map { "json_extract(?1, '$.\"\($0)\"')" }.joined(separator: ", ")
        let statement = try db.cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(image, at: 1)
        if withRowid { try statement.bind(rowid, at: 2) }
        try statement.run()
    }

    /// Puts an updated row's columns back as they were (one cached statement per table).
    private static func restore(_ table: String, rowid: Int64, image: String, columns: [String], _ db: Database) throws {
        let sql = "UPDATE \(table) SET " + columns.map { "\"\($0)\" = json_extract(?1, '$.\"\($0)\"')" }.joined(separator: ", ")
            + " WHERE rowid = ?2"
        let statement = try db.cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(image, at: 1)
        try statement.bind(rowid, at: 2)
        try statement.run()
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
    private static func refuseIfStillReferenced(_ table: String, above rowid: Int64, after change: Int64, _ db: Database) throws {
        guard Tables.records.contains(where: { $0.name == table }) else { return }
        for referring in Tables.all {
            for column in referring.columns where column.kind == .reference(table: table) {
                let count: Int64 = try db.fetchOne("SELECT count(*) FROM \(referring.name) WHERE \(column.column) > ?", [rowid]) ?? 0
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

    private static func conflict(_ table: String, rowid: Int64, slug: String?, after change: Int64, _ db: Database) throws -> ArchiveError {
        let later: Int64? = try db.fetchOne("""
            SELECT max(change_id) FROM change_rows WHERE change_id > ?1 AND table_name = ?2
              AND (row_id = ?3 OR (?4 IS NOT NULL AND json_extract(coalesce(after, before), '$.slug') = ?4)) AND \(Undo.inEffect)
            """, [change, table, rowid, slug])
        let known: String? = try slug ?? db.fetchOne("""
            SELECT json_extract(coalesce(before, after), '$.slug') FROM change_rows WHERE table_name = ? AND row_id = ? ORDER BY change_id DESC LIMIT 1
            """, [table, rowid])
        let what = "\(table) \(known ?? "row \(rowid)")"
        if let later {
            return ArchiveError(.invalidInput, "cannot undo change \(change): change \(later) touched \(what) since; undo change \(later) first")
        }
        return ArchiveError(.invalidInput, "cannot undo change \(change): \(what) has changed since (outside the history, e.g. by an import); nothing was changed")
    }
}
