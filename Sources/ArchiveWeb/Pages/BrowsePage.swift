// /browse and /browse/TABLE: every table with its count, and a table's rows, sortable by any column and paged —
// by slug with a keyset (`after`), so that the thousandth page costs what the first does.
import ArchiveCore
import Hummingbird

struct BrowseRequest: Sendable {
    let table: TableDescription
    let sort: String
    let descending: Bool
    let after: String?
    let page: Int
    let limit: Int

    init(table name: String, _ request: Request) throws {
        guard let table = Tables.named(name) else { throw Reply.Failure.notFound("there is no table “\(name)”") }
        self.table = table
        let parameters = Parameters(request)
        sort = try parameters.choice("sort", among: table.columns.map(\.name)) ?? table.key[0]
        descending = try parameters.choice("order", among: ["asc", "desc"]) == "desc"
        after = try parameters.text("after", limit: 200)
        page = try parameters.integer("page", in: 1...2_000) ?? 1
        limit = try parameters.integer("limit", in: 1...200) ?? 50
        if after != nil && (sort != "slug" || descending) { throw Reply.Failure.badRequest("after pages by slug, in ascending order") }
    }

    /// Keyset paging applies to the natural order of record tables.
    var usesKeyset: Bool { sort == "slug" && !descending }
}

enum BrowsePage {
    static func load(_ browse: BrowseRequest, pool: ReadPool) throws -> TablePage {
        try pool.read { archive in
            try TablePage.load(browse.table, sort: browse.sort, descending: browse.descending, after: browse.usesKeyset ? browse.after : nil,
                               limit: browse.limit, offset: browse.usesKeyset ? 0 : (browse.page - 1) * browse.limit, archive: archive)
        }
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

    static func render(_ browse: BrowseRequest, _ result: TablePage) -> String {
        let name = browse.table.name
        var body = "<h1>\(HTML.escape(Names.title(name)))</h1><p class=\"lede\">\(HTML.escape(browse.table.meaning)). \(result.total) rows.</p>"
        body += "<div class=\"scroll\"><table class=\"data\"><caption class=\"muted\">Sorted by \(HTML.escape(Names.field(browse.sort)))\(browse.descending ? ", descending" : "")</caption><thead><tr>"
        for column in result.columns {
            let descending = column == browse.sort && !browse.descending
            let state = column == browse.sort ? " aria-sort=\"\(browse.descending ? "descending" : "ascending")\"" : ""
            body += "<th scope=\"col\"\(state)><a href=\"\(HTML.escape(Query.link("/browse/\(name)", [("sort", column), ("order", descending ? "desc" : nil)])))\">\(HTML.escape(Names.field(column)))</a></th>"
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
        if browse.usesKeyset {
            if browse.after != nil { body += "<a href=\"/browse/\(name)\">← First</a>" }
            if result.rows.count == browse.limit, let last = result.rows.last?.first ?? nil {
                body += "<a rel=\"next\" href=\"\(HTML.escape(Query.link("/browse/\(name)", [("after", last), ("limit", browse.limit == 50 ? nil : String(browse.limit))])))\">Next →</a>"
            }
        } else {
            let base: [(String, String?)] = [("sort", browse.sort), ("order", browse.descending ? "desc" : nil)]
            if browse.page > 1 { body += "<a rel=\"prev\" href=\"\(HTML.escape(Query.link("/browse/\(name)", base + [("page", String(browse.page - 1))])))\">← Previous</a>" }
            if result.rows.count == browse.limit && browse.page < 2_000 {
                body += "<a rel=\"next\" href=\"\(HTML.escape(Query.link("/browse/\(name)", base + [("page", String(browse.page + 1))])))\">Next →</a>"
            }
        }
        body += "</nav><p class=\"downloads\">Download the whole table: "
            + ["csv", "json", "ndjson"].map { "<a href=\"/api/lists/\(name)?format=\($0)\">\($0.uppercased())</a>" }.joined(separator: " · ") + "</p>"
        return Layout.page(title: Names.title(name), section: .browse, body: body)
    }
}
