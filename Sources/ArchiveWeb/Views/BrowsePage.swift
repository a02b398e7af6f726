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
                    }
                    Node.element("thead") {
                        Node.element("tr") {
                            for column in result.columns {
                                let descending = column == sorted && !browse.descending
                                Node.element("th", [Attribute("scope", "col"), Attribute("aria-sort", column == sorted ? (browse.descending ? "descending" : "ascending") : nil)]) {
                                    Node.link(Query.link(path, [("sort", column), ("order", descending ? "desc" : nil)] + filter), Names.field(column))
                                }
                            }
                        }
                    }
                    Node.element("tbody") {
                        for row in result.rows {
                            Node.element("tr") {
                                for (index, value) in row.enumerated() { cell(value, column: result.columns[index], references: references) }
                            }
                        }
                    }
                }
            }
            pager
            Components.downloads("Download the whole table") { "/api/lists/\(Query.encode(name))?format=\($0)" }
        }
    }

    private static func cell(_ value: String?, column: String, references: [String: String]) -> Node {
        guard let value else { return .element("td") }
        let shown = value.count > 140 ? String(value.prefix(139)) + "…" : value
        guard let target = references[column], Names.isRecordTable(target) else { return .element("td") { shown } }
        return .element("td") { Node.link(Names.recordPath(target, value), shown) }
    }

    /// The record table a reference column of `table` points at.
    static func target(of column: String, in table: TableDescription) -> String? {
        guard let description = table.column(named: column), case .reference(let target) = description.kind else { return nil }
        return target
    }
}
