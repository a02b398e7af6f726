// `archive history [SLUG]`: the changes made to the archive, newest first, with what each altered.
import ArchiveStorage

public struct ChangeSummary: Sendable {
    public struct Count: Sendable {
        public let table: String
        public let action: String
        public let rows: Int
    }

    public let id: Int64
    public let madeAt: String
    public let command: String
    public let madeBy: String
    public let undoes: Int64?
    public let undoneBy: Int64?
    /// When `history --prune` dropped the change's row images (it can no longer be undone).
    public let prunedAt: String?
    public let counts: [Count]
    /// For the history of one record: its fields before and after this change (nil where it did not exist).
    public let before: [(name: String, value: String)]?
    public let after: [(name: String, value: String)]?

    /// The change as `archive history --format json` gives it.
    public var json: String {
        let quoted = JSONText.quoted
        return "{\"id\":\(id),\"made_at\":\(quoted(madeAt)),\"command\":\(quoted(command)),\"made_by\":\(quoted(madeBy)),"
            + "\"undoes\":\(undoes.map(String.init) ?? "null"),\"undone_by\":\(undoneBy.map(String.init) ?? "null"),"
            + "\"pruned_at\":\(prunedAt.map(quoted) ?? "null"),\"rows\":["
            + counts.map { "{\"table\":\(quoted($0.table)),\"action\":\(quoted($0.action)),\"rows\":\($0.rows)}" }.joined(separator: ",") + "]}"
    }
}

public enum History {
    /// The newest `limit` changes, or those that altered the record with `slug` (in any record table).
    public static func changes(about slug: String? = nil, limit: Int = 20, archive: Archive) throws -> [ChangeSummary] {
        let db = archive.database
        let records = Tables.records.map { "'\($0.name)'" }.joined(separator: ", ")
        // A change may log a record more than once (an edit that renames it, then sets its fields): it is listed
        // once, with the record as it was before its first row and after its last.
        let touches = "r.table_name IN (\(records)) AND (json_extract(r.before, '$.slug') = ?2 OR json_extract(r.after, '$.slug') = ?2)"
        let statement = try db.prepare(slug == nil
            ? "SELECT id, made_at, command, made_by, undoes, undone_by, NULL, NULL, pruned_at, pruned_counts FROM changes ORDER BY id DESC LIMIT ?"
            : """
              SELECT c.id, c.made_at, c.command, c.made_by, c.undoes, c.undone_by,
                     NULL,
                     (SELECT r.id FROM change_rows r WHERE r.change_id = c.id AND \(touches) ORDER BY r.id DESC LIMIT 1),
                     c.pruned_at, c.pruned_counts
              FROM changes c WHERE c.id IN (SELECT r.change_id FROM change_rows r WHERE \(touches))
              ORDER BY c.id DESC LIMIT ?1
              """)
        try statement.bind(max(0, limit), at: 1)
        if let slug { try statement.bind(slug, at: 2) }
        var summaries: [ChangeSummary] = []
        while let row = try statement.next() {
            let id = row.int64(at: 0) ?? 0
            // A pruned change keeps its counts in JSON; the others are counted from their logged rows.
            let counts = try db.cachedStatement(row.isNull(at: 9)
                ? "SELECT table_name, action, count(*) FROM change_rows WHERE change_id = ? GROUP BY 1, 2 ORDER BY 1, 2"
                : "SELECT json_extract(value, '$.table'), json_extract(value, '$.action'), json_extract(value, '$.rows') FROM json_each(?)")
                .rows(row.isNull(at: 9) ? [id] : [row.string(at: 9)])
            var list: [ChangeSummary.Count] = []
            while let count = try counts.next() {
                list.append(.init(table: count.string(at: 0) ?? "", action: count.string(at: 1) ?? "", rows: count.int(at: 2) ?? 0))
            }
            let before = try slug.map { try beforeFields(ofChange: id, touching: touches, slug: $0, db) } ?? nil
            summaries.append(ChangeSummary(
                id: id, madeAt: row.string(at: 1) ?? "", command: row.string(at: 2) ?? "", madeBy: row.string(at: 3) ?? "",
                undoes: row.int64(at: 4), undoneBy: row.int64(at: 5), prunedAt: row.string(at: 8), counts: list,
                before: before, after: try afterFields(ofLogRow: row.int64(at: 7), db)))
        }
        return summaries
    }

    public struct PruneReport: Sendable {
        /// The changes whose row images were dropped, and the newest of them.
        public let changes: Int
        public let newest: Int64?
        public let rows: Int
        /// Bytes of JSON images dropped, and of file pages freed for reuse (the file keeps its size until VACUUM).
        public let imageBytes: Int64
        public let freedBytes: Int64
    }

    /// Drops the row images of every change made before `moment` (and of every change older than one of them,
    /// so that what remains undoable is an unbroken run of the newest changes), in one transaction; a dry run
    /// reports and rolls back. `moment` is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (UTC, as changes are dated).
    public static func prune(before moment: String, dryRun: Bool = false, archive: Archive) throws -> PruneReport {
        let db = archive.database
        struct Rehearsal: Error { let report: PruneReport }
        do {
            return try db.transaction(.immediate) {
                guard let cutoff: String = try db.fetchOne("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?) WHERE ? GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'", [moment, moment]) else {
                    throw ArchiveError(.invalidInput, "\"\(moment)\" is not a date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)")
                }
                let newest: Int64? = try db.fetchOne("SELECT max(id) FROM changes WHERE made_at < ?", [cutoff])
                let range = "change_id <= ?1 AND change_id IN (SELECT id FROM changes WHERE pruned_at IS NULL)"
                let rows: Int64 = try db.fetchOne("SELECT count(*) FROM change_rows WHERE \(range)", [newest ?? 0]) ?? 0
                let bytes: Int64 = try db.fetchOne("SELECT coalesce(sum(coalesce(length(before), 0) + coalesce(length(after), 0)), 0) FROM change_rows WHERE \(range)", [newest ?? 0]) ?? 0
                let changes: Int64 = try db.fetchOne("SELECT count(*) FROM changes WHERE id <= ? AND pruned_at IS NULL", [newest ?? 0]) ?? 0
                let freeBefore: Int64 = try db.fetchOne("SELECT freelist_count * page_size FROM pragma_freelist_count, pragma_page_size") ?? 0
                try db.execute("""
                    UPDATE changes SET pruned_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), pruned_counts = (
                        SELECT json_group_array(json_object('table', table_name, 'action', action, 'rows', n))
                        FROM (SELECT table_name, action, count(*) AS n FROM change_rows WHERE change_id = changes.id GROUP BY 1, 2 ORDER BY 1, 2))
                    WHERE id <= ? AND pruned_at IS NULL
                    """, [newest ?? 0])
                try db.execute("DELETE FROM change_rows WHERE change_id <= ?", [newest ?? 0])
                // Image files that only the pruned copies named can no longer come back: they go.
                try MediaFiles.dropUnused(db)
                let freeAfter: Int64 = try db.fetchOne("SELECT freelist_count * page_size FROM pragma_freelist_count, pragma_page_size") ?? 0
                let report = PruneReport(changes: Int(changes), newest: changes > 0 ? newest : nil, rows: Int(rows), imageBytes: bytes, freedBytes: max(0, freeAfter - freeBefore))
                if dryRun { throw Rehearsal(report: report) }
                return report
            }
        } catch let rehearsal as Rehearsal {
            return rehearsal.report
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// The record's fields before a change: each as the change's first row for the record that holds it had it
    /// (an edit that renames, then sets fields, logs the slug in one row and the fields in the next); nil when
    /// the record did not exist before (its first row has no before-image).
    private static func beforeFields(ofChange id: Int64, touching touches: String, slug: String, _ db: Database) throws -> [(name: String, value: String)]? {
        let rows = try db.cachedStatement("SELECT r.before FROM change_rows r WHERE r.change_id = ?1 AND \(touches) ORDER BY r.id")
            .rows([id, slug])
        var images: [String?] = []
        while let image = try rows.next() { images.append(image.string(at: 0)) }
        guard var before = try fields(images.first ?? nil, db) else { return nil }
        for image in images.dropFirst() {
            for field in try fields(image, db) ?? [] where !before.contains(where: { $0.name == field.name }) { before.append(field) }
        }
        return before
    }

    /// A logged row's fields after its change. Where the log keeps a fingerprint of what the change wrote
    /// (Fingerprint), the value is found where it is now: in the before-image of the next logged row that
    /// changed the field, or else in the record itself; one that no longer matches (changed outside the
    /// history) is said to be so.
    private static func afterFields(ofLogRow id: Int64?, _ db: Database) throws -> [(name: String, value: String)]? {
        guard let id else { return nil }
        let logged = try db.cachedStatement("""
            SELECT table_name, row_id, after, json_type(after, '$."#"') IS NOT NULL, json_extract(before, '$.slug'), json_type(after, '$.slug') IS NULL
            FROM change_rows WHERE id = ?
            """)
        guard let row = try logged.rows([id]).next(), let table = row.string(at: 0).flatMap(Tables.named), let rowid = row.int64(at: 1) else { return nil }
        let after = row.string(at: 2)
        guard row.int64(at: 3) == 1, let after else { return try fields(after, db) }
        var result = (try fields(after, db) ?? []).filter { $0.name != "#" }
        // A slug the change kept is not in the after-image: it is the one before.
        if row.int64(at: 5) == 1, let slug = row.string(at: 4) { result.insert(("slug", slug), at: 0) }
        let prints = try db.cachedStatement("SELECT key, value FROM json_each(?, '$.\"#\"')").rows([after])
        // Where each field's value is now: the next logged row that changed it, else the record.
        let later = try db.cachedStatement("""
            SELECT json_extract(before, ?4) FROM change_rows
            WHERE table_name = ?1 AND row_id = ?2 AND id > ?3 AND json_type(before, ?4) IS NOT NULL ORDER BY id LIMIT 1
            """)
        let columns = Set((try db.fetchColumn("SELECT name FROM pragma_table_info(?)", [table.name]) as [String?]).compactMap { $0 })
        while let print = try prints.next() {
            guard let column = print.string(at: 0), columns.contains(column), let fingerprint = print.int64(at: 1) else { continue }
            let now = try db.cachedStatement("SELECT \"\(column)\" FROM \(table.name) WHERE rowid = ?")
            guard let found = try later.rows([table.name, rowid, id, "$.\"\(column)\""]).next()?.value(at: 0)
                ?? now.rows([rowid]).next()?.value(at: 0) else { continue }
            if Fingerprint.of(found) != fingerprint {
                result.append((column, "(changed since, outside the history)"))
            } else if !found.isNull {
                result.append((column, found.plainText))
            }
        }
        return result
    }

    /// A row image's fields as text, in column order, NULLs left out.
    private static func fields(_ image: String?, _ db: Database) throws -> [(name: String, value: String)]? {
        guard let image else { return nil }
        let rows = try db.cachedStatement("SELECT key, value FROM json_each(?) WHERE value IS NOT NULL").rows([image])
        var fields: [(String, String)] = []
        while let row = try rows.next() { fields.append((row.string(at: 0) ?? "", row.value(at: 1).plainText)) }
        return fields
    }
}
