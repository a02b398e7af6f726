// /browse and /browse/TABLE: every table with its count, and a table's rows, sortable by any column and paged —
// by slug with a keyset (`after`), so that the thousandth page costs what the first does.
import ArchiveCore
import Hummingbird

extension TableRequest {
    /// A browse as the address asks for it: `sort`, `order`, `after`, `page`, `limit`, and a reference column
    /// naming a record (`/browse/collection_designers?designer=dior`).
    init(table name: String, _ request: Request) throws {
        guard let table = Tables.named(name) else { throw Reply.Failure.notFound("there is no table “\(name)”") }
        let parameters = Parameters(request)
        let references = table.columns.filter { if case .reference = $0.kind { true } else { false } }.map(\.name)
        let filter = try references.lazy.compactMap { column in try parameters.text(column, limit: 200).map { (column: column, slug: $0) } }.first
        try self.init(table: table, sort: try parameters.choice("sort", among: table.columns.map(\.name)),
                      descending: try parameters.choice("order", among: ["asc", "desc"]) == "desc",
                      after: try parameters.text("after", limit: 200), page: try parameters.integer("page", in: 1...TableRequest.maximumPage) ?? 1,
                      limit: try parameters.integer("limit", in: 1...TableRequest.maximumLimit) ?? TableRequest.defaultLimit, filter: filter)
    }

    /// The parameters of this browse other than its place, for links.
    var linkParameters: [(String, String?)] {
        [("sort", sort), ("order", descending ? "desc" : nil), ("limit", limit == TableRequest.defaultLimit ? nil : String(limit))]
            + (filter.map { [($0.column, $0.slug)] } ?? [])
    }
}

enum BrowsePage {
    static func load(_ browse: TableRequest, pool: ReadPool) throws -> TablePage {
        try pool.read { try TablePage.load(browse, archive: $0) }
    }

    static func renderIndex(_ counts: [(String, Int)]) -> String {
        var body = "<h1>Browse</h1><p class=\"lede\">Every table of the archive. Records first; then the relations between them, each citing its source.</p>"
        for (heading, kind) in [("Records", TableDescription.Kind.record), ("Relations", .relation)] {
            body += "<h2>\(heading)</h2><ul class=\"cards\">"
            for (name, count) in counts where Tables.named(name)?.kind == kind {
                body += "<li><a href=\"/browse/\(name)\">\(HTML.escape(Names.title(name)))</a><span class=\"number\">\(count)</span>"
                    + "<span class=\"muted\">\(HTML.escape(Tables.named(name)?.meaning ?? ""))</span></li>"
            }
            body += "</ul>"
        }
        return Layout.page(title: "Browse", section: .browse, body: body)
    }

    static func render(_ browse: TableRequest, _ result: TablePage) -> String {
        let name = browse.table.name
        let natural = browse.table.kind == .record ? "slug" : nil
        let sorted = browse.sort ?? natural
        let narrowed = browse.filter.map { " of \(Names.field($0.column)) <a href=\"\(HTML.escape(Names.recordPath(Self.target(of: $0.column, in: browse.table) ?? "", $0.slug)))\">\(HTML.escape($0.slug))</a>" } ?? ""
        var body = "<h1>\(HTML.escape(Names.title(name)))</h1><p class=\"lede\">\(HTML.escape(browse.table.meaning)). \(result.total) rows\(narrowed).</p>"
        let caption = sorted.map { "Sorted by \(HTML.escape(Names.field($0)))\(browse.descending ? ", descending" : "")" } ?? "In the order they were entered"
        body += "<div class=\"scroll\"><table class=\"data\"><caption class=\"muted\">\(caption)</caption><thead><tr>"
        let filterParameters = browse.filter.map { [($0.column, Optional($0.slug))] } ?? []
        for column in result.columns {
            let descending = column == sorted && !browse.descending
            let state = column == sorted ? " aria-sort=\"\(browse.descending ? "descending" : "ascending")\"" : ""
            body += "<th scope=\"col\"\(state)><a href=\"\(HTML.escape(Query.link("/browse/\(name)", [("sort", column), ("order", descending ? "desc" : nil)] + filterParameters)))\">\(HTML.escape(Names.field(column)))</a></th>"
        }
        body += "</tr></thead><tbody>"
        let references = Dictionary(browse.table.columns.compactMap { column -> (String, String)? in
            if case .reference(let target) = column.kind { (column.name, target) } else if column.kind == .slug { (column.name, name) } else { nil }
        }, uniquingKeysWith: { first, _ in first })
        for row in result.rows {
            body += "<tr>"
            for (index, value) in row.enumerated() {
                let column = result.columns[index]
                guard let value else { body += "<td></td>"; continue }
                let shown = value.count > 140 ? String(value.prefix(139)) + "…" : value
                if let target = references[column], Names.isRecordTable(target) {
                    body += "<td><a href=\"\(HTML.escape(Names.recordPath(target, value)))\">\(HTML.escape(shown))</a></td>"
                } else {
                    body += "<td>\(HTML.escape(shown))</td>"
                }
            }
            body += "</tr>"
        }
        body += "</tbody></table></div><nav class=\"pager\" aria-label=\"Pages\">"
        let base = browse.linkParameters
        if browse.usesKeyset {
            if browse.after != nil { body += "<a href=\"\(HTML.escape(Query.link("/browse/\(name)", base)))\">← First</a>" }
            if let next = result.next {
                body += "<a rel=\"next\" href=\"\(HTML.escape(Query.link("/browse/\(name)", base + [("after", next)])))\">Next →</a>"
            }
        } else {
            if browse.page > 1 { body += "<a rel=\"prev\" href=\"\(HTML.escape(Query.link("/browse/\(name)", base + [("page", String(browse.page - 1))])))\">← Previous</a>" }
            if result.rows.count == browse.limit && browse.page < TableRequest.maximumPage {
                body += "<a rel=\"next\" href=\"\(HTML.escape(Query.link("/browse/\(name)", base + [("page", String(browse.page + 1))])))\">Next →</a>"
            }
        }
        body += "</nav><p class=\"downloads\">Download the whole table: "
            + ["csv", "json", "ndjson"].map { "<a href=\"/api/lists/\(name)?format=\($0)\">\($0.uppercased())</a>" }.joined(separator: " · ") + "</p>"
        return Layout.page(title: Names.title(name), section: .browse, body: body)
    }

    /// The record table a reference column of `table` points at.
    static func target(of column: String, in table: TableDescription) -> String? {
        guard let description = table.column(named: column), case .reference(let target) = description.kind else { return nil }
        return target
    }
}
