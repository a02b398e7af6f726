// One page of a table as files write it (references as slugs), for the server's browse pages and /api/lists.
// In its natural order a page is found by a keyset, so that the thousandth page costs what the first does: a
// record table by slug (`after`: the slug the last page ended on), a relation table in the order its rows were
// entered (`after`: the row number the last page ended on). Sorted by another column, pages go by offset.
// A relation table may be narrowed to the rows of one record (`designer=dior`). The SQL is made here from the
// catalogue; user text is only bound.
import ArchiveStorage

/// What a browse asks for, checked: the same for the pages and the API.
public struct TableRequest: Sendable {
    public let table: TableDescription
    /// A column to sort by; nil for the natural order (keyset paging).
    public let sort: String?
    public let descending: Bool
    public let after: String?
    public let page: Int
    public let limit: Int
    /// A reference column and the slug it must hold: the rows of one record.
    public let filter: (column: String, slug: String)?

    public static let maximumPage = 2_000
    public static let maximumLimit = 200
    public static let defaultLimit = 50

    public init(table: TableDescription, sort: String? = nil, descending: Bool = false, after: String? = nil, page: Int = 1,
                limit: Int = TableRequest.defaultLimit, filter: (column: String, slug: String)? = nil) throws {
        self.table = table
        let natural = table.kind == .record ? "slug" : nil
        self.sort = sort == natural ? nil : sort
        self.descending = descending
        self.after = after
        self.page = page
        self.limit = limit
        self.filter = filter
        if let sort, table.column(named: sort) == nil { throw ArchiveError(.invalidInput, "sort: \(table.name) has no column “\(sort)”") }
        guard (1...Self.maximumPage).contains(page) else { throw ArchiveError(.invalidInput, "page must be a whole number from 1 to \(Self.maximumPage)") }
        guard (1...Self.maximumLimit).contains(limit) else { throw ArchiveError(.invalidInput, "limit must be a whole number from 1 to \(Self.maximumLimit)") }
        if after != nil, !usesKeyset { throw ArchiveError(.invalidInput, "after pages in the table's natural order, ascending (no sort)") }
        if after != nil, table.kind == .relation, Int64(after ?? "") == nil { throw ArchiveError(.invalidInput, "after: a row number, as next_after gave it") }
        if let filter {
            guard let column = table.column(named: filter.column), case .reference = column.kind else {
                throw ArchiveError(.invalidInput, "\(filter.column): \(table.name) has no such reference")
            }
        }
    }

    /// Keyset paging applies to the natural order.
    public var usesKeyset: Bool { sort == nil && !descending }
}

public struct TablePage: Sendable {
    public let columns: [String]
    /// Values as text, NULL as nil.
    public let rows: [[String?]]
    /// The rows of the table (or of the filter).
    public let total: Int
    /// What `after` gives the next page, when there is one (keyset paging only).
    public let next: String?

    public static func load(_ request: TableRequest, archive: Archive) throws -> TablePage {
        let table = request.table
        let keyed = request.usesKeyset
        // The natural order's key: a record table's slug; a relation table's rowid, which its indexes end with.
        let key = table.kind == .record ? "r.slug" : "r.rowid"
        var conditions: [String] = []
        if keyed, request.after != nil { conditions.append("\(key) > ?1") }
        if let filter = request.filter, let column = table.column(named: filter.column), case .reference(let target) = column.kind {
            conditions.append("r.\(column.column) = (SELECT id FROM \(target) WHERE slug = ?2)")
        }
        let order: String
        if let sort = request.sort, let index = table.columns.firstIndex(where: { $0.name == sort }) {
            let tieBreak = table.key.compactMap { name in table.columns.firstIndex { $0.name == name }.map { ", \($0 + 1)" } }.joined()
            order = "\(index + 1) \(request.descending ? "DESC" : "ASC") NULLS LAST\(tieBreak)"
        } else {
            order = key + (request.descending ? " DESC" : "")
        }
        let query = ExportQuery.table(table, filter: conditions.isEmpty ? nil : conditions.joined(separator: " AND "), order: order, withKey: key)
        let statement = try archive.database.prepare(query.sql + " LIMIT ?3 OFFSET ?4")
        try statement.bind([keyed ? request.after : nil, request.filter?.slug, request.limit, keyed ? 0 : (request.page - 1) * request.limit])
        var rows: [[String?]] = []
        var lastKey: String?
        let count = Int32(query.columns.count)
        while let row = try statement.next() {
            rows.append((0..<count).map { row.isNull(at: $0) ? nil : row.value(at: $0).plainText })
            lastKey = row.value(at: count).plainText
        }
        let total: Int64
        if let filter = request.filter, let column = table.column(named: filter.column), case .reference(let target) = column.kind {
            total = try archive.database.fetchOne("SELECT count(*) FROM \(table.name) WHERE \(column.column) = (SELECT id FROM \(target) WHERE slug = ?)", [filter.slug]) ?? 0
        } else {
            total = try archive.database.fetchOne("SELECT count(*) FROM \(table.name)") ?? 0
        }
        let next = keyed && rows.count == request.limit ? lastKey : nil
        return TablePage(columns: query.columns.map(\.name), rows: rows, total: Int(total), next: next)
    }

    /// The row of the record `slug`, as its table is exported.
    public static func record(_ table: TableDescription, slug: String, archive: Archive) throws -> TablePage {
        let query = ExportQuery.table(table, filter: "r.slug = ?1")
        let statement = try archive.database.prepare(query.sql)
        try statement.bind([slug])
        var rows: [[String?]] = []
        while let row = try statement.next() {
            rows.append((0..<Int32(query.columns.count)).map { row.isNull(at: $0) ? nil : row.value(at: $0).plainText })
        }
        return TablePage(columns: query.columns.map(\.name), rows: rows, total: rows.count, next: nil)
    }
}
