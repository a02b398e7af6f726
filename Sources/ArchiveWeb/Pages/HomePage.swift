// /: what the archive holds, and the search box.
import ArchiveCore

enum HomePage {
    static func render(_ stats: ArchiveStats) -> String {
        var body = "<h1>A fashion archive</h1><p class=\"lede\">Designers and houses, their collections, shoes, museum objects, trends and the cultural icons who wore or inspired them — every fact with its source.</p>"
        body += Layout.searchForm(query: "", autofocus: true)
        body += "<h2>What it holds</h2><ul class=\"cards\">"
        for table in stats.tables where table.kind == .record {
            body += "<li><a href=\"/browse/\(table.table)\">\(HTML.escape(Names.title(table.table)))</a><span class=\"number\">\(table.rows)</span>"
                + "<span class=\"muted\">\(HTML.escape(Tables.named(table.table)?.meaning ?? ""))</span></li>"
        }
        let relations = stats.tables.filter { $0.kind == .relation }.reduce(0) { $0 + $1.rows }
        body += "</ul><p class=\"muted\">\(relations) relations between them. <a href=\"/timeline\">The timeline</a> puts the dated facts in order; "
            + "<a href=\"/browse\">browse</a> every table; <a href=\"/api\">the JSON API</a> serves the same for programs.</p>"
        return Layout.page(title: "Home", section: .home, body: body)
    }
}
