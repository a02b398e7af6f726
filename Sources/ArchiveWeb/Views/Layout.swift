// The frame every page shares: landmarks (header, nav, main, footer), a skip link, and the place of the page in
// the navigation.

enum Layout {
    enum Section: String { case home, search, browse, timeline, api, none }

    /// The whole page, `main` inside the frame; `canonical`, the page's public address when the site has one.
    static func page(title: String, section: Section, canonical: String? = nil, @NodeBuilder main: () -> [Node]) -> String {
        let items: [(Section, String, String)] = [
            (.home, "/", "Home"), (.search, "/search", "Search"), (.browse, "/browse", "Browse"),
            (.timeline, "/timeline", "Timeline"), (.api, "/api", "API"),
        ]
        let head = Node.element("head") {
            Node.element("meta", [Attribute("charset", "utf-8")])
            Node.element("meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")])
            Node.element("title") { "\(title) · Fashion archive" }
            Node.element("link", [Attribute("rel", "stylesheet"), .href("/assets/style.css")])
            Node.element("link", [Attribute("rel", "icon"), .href("/assets/icon.svg"), Attribute("type", "image/svg+xml")])
            if let canonical { Node.element("link", [Attribute("rel", "canonical"), .href(canonical)]) }
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
}
