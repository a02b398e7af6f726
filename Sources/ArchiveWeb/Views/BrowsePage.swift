// /browse and /browse/TABLE: every table with its count, and a table's rows, sortable by any column and paged by
// keyset both ways (First, Previous, Next, Last: `after`, `before`, `last`), so that the thousandth page costs what
// the first does. Records come by name as people read it (TablePage, `sort_key`).
import ArchiveCore
import Hummingbird

extension TableRequest {
    /// A browse as the address asks for it: `sort`, `order`, `after`, `before`, `last`, `page`, `limit`, and a
    /// reference column naming a record (`/browse/collection_designers?designer=dior`).
    init(table name: String, _ request: Request) throws {
        guard let table = Tables.named(name) else { throw Reply.Failure.notFound("there is no table “\(name)”") }
        let parameters = Parameters(request)
        let references = table.columns.filter { if case .reference = $0.kind { true } else { false } }.map(\.name)
        let filter = try references.lazy.compactMap { column in try parameters.text(column, limit: 200).map { (column: column, slug: $0) } }.first
        try self.init(table: table, sort: try parameters.choice("sort", among: table.columns.map(\.name)),
                      descending: try parameters.choice("order", among: ["asc", "desc"]) == "desc",
                      after: try parameters.text("after", limit: 200), before: try parameters.text("before", limit: 200),
                      last: try parameters.choice("last", among: ["1", "true"]) != nil,
                      page: try parameters.integer("page", in: 1...TableRequest.maximumPage) ?? 1,
                      limit: try parameters.integer("limit", in: 1...TableRequest.maximumLimit) ?? TableRequest.defaultLimit, filter: filter)
    }

    /// The parameters of this browse other than its place, for links.
    var linkParameters: [(String, String?)] {
        [("sort", sort), ("order", descending ? "desc" : nil), ("limit", limit == TableRequest.defaultLimit ? nil : String(limit))]
            + (filter.map { [($0.column, $0.slug)] } ?? [])
    }
}

enum BrowsePage {
    static func renderIndex(_ counts: [(String, Int)]) -> String {
        Layout.page(title: "Browse", section: .browse) {
            Node.element("h1") { "Browse" }
            Node.element("p", [.class("lede")]) { "Every table of the archive. Records first; then the relations between them, each citing its source." }
            for (heading, kind) in [("Records", TableDescription.Kind.record), ("Relations", .relation)] {
                Node.element("h2") { heading }
                Components.tableCards(counts.filter { Tables.named($0.0)?.kind == kind }.map { ($0.0, $0.1) })
            }
        }
    }

    static func render(_ browse: TableRequest, _ result: TablePage) -> String {
        let name = browse.table.name, path = "/browse/\(Query.encode(name))"
        let sorted = browse.sort ?? browse.table.nameColumn
        let filter = browse.filter.map { [($0.column, Optional($0.slug))] } ?? []
        // Columns that name a record link to it.
        let references = Dictionary(browse.table.columns.compactMap { column -> (String, String)? in
            if case .reference(let target) = column.kind { (column.name, target) } else if column.kind == .slug { (column.name, name) } else { nil }
        }, uniquingKeysWith: { first, _ in first })
        let key = keyColumns(of: browse.table, sorted: sorted).intersection(result.columns)
        let slugColumn = result.columns.firstIndex(of: "slug")
        let base = browse.linkParameters
        // First and Last whenever there is a page that way; an empty page (its rows gone since) still has both.
        let atStart = result.previous == nil && (!result.rows.isEmpty || (browse.after == nil && browse.before == nil && !browse.last))
        let atEnd = result.next == nil && (!result.rows.isEmpty || atStart)
        let pager = Components.pager(first: atStart ? nil : Query.link(path, base),
                                     previous: result.previous.map { Query.link(path, base + [("before", $0)]) },
                                     next: result.next.map { Query.link(path, base + [("after", $0)]) },
                                     last: atEnd ? nil : Query.link(path, base + [("last", "1")]))
        return Layout.page(title: Names.title(name), section: .browse) {
            Node.element("h1") { Names.title(name) }
            Node.element("p", [.class("lede")]) {
                "\(browse.table.meaning). \(result.total) rows"
                if let narrowed = browse.filter {
                    " of \(Names.field(narrowed.column)) "
                    Node.link(Names.recordPath(target(of: narrowed.column, in: browse.table) ?? "", narrowed.slug), narrowed.slug)
                }
                "."
            }
            Node.element("div", [.class("scroll")]) {
                Node.element("table", [.class("data")]) {
                    Node.element("caption", [.class("muted")]) {
                        sorted.map { "Sorted by \(Names.field($0))\(browse.descending ? ", descending" : "")" } ?? "In the order they were entered"
                        if result.columns.count > key.count {
                            Node.span("narrow", ". \(key.count) of \(result.columns.count) columns shown on a screen this narrow; all of them on a wider one and in the download.")
                        }
                    }
                    Node.element("thead") {
                        Node.element("tr") {
                            for column in result.columns {
                                let descending = column == sorted && !browse.descending
                                Node.element("th", [Attribute("scope", "col"), .class(key.contains(column) ? nil : "minor"), Attribute("aria-sort", column == sorted ? (browse.descending ? "descending" : "ascending") : nil)]) {
                                    Node.link(Query.link(path, [("sort", column), ("order", descending ? "desc" : nil)] + filter), Names.field(column))
                                }
                            }
                        }
                    }
                    Node.element("tbody") {
                        for row in result.rows {
                            Node.element("tr") {
                                for (index, value) in row.enumerated() {
                                    let column = result.columns[index]
                                    cell(value, column: column, references: references, record: slugColumn.flatMap { row[$0] },
                                         shown: column == browse.table.nameColumn ? .name : key.contains(column) ? .key : .minor)
                                }
                            }
                        }
                    }
                }
            }
            pager
            Components.downloads("Download the whole table") { "/api/lists/\(Query.encode(name))?format=\($0)" }
        }
    }

    /// How a phone shows a cell: a row is a card headed by its name; then the other key columns, each labelled
    /// (data-label); the minor ones not at all.
    enum Shown { case name, key, minor }

    /// A cell; a record's name or title links to its page too, since a phone shows it and not the slug.
    private static func cell(_ value: String?, column: String, references: [String: String], record: String?, shown: Shown) -> Node {
        let attributes: [Attribute] = switch shown {
        case .name: [.class("name")]
        case .key: [Attribute("data-label", Names.field(column))]
        case .minor: [.class("minor")]
        }
        guard let value else { return .element("td", attributes) }
        let shown = value.count > 140 ? String(value.prefix(139)) + "…" : value
        if let record, let table = references["slug"], ["name", "title"].contains(column) {
            return .element("td", attributes) { Node.link(Names.recordPath(table, record), shown) }
        }
        guard let target = references[column], Names.isRecordTable(target) else { return .element("td", attributes) { shown } }
        return .element("td", attributes) { Node.link(Names.recordPath(target, value), shown) }
    }

    /// The columns a phone shows of each table, which identify a row (the rest have the class minor, hidden under
    /// 40rem): a record's name or title and what tells it from others of that name; a relation's records and role.
    /// The column sorted by is shown too, but for the slug (the name beside it links to the same page).
    static let keyColumns: [String: [String]] = [
        "objects": ["title", "institution", "accession_number", "date_text"], "designers": ["name", "kind", "nationality"],
        "collections": ["title", "season", "year"], "shoes": ["name", "type", "year_introduced"], "icons": ["name", "occupation", "era"],
        "trends": ["name", "era"], "tags": ["name"], "sources": ["title", "author", "year"], "institutions": ["name", "city", "country"],
    ]

    static func keyColumns(of table: TableDescription, sorted: String?) -> Set<String> {
        let references = table.columns.filter { if case .reference = $0.kind { true } else { false } }.map(\.name)
        return Set((keyColumns[table.name] ?? references + ["role"]) + [sorted].compactMap { $0 == "slug" ? nil : $0 })
    }

    /// The record table a reference column of `table` points at.
    static func target(of column: String, in table: TableDescription) -> String? {
        guard let description = table.column(named: column), case .reference(let target) = description.kind else { return nil }
        return target
    }
}
