// The pieces several pages share: the search form, a list of tables as cards, a pager, download links.
import ArchiveCore

enum Components {
    /// The search form, as on the home, search and error pages; `kept`, parameters it sends again as they are
    /// (a search's filters). Never autofocused: the first Tab must reach the skip link and the menu.
    static func searchForm(query: String, scope: String = "all", kept: [(String, String)] = []) -> Node {
        .element("form", [.class("search"), Attribute("role", "search"), Attribute("action", "/search"), Attribute("method", "get")]) {
            for (name, value) in kept {
                Node.element("input", [Attribute("type", "hidden"), Attribute("name", name), Attribute("value", value)])
            }
            Node.element("div", [.class("field grow")]) {
                Node.element("label", [Attribute("for", "q")]) { "Search the archive" }
                Node.element("input", [Attribute("type", "search"), .id("q"), Attribute("name", "q"), Attribute("value", query), Attribute("maxlength", "1000"),
                                       Attribute("placeholder", "tulle, ballet flats, Dior…")])
            }
            Node.element("div", [.class("field")]) {
                Node.element("label", [Attribute("for", "in")]) { "In" }
                Node.element("select", [.id("in"), Attribute("name", "in")]) {
                    for name in ["all"] + SearchPage.scopeNames {
                        Node.element("option", [Attribute("value", name), .flag("selected", name == scope)]) { name == "all" ? "Everything" : name.capitalized }
                    }
                }
            }
            Node.element("button", [Attribute("type", "submit")]) { "Search" }
        }
    }

    /// Tables as cards: the name linking to its browse page, the count, what it holds.
    static func tableCards(_ tables: [(name: String, rows: Int)]) -> Node {
        .element("ul", [.class("cards")]) {
            for table in tables {
                Node.element("li") {
                    Node.link("/browse/\(Query.encode(table.name))", Names.title(table.name))
                    Node.span("number", String(table.rows))
                    Node.span("muted", Tables.named(table.name)?.meaning ?? "")
                }
            }
        }
    }

    /// First, previous, next and last page links, those given; nothing when there is only one page.
    static func pager(first: String? = nil, previous: String? = nil, next: String? = nil, last: String? = nil) -> Node {
        guard first != nil || previous != nil || next != nil || last != nil else { return .empty }
        return .element("nav", [.class("pager"), Attribute("aria-label", "Pages")]) {
            if let first { Node.link(first, "← First") }
            if let previous { Node.link(previous, [Attribute("rel", "prev")], "← Previous") }
            if let next { Node.link(next, [Attribute("rel", "next")], "Next →") }
            if let last { Node.link(last, "Last →") }
        }
    }

    /// "Download …: CSV · JSON · NDJSON", each format a link made by `link`, then `extra` links. With `naming`,
    /// each format's link is named for a screen reader by it too ("Objects as CSV"), where several lines of
    /// formats stand together.
    static func downloads(_ label: String, _ link: (String) -> String, extra: [(String, String)] = [], naming: String? = nil) -> Node {
        let links = ["csv", "json", "ndjson"].map { (link($0), $0.uppercased()) } + extra
        return .element("p", [.class("downloads")]) {
            "\(label): "
            for (index, item) in links.enumerated() {
                if index > 0 { " · " }
                Node.link(item.0, [Attribute("aria-label", naming.map { "\($0) as \(item.1)" })], item.1)
            }
        }
    }
}
