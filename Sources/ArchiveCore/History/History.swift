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
    public let counts: [Count]
    /// For the history of one record: its fields before and after this change (nil where it did not exist).
    public let before: [(name: String, value: String)]?
    public let after: [(name: String, value: String)]?
}

public enum History {
    /// The newest `limit` changes, or those that altered the record with `slug` (in any record table).
    public static func changes(about slug: String? = nil, limit: Int = 20, archive: Archive) throws -> [ChangeSummary] {
        let db = archive.database
        let records = Tables.records.map { "'\($0.name)'" }.joined(separator: ", ")
        let statement = try db.prepare(slug == nil
            ? "SELECT id, made_at, command, made_by, undoes, undone_by, NULL, NULL FROM changes ORDER BY id DESC LIMIT ?"
            : """
              SELECT c.id, c.made_at, c.command, c.made_by, c.undoes, c.undone_by, r.before, r.after FROM changes c
              JOIN change_rows r ON r.change_id = c.id
              WHERE r.table_name IN (\(records)) AND (json_extract(r.before, '$.slug') = ?2 OR json_extract(r.after, '$.slug') = ?2)
              ORDER BY c.id DESC LIMIT ?1
              """)
        try statement.bind(max(0, limit), at: 1)
        if let slug { try statement.bind(slug, at: 2) }
        var summaries: [ChangeSummary] = []
        while let row = try statement.next() {
            let id = row.int64(at: 0) ?? 0
            let counts = try db.prepare("SELECT table_name, action, count(*) FROM change_rows WHERE change_id = ? GROUP BY 1, 2 ORDER BY 1, 2")
            try counts.bind([id])
            var list: [ChangeSummary.Count] = []
            while let count = try counts.next() {
                list.append(.init(table: count.string(at: 0) ?? "", action: count.string(at: 1) ?? "", rows: count.int(at: 2) ?? 0))
            }
            summaries.append(ChangeSummary(
                id: id, madeAt: row.string(at: 1) ?? "", command: row.string(at: 2) ?? "", madeBy: row.string(at: 3) ?? "",
                undoes: row.int64(at: 4), undoneBy: row.int64(at: 5), counts: list,
                before: try fields(row.string(at: 6), db), after: try fields(row.string(at: 7), db)))
        }
        return summaries
    }

    /// A row image's fields as text, in column order, NULLs left out.
    private static func fields(_ image: String?, _ db: Database) throws -> [(name: String, value: String)]? {
        guard let image else { return nil }
        let statement = try db.prepare("SELECT key, value FROM json_each(?) WHERE value IS NOT NULL")
        try statement.bind([image])
        var fields: [(String, String)] = []
        while let row = try statement.next() { fields.append((row.string(at: 0) ?? "", row.value(at: 1).plainText)) }
        return fields
    }
}
