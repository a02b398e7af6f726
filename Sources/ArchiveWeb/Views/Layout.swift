// The frame every page shares: landmarks (header, nav, main, footer), a skip link, the place of the page in the
// navigation, and a head that says what the page is to search engines and link previews (a description, the
// canonical address, Open Graph) and, for a record, to linked-data readers (JSON-LD).

enum Layout {
    enum Section: String { case home, search, browse, timeline, api, none }

    /// What a page's <head> says of it besides its title: a description, its canonical address (by default the
    /// address asked for), its kind for Open Graph, structured data, and other forms of it (JSON-LD).
    struct Head: Sendable {
        var description: String?
        var canonical: String?
        var openGraphType = "website"
        var linkedData: LinkedData?
        var alternates: [(type: String, href: String)] = []
    }

    /// Descriptions of the pages that give none of their own, by section.
    static func description(of section: Section) -> String {
        switch section {
        case .search: "Search the fashion archive: houses, designers, collections, shoes, icons, trends and museum objects, each fact with its source."
        case .browse: "Every table of the fashion archive, record by record, with downloads as CSV, JSON and NDJSON."
        case .timeline: "The dated facts of the fashion archive in order: collections, careers, objects and trends, each with its source."
        case .api: "The fashion archive's JSON API: search, records, tables and the timeline, described in OpenAPI."
        case .home, .none: "A fashion archive: houses, designers, collections, shoes, cultural icons, trends and museum objects, with the relations between them and the source behind every fact."
        }
    }

    /// The whole page, `main` inside the frame.
    static func page(title: String, section: Section, head extra: Head = Head(), @NodeBuilder main: () -> [Node]) -> String {
        let items: [(Section, String, String)] = [
            (.home, "/", "Home"), (.search, "/search", "Search"), (.browse, "/browse", "Browse"),
            (.timeline, "/timeline", "Timeline"), (.api, "/api", "API"),
        ]
        let description = Self.shortened(extra.description ?? description(of: section))
        let canonical = extra.canonical ?? PageAddress.current?.url
        let absolute = canonical.flatMap(HTML.linkable)
        let head = Node.element("head") {
            Node.element("meta", [Attribute("charset", "utf-8")])
            Node.element("meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")])
            Node.element("title") { "\(title) · Fashion archive" }
            Node.element("meta", [Attribute("name", "description"), Attribute("content", description)])
            if let canonical { Node.element("link", [Attribute("rel", "canonical"), .href(canonical)]) }
            Node.element("meta", [Attribute("property", "og:site_name"), Attribute("content", "Fashion archive")])
            Node.element("meta", [Attribute("property", "og:type"), Attribute("content", extra.openGraphType)])
            Node.element("meta", [Attribute("property", "og:title"), Attribute("content", title)])
            Node.element("meta", [Attribute("property", "og:description"), Attribute("content", description)])
            // Open Graph takes absolute addresses only: without --base-url there is none to give.
            if let absolute { Node.element("meta", [Attribute("property", "og:url"), Attribute("content", absolute)]) }
            Node.element("link", [Attribute("rel", "stylesheet"), .href("/assets/style.css")])
            Node.element("link", [Attribute("rel", "icon"), .href("/assets/icon.svg"), Attribute("type", "image/svg+xml")])
            for alternate in extra.alternates {
                Node.element("link", [Attribute("rel", "alternate"), Attribute("type", alternate.type), .href(alternate.href)])
            }
            if let data = extra.linkedData { Node.script(data) }
        }
        let body = Node.element("body") {
            Node.link("#content", [.class("skip")], "Skip to content")
            Node.element("header", [.class("site")]) {
                Node.element("div", [.class("bar")]) {
                    Node.link("/", [.class("brand")], "Fashion archive")
                    Node.element("nav", [.class("site"), Attribute("aria-label", "Main")]) {
                        Node.element("ul") {
                            for (item, path, label) in items {
                                Node.element("li") { Node.link(path, [Attribute("aria-current", item == section ? "page" : nil)], label) }
                            }
                        }
                    }
                }
            }
            Node.element("main", [.id("content")], main())
            Node.element("footer", [.class("site")]) {
                Node.element("div", [.class("bar")]) {
                    Node.element("span") {
                        "Served by "
                        Node.element("code") { "archive serve" }
                        ", read-only. Every fact cites its source."
                    }
                    Node.link("/api/openapi.json", "OpenAPI")
                }
            }
        }
        return "<!doctype html>\n" + Node.element("html", [Attribute("lang", "en")], [head, body]).html
    }

    /// A description as search engines show one: at most about 200 characters, cut at a word, on one line.
    static func shortened(_ text: String, limit: Int = 200) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard line.count > limit else { return line }
        let cut = line.prefix(limit - 1)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
    }
}
