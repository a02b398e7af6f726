// One page of a table as files write it (references as slugs): sorted by any of its columns, paged by slug with
// a keyset (`after`: the slug the last page ended on) in the natural order, else by offset. For the server's
// browse pages and /api/lists; the SQL is made here from the catalogue, user text only bound.
import ArchiveStorage

public struct TablePage: Sendable {
    public let columns: [String]
    /// Values as text, NULL as nil.
    public let rows: [[String?]]
    public let total: Int

    public static func load(_ table: TableDescription, sort: String? = nil, descending: Bool = false, after: String? = nil,
                            limit: Int, offset: Int = 0, archive: Archive) throws -> TablePage {
        try load(table, sort: sort, descending: descending, after: after, slug: nil, limit: limit, offset: offset, archive: archive)
    }

    /// The row of the record `slug`, as its table is exported.
    public static func record(_ table: TableDescription, slug: String, archive: Archive) throws -> TablePage {
        try load(table, sort: nil, descending: false, after: nil, slug: slug, limit: 1, offset: 0, archive: archive)
    }

    private static func load(_ table: TableDescription, sort: String?, descending: Bool, after: String?, slug: String?,
                             limit: Int, offset: Int, archive: Archive) throws -> TablePage {
        let query = ExportQuery.table(table)
        let sortColumn = sort.flatMap { name in table.columns.first { $0.name == name }?.name } ?? table.key[0]
        let keyset = after != nil && sortColumn == "slug" && !descending
        let tieBreak = table.key.filter { $0 != sortColumn }.map { ", \"\($0)\"" }.joined()
        let sql = "SELECT * FROM (\(query.sql)) WHERE (?1 IS NULL OR slug > ?1) AND (?4 IS NULL OR slug = ?4)"
            + " ORDER BY \"\(sortColumn)\" \(descending ? "DESC" : "ASC") NULLS LAST\(tieBreak) LIMIT ?2 OFFSET ?3"
        let statement = try archive.database.prepare(sql)
        try statement.bind([keyset ? after : nil, max(0, limit), keyset ? 0 : max(0, offset), slug])
        var rows: [[String?]] = []
        while let row = try statement.next() {
            rows.append((0..<Int32(query.columns.count)).map { row.isNull(at: $0) ? nil : row.value(at: $0).plainText })
        }
        let total: Int64 = try archive.database.fetchOne("SELECT count(*) FROM \(table.name)") ?? 0
        return TablePage(columns: query.columns.map(\.name), rows: rows, total: Int(total))
    }
}
