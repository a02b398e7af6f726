// /: what the archive holds, and the search box.
import ArchiveCore

enum HomePage {
    static func render(_ stats: ArchiveStats) -> String {
        let relations = stats.tables.filter { $0.kind == .relation }.reduce(0) { $0 + $1.rows }
        return Layout.page(title: "Home", section: .home) {
            Node.element("h1") { "A fashion archive" }
            Node.element("p", [.class("lede")]) {
                "Designers and houses, their collections, shoes, museum objects, trends and the cultural icons who wore or inspired them — every fact with its source."
            }
            Components.searchForm(query: "")
            Node.element("h2") { "What it holds" }
            Components.tableCards(stats.tables.filter { $0.kind == .record }.map { ($0.table, $0.rows) })
            Node.element("p", [.class("muted")]) {
                "\(relations) relations between them. "
                Node.link("/timeline", "The timeline")
                " puts the dated facts in order; "
                Node.link("/browse", "browse")
                " every table; "
                Node.link("/api", "the JSON API")
                " serves the same for programs."
            }
        }
    }
}
