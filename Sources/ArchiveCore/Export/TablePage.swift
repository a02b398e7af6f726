// One page of a table as files write it (references as slugs), for the server's browse pages and /api/lists.
// Every order pages by keyset, both ways, so that the thousandth page costs what the first does and a page
// never shifts when rows are added before it: a page begins `after` the row the last one ended on, or ends
// `before` the row the next one began with, or is the `last`; rows that tie are told apart by the row's key (a
// record's slug, a relation row's number). A record table's natural order is its name as people read it
// (`sort_key`, migration 0013, indexed with the slug); a relation table's, the order its rows were entered.
// A relation table may be narrowed to the rows of one record (`designer=dior`). The SQL is made here from the
// catalogue; user text is only bound.
import ArchiveStorage

/// What a browse asks for, checked: the same for the pages and the API.
public struct TableRequest: Sendable {
    public let table: TableDescription
    /// A column to sort by; nil for the natural order (a record table's name as read, a relation's entry order).
    public let sort: String?
    public let descending: Bool
    /// The key of the row the previous page ended on.
    public let after: String?
    /// The key of the row the next page began with: the page before it.
    public let before: String?
    /// The last page.
    public let last: Bool
    /// A page by number: older links; the pages link by keyset.
    public let page: Int
    public let limit: Int
    /// A reference column and the slug it must hold: the rows of one record.
    public let filter: (column: String, slug: String)?

    public static let maximumPage = 2_000
    public static let maximumLimit = 200
    public static let defaultLimit = 50

    public init(table: TableDescription, sort: String? = nil, descending: Bool = false, after: String? = nil, before: String? = nil,
                last: Bool = false, page: Int = 1, limit: Int = TableRequest.defaultLimit, filter: (column: String, slug: String)? = nil) throws {
        self.table = table
        self.sort = sort == table.nameColumn ? nil : sort
        self.descending = descending
        self.after = after
        self.before = before
        self.last = last
        self.page = page
        self.limit = limit
        self.filter = filter
        if let sort, table.column(named: sort) == nil { throw ArchiveError(.invalidInput, "sort: \(table.name) has no column “\(sort)”") }
        guard (1...Self.maximumPage).contains(page) else { throw ArchiveError(.invalidInput, "page must be a whole number from 1 to \(Self.maximumPage)") }
        guard (1...Self.maximumLimit).contains(limit) else { throw ArchiveError(.invalidInput, "limit must be a whole number from 1 to \(Self.maximumLimit)") }
        guard [after != nil, before != nil, last, page > 1].filter({ $0 }).count <= 1 else {
            throw ArchiveError(.invalidInput, "after, before, last and page each say where a page is: give one of them")
        }
        for cursor in [after, before].compactMap({ $0 }) where table.kind == .relation && Int64(cursor) == nil {
            throw ArchiveError(.invalidInput, "after and before: a row number, as next_after or previous_before gave it")
        }
        if let filter {
            guard let column = table.column(named: filter.column), case .reference = column.kind else {
                throw ArchiveError(.invalidInput, "\(filter.column): \(table.name) has no such reference")
            }
        }
    }
}

extension TableDescription {
    /// The column a record is named by (designers' name, collections' title), which `sort_key` folds.
    public var nameColumn: String? {
        kind == .record ? ["name", "title"].first { column(named: $0) != nil } : nil
    }
}

public struct TablePage: Sendable {
    public let columns: [String]
    /// Values as text, NULL as nil.
    public let rows: [[String?]]
    /// The rows of the table (or of the filter).
    public let total: Int
    /// What `after` gives the next page, when there is one.
    public let next: String?
    /// What `before` gives the previous page, when there is one.
    public let previous: String?

    public init(columns: [String], rows: [[String?]], total: Int, next: String?, previous: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.total = total
        self.next = next
        self.previous = previous
    }

    /// A term of the order: SQL over `r` (and the export's joins), and whether it runs upwards.
    private struct Term {
        let sql: String
        let ascending: Bool
        let nullable: Bool
    }

    public static func load(_ request: TableRequest, archive: Archive) throws -> TablePage {
        let table = request.table, db = archive.database
        // The row's key, last in every order: a record's slug; a relation row's number, which its indexes end with.
        let key = table.kind == .record ? "r.slug" : "r.rowid"
        let up = !request.descending
        var terms: [Term]
        if let sort = request.sort, sort != "slug", let index = table.columns.firstIndex(where: { $0.name == sort }) {
            // NULLs last whichever the direction, as a flag before the value.
            let column = table.columns[index], value = ExportQuery.expression(of: table, column: index)
            terms = (column.isRequired ? [] : [Term(sql: "(\(value) IS NULL)", ascending: true, nullable: false)])
                + [Term(sql: value, ascending: up, nullable: !column.isRequired)]
        } else if request.sort == nil, table.nameColumn != nil {
            terms = [Term(sql: "r.sort_key", ascending: up, nullable: false)]
        } else {
            terms = []
        }
        terms.append(Term(sql: key, ascending: up, nullable: false))
        // Backwards (the page before a row, the last page): the order reversed, the rows read turned round.
        let backwards = request.before != nil || request.last
        if backwards { terms = terms.map { Term(sql: $0.sql, ascending: !$0.ascending, nullable: $0.nullable) } }

        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let filter = request.filter, let column = table.column(named: filter.column), case .reference(let target) = column.kind {
            arguments.append(.text(filter.slug))
            conditions.append("r.\(column.column) = (SELECT id FROM \(target) WHERE slug = ?\(arguments.count))")
        }
        if let cursor = request.after ?? request.before {
            let values = try cursorValues(cursor, terms: terms, table: table, key: key, db: db)
            let places = values.map { value -> String in arguments.append(value); return "?\(arguments.count)" }
            conditions.append(beyond(terms, places))
        }
        arguments += [.integer(Int64(request.limit + 1)), .integer(Int64(backwards ? 0 : (request.page - 1) * request.limit))]
        let order = terms.map { "\($0.sql) \($0.ascending ? "ASC" : "DESC")" }.joined(separator: ", ")
        let query = ExportQuery.table(table, filter: conditions.isEmpty ? nil : conditions.joined(separator: " AND "), order: order, withKey: key)
        let statement = try db.prepare(query.sql + " LIMIT ?\(arguments.count - 1) OFFSET ?\(arguments.count)")
        try statement.bind(arguments)
        var rows: [[String?]] = [], keys: [String] = []
        let count = Int32(query.columns.count)
        while let row = try statement.next() {
            rows.append((0..<count).map { row.isNull(at: $0) ? nil : row.value(at: $0).plainText })
            keys.append(row.value(at: count).plainText ?? "")
        }
        let more = rows.count > request.limit
        if more { rows.removeLast(); keys.removeLast() }
        if backwards { rows.reverse(); keys.reverse() }
        // Forwards, a page after a row has that row before it; backwards, a page before a row has it after.
        let hasNext = backwards ? request.before != nil : more
        let hasPrevious = backwards ? more : request.after != nil || request.page > 1
        let total: Int64
        if let filter = request.filter, let column = table.column(named: filter.column), case .reference(let target) = column.kind {
            total = try db.fetchOne("SELECT count(*) FROM \(table.name) WHERE \(column.column) = (SELECT id FROM \(target) WHERE slug = ?)", [filter.slug]) ?? 0
        } else {
            total = try db.fetchOne("SELECT count(*) FROM \(table.name)") ?? 0
        }
        return TablePage(columns: query.columns.map(\.name), rows: rows, total: Int(total),
                         next: hasNext ? keys.last : nil, previous: hasPrevious ? keys.first : nil)
    }

    /// The values of the order's terms at the row `cursor` names. An order by the key alone needs no lookup (the
    /// row may since have gone); any other reads the row, which must still be there.
    private static func cursorValues(_ cursor: String, terms: [Term], table: TableDescription, key: String, db: Database) throws -> [DatabaseValue] {
        let keyValue: DatabaseValue = table.kind == .record ? .text(cursor) : .integer(Int64(cursor) ?? 0)
        if terms.count == 1 { return [keyValue] }
        let query = ExportQuery.table(table, filter: "\(key) = ?1", withKey: terms.map(\.sql).joined(separator: ", "))
        let statement = try db.prepare(query.sql)
        try statement.bind([keyValue])
        guard let row = try statement.next() else {
            throw ArchiveError(.invalidInput, "\(table.name) has no row “\(cursor)” (deleted since?): start again from the first page")
        }
        let first = Int32(table.columns.count)
        return terms.indices.map { row.value(at: first + Int32($0)) }
    }

    /// SQL true for the rows after the cursor in the order of `terms` (its values at `places`): a row value, which
    /// SQLite reads from an index, when no term may be NULL; else term by term, equal meaning IS.
    private static func beyond(_ terms: [Term], _ places: [String]) -> String {
        if !terms.contains(where: \.nullable), Set(terms.map(\.ascending)).count == 1 {
            return "(\(terms.map(\.sql).joined(separator: ", "))) \(terms[0].ascending ? ">" : "<") (\(places.joined(separator: ", ")))"
        }
        var condition = ""
        for (term, place) in zip(terms, places).reversed() {
            let step = "\(term.sql) \(term.ascending ? ">" : "<") \(place)"
            condition = condition.isEmpty ? step : "\(step) OR (\(term.sql) IS \(place) AND (\(condition)))"
        }
        return "(\(condition))"
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
