// /records/TABLE/SLUG: one record with every field, its relations grouped by role with links, its sources,
// identifiers as outbound links, a relationship graph drawn by the server, and "cite this record".
import ArchiveCore
import Hummingbird

enum RecordPage {
    /// Links of each relation a page shows, at most; the rest are a link away (a browse of the relation).
    static let linksPerRelation = 50

    static func load(_ table: String, _ slug: String, pool: ReadPool) throws -> RecordDetails {
        try check(table, slug)
        let found = try pool.read { try RecordDetails.find(slug, in: table, linksPerRelation: linksPerRelation, archive: $0) }
        guard let record = found.first else { throw Reply.Failure.notFound("no \(Names.singular(table)) has the slug “\(slug)”") }
        return record
    }

    /// A 404 for an address that cannot name a record.
    static func check(_ table: String, _ slug: String) throws {
        guard Names.isRecordTable(table) else { throw Reply.Failure.notFound("there is no record table “\(table)”") }
        guard slug.utf8.count <= 200 else { throw Reply.Failure.notFound("no \(Names.singular(table)) has that slug") }
    }

    static func title(of record: RecordDetails) -> String {
        for name in ["title", "name"] {
            if let text = record.fields.first(where: { $0.name == name })?.text { return text }
        }
        return record.slug
    }

    static func render(_ record: RecordDetails, baseURL: String?, today: String) -> String {
        let title = title(of: record)
        let path = Names.recordPath(record.table, record.slug)
        var body = "<p><span class=\"kind\">\(HTML.escape(Names.singular(record.table)))</span> <a href=\"/browse/\(record.table)\">all \(HTML.escape(record.table))</a></p>"
        body += "<h1>\(HTML.escape(title))</h1>"
        let authorities = Dictionary(record.authorityURLs.map { ($0.name, $0.url) }, uniquingKeysWith: { first, _ in first })
        body += "<section aria-labelledby=\"fields\"><h2 id=\"fields\">Fields</h2><dl class=\"fields\">"
        for field in record.fields {
            guard let text = field.text else { continue }
            let value: String
            if let url = authorities[field.name] {
                value = HTML.link(url, text)
            } else if field.name == "url" || field.name.hasSuffix("_url") {
                value = HTML.link(text, text)
            } else if let target = reference(field.name, in: record.table) {
                value = "<a href=\"\(HTML.escape(Names.recordPath(target, text)))\">\(HTML.escape(text))</a>"
            } else {
                value = HTML.escape(text)
            }
            body += "<dt>\(HTML.escape(Names.field(field.name)))</dt><dd>\(value)</dd>"
        }
        body += "</dl></section>"
        body += relations(record)
        if !record.sources.isEmpty {
            body += "<section aria-labelledby=\"sources\"><h2 id=\"sources\">Sources</h2><ul>"
            for source in record.sources {
                body += "<li><a href=\"\(HTML.escape(Names.recordPath("sources", source.slug)))\">\(HTML.escape(source.title))</a>"
                    + (source.note.map { " <span class=\"muted\">— \(HTML.escape($0))</span>" } ?? "") + "</li>"
            }
            body += "</ul></section>"
        }
        if !record.links.isEmpty {
            body += "<section aria-labelledby=\"graph\"><h2 id=\"graph\">Around this record</h2>" + Graph.svg(record, title: title) + "</section>"
        }
        let permalink = (baseURL ?? "") + path
        body += """
            <section aria-labelledby="cite"><h2 id="cite">Cite this record</h2><div class="cite">
            <p>“\(HTML.escape(title)).” Fashion archive, \(HTML.escape(Names.singular(record.table))) <code>\(HTML.escape(record.slug))</code>. \(HTML.escape(permalink)) (accessed \(HTML.escape(today))).</p>
            <p class="muted">Permalink: <a href="\(HTML.escape(baseURL == nil ? path : permalink))">\(HTML.escape(permalink))</a>. Cite the sources above for the facts they support.</p>
            </div></section>
            <p class="downloads">Download: <a href="\(HTML.escape("/api/records" + path.dropFirst("/records".count)))">JSON</a> ·
            <a href="\(HTML.escape("/api/records" + path.dropFirst("/records".count) + "?format=csv"))">CSV</a> ·
            <a href="\(HTML.escape(Query.link("/timeline", [("around", record.slug), ("table", record.table)])))">its timeline</a></p>
            """
        return Layout.page(title: title, section: .browse, body: body)
    }

    /// The record table a field of `table` refers to, if it is a reference.
    private static func reference(_ field: String, in table: String) -> String? {
        guard let column = Tables.named(table)?.column(named: field), case .reference(let target) = column.kind else { return nil }
        return target
    }

    /// Links grouped by relation and role: "Collections — house", each with its details and source.
    private static func relations(_ record: RecordDetails) -> String {
        guard !record.links.isEmpty else { return "" }
        var groups: [(String, [RecordDetails.Link])] = []
        for link in record.links {
            let heading = Names.title(link.table) + (link.role.map { " — \(Names.field($0))" } ?? "")
            if let index = groups.firstIndex(where: { $0.0 == heading }) { groups[index].1.append(link) } else { groups.append((heading, [link])) }
        }
        var html = "<section class=\"relations\" aria-labelledby=\"relations\"><h2 id=\"relations\">Relations</h2>"
        for (heading, links) in groups {
            html += "<h3>\(HTML.escape(heading))</h3><ul>"
            for link in links {
                let details = link.details.map { "\(Names.field($0.name)) \($0.text ?? "")" }.joined(separator: ", ")
                html += "<li><a href=\"\(HTML.escape(Names.recordPath(link.table, link.slug)))\">\(HTML.escape(link.name))</a>"
                    + (details.isEmpty ? "" : " <span class=\"muted\">(\(HTML.escape(details)))</span>")
                    + (link.source.map { " <a class=\"muted\" href=\"\(HTML.escape(Names.recordPath("sources", $0)))\">source</a>" } ?? "")
                    + "</li>"
            }
            html += "</ul>"
        }
        for part in record.partial {
            let all = Query.link("/browse/\(part.relation)", [(part.column, record.slug)])
            html += "<p class=\"muted\">\(HTML.escape(Names.title(part.table))) through \(HTML.escape(Names.field(part.relation))): \(part.shown) of \(part.total) shown. "
                + "<a href=\"\(HTML.escape(all))\">All \(part.total), page by page</a>.</p>"
        }
        return html + "</section>"
    }
}
