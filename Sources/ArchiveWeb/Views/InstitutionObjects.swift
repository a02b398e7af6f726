// On an institution's page, what it holds: how many objects, by category and by type, each count a link to the
// search of those objects, and the objects themselves a page at a time (by slug, with a keyset: `?after=`).
import ArchiveCore

enum InstitutionObjects {
    static func section(_ holdings: InstitutionHoldings, institution: String, name: String, after: String?) -> Node {
        let path = Names.recordPath("institutions", institution)
        let category = Tables.named("objects")?.column(named: "category")
        return .element("section", [.class("holdings"), Attribute("aria-labelledby", "holdings")]) {
            Node.element("h2", [.id("holdings")]) { "Objects held" }
            if holdings.total == 0 {
                Node.element("p") { "The archive holds no object of \(name)." }
            } else {
                Node.element("p", [.class("lede")]) { "\(holdings.total.formatted) \(holdings.total == 1 ? "object" : "objects") in the archive." }
                Node.element("div", [.class("counts")]) {
                    counts("By category", holdings.categories, id: "by-category") { value in
                        (category?.label(of: value) ?? value, search(institution, name: name, [("category", value)]))
                    }
                    counts("By type", holdings.types, id: "by-type") { value in
                        (value, search(institution, name: name, [("type", value)], words: value))
                    }
                }
                if holdings.typeTotal > holdings.types.count {
                    Node.element("p", [.class("muted")]) {
                        "The \(holdings.types.count) types held most; \(holdings.typeTotal.formatted) in all: "
                        Node.link(Query.link("/browse/objects", [("institution", institution), ("sort", "object_type")]), "every object, by type")
                        "."
                    }
                }
                list(holdings.objects, path: path, after: after)
            }
        }
    }

    /// A search of the institution's objects narrowed by `filters`. A search needs words: the type's own, or the
    /// institution's name, which the search index holds for each of its objects.
    static func search(_ institution: String, name: String, _ filters: [(String, String?)], words: String? = nil) -> String {
        Query.link("/search", [("q", words ?? name), ("in", "objects"), ("institution", institution)] + filters)
    }

    private static func counts(_ heading: String, _ counts: [InstitutionHoldings.Count], id: String,
                               link: (String) -> (label: String, href: String)) -> Node {
        .element("section", [Attribute("aria-labelledby", id)]) {
            Node.element("h3", [.id(id)]) { heading }
            Node.element("ul", [.class("counted")]) {
                for count in counts {
                    Node.element("li") {
                        if let value = count.value {
                            let target = link(value)
                            Node.link(target.href, target.label)
                        } else {
                            Node.span("muted", "none given")
                        }
                        Node.span("count", count.count.formatted)
                    }
                }
            }
        }
    }

    /// The page of objects, each its title with its date, type and accession number (a list, which wraps on a
    /// phone where a table would scroll); then the way to the next page.
    private static func list(_ page: TablePage, path: String, after: String?) -> Node {
        let column = { (name: String) in page.columns.firstIndex(of: name) }
        let slug = column("slug"), title = column("title"), date = column("date_text"), type = column("object_type"), number = column("accession_number")
        let value = { (row: [String?], index: Int?) in index.flatMap { row[$0] } }
        return .group {
            Node.element("h3", [.id("objects")]) { after == nil ? "Its objects, in slug order" : "Its objects, in slug order, after \(after ?? "")" }
            Node.element("ul", [.class("objects"), Attribute("aria-labelledby", "objects")]) {
                for row in page.rows {
                    if let slug = value(row, slug) {
                        Node.element("li") {
                            Node.link(Names.recordPath("objects", slug), value(row, title) ?? slug)
                            let details = [value(row, date), value(row, type), value(row, number)].compactMap { $0 }
                            if !details.isEmpty { Node.span("muted", details.joined(separator: " · ")) }
                        }
                    }
                }
            }
            Components.pager(first: after == nil ? nil : path + "#objects",
                             next: page.next.map { Query.link(path, [("after", $0)]) + "#objects" })
        }
    }
}
