// /records/TABLE/SLUG: one record with every field, its relations grouped by role with links, its sources,
// identifiers as outbound links, a relationship graph drawn by the server, and "cite this record".
import ArchiveCore
import Hummingbird

enum RecordPage {
    static func title(of record: RecordDetails) -> String {
        for name in ["title", "name"] {
            if let text = record.fields.first(where: { $0.name == name })?.text { return text }
        }
        return record.slug
    }

    static func render(_ record: RecordDetails, baseURL: String?, today: String) -> String {
        let title = title(of: record)
        let path = Names.recordPath(record.table, record.slug)
        let permalink = (baseURL ?? "") + path
        let api = "/api/records" + path.dropFirst("/records".count)
        return Layout.page(title: title, section: .browse, canonical: baseURL == nil ? nil : permalink) {
            Node.element("p") {
                Node.span("kind", Names.singular(record.table))
                " "
                Node.link("/browse/\(Query.encode(record.table))", "all \(record.table)")
            }
            Node.element("h1") { title }
            fields(record)
            relations(record)
            if !record.sources.isEmpty {
                Node.element("section", [Attribute("aria-labelledby", "sources")]) {
                    Node.element("h2", [.id("sources")]) { "Sources" }
                    Node.element("ul") {
                        for source in record.sources {
                            Node.element("li") {
                                Node.link(Names.recordPath("sources", source.slug), source.title)
                                if let note = source.note {
                                    " "
                                    Node.span("muted", "— \(note)")
                                }
                            }
                        }
                    }
                }
            }
            if !record.links.isEmpty {
                Node.element("section", [Attribute("aria-labelledby", "graph")]) {
                    Node.element("h2", [.id("graph")]) { "Around this record" }
                    Graph.figure(record, title: title)
                }
            }
            Node.element("section", [Attribute("aria-labelledby", "cite")]) {
                Node.element("h2", [.id("cite")]) { "Cite this record" }
                Node.element("div", [.class("cite")]) {
                    Node.element("p") {
                        "“\(title).” Fashion archive, \(Names.singular(record.table)) "
                        Node.element("code") { record.slug }
                        ". \(permalink) (accessed \(today))."
                    }
                    Node.element("p", [.class("muted")]) {
                        "Permalink: "
                        Node.link(baseURL == nil ? path : permalink, permalink)
                        ". Cite the sources above for the facts they support."
                    }
                }
            }
            Components.downloads("Download", { "\(api)?format=\($0)" },
                                 extra: [(Query.link("/timeline", [("around", record.slug), ("table", record.table)]), "its timeline")])
        }
    }

    /// Every field with a value: authority ids and urls as outbound links, references as links to their records.
    private static func fields(_ record: RecordDetails) -> Node {
        let authorities = Dictionary(record.authorityURLs.map { ($0.name, $0.url) }, uniquingKeysWith: { first, _ in first })
        return .element("section", [Attribute("aria-labelledby", "fields")]) {
            Node.element("h2", [.id("fields")]) { "Fields" }
            Node.element("dl", [.class("fields")]) {
                for field in record.fields {
                    if let text = field.text {
                        Node.element("dt") { Names.field(field.name) }
                        Node.element("dd") {
                            if let url = authorities[field.name] {
                                Node.outbound(url, text)
                            } else if field.name == "url" || field.name.hasSuffix("_url") {
                                Node.outbound(text, text)
                            } else if let target = reference(field.name, in: record.table) {
                                Node.link(Names.recordPath(target, text), text)
                            } else {
                                text
                            }
                        }
                    }
                }
            }
        }
    }

    /// The record table a field of `table` refers to, if it is a reference.
    private static func reference(_ field: String, in table: String) -> String? {
        guard let column = Tables.named(table)?.column(named: field), case .reference(let target) = column.kind else { return nil }
        return target
    }

    /// Links grouped by relation and role: "Collections — house", each with its details and source; for a
    /// relation read only in part, how many there are and a link to all of them.
    private static func relations(_ record: RecordDetails) -> Node {
        guard !record.links.isEmpty else { return .empty }
        var groups: [(String, [RecordDetails.Link])] = []
        for link in record.links {
            let heading = Names.title(link.table) + (link.role.map { " — \(Names.field($0))" } ?? "")
            if let index = groups.firstIndex(where: { $0.0 == heading }) { groups[index].1.append(link) } else { groups.append((heading, [link])) }
        }
        return .element("section", [.class("relations"), Attribute("aria-labelledby", "relations")]) {
            Node.element("h2", [.id("relations")]) { "Relations" }
            for (heading, links) in groups {
                Node.element("h3") { heading }
                Node.element("ul") {
                    for link in links { self.link(link) }
                }
            }
            for part in record.partial {
                let total = part.totalIsCapped ? "more than \(RecordDetails.countCap)" : String(part.total)
                Node.element("p", [.class("muted")]) {
                    "\(Names.title(part.table)) through \(Names.field(part.relation)): \(part.shown) of \(total) shown. "
                    Node.link(Query.link("/browse/\(part.relation)", [(part.column, record.slug)]), "All of them, page by page")
                    "."
                }
            }
        }
    }

    private static func link(_ link: RecordDetails.Link) -> Node {
        let details = link.details.map { "\(Names.field($0.name)) \($0.text ?? "")" }.joined(separator: ", ")
        return .element("li") {
            Node.link(Names.recordPath(link.table, link.slug), link.name)
            if !details.isEmpty {
                " "
                Node.span("muted", "(\(details))")
            }
            if let source = link.source {
                " "
                Node.link(Names.recordPath("sources", source), [.class("muted")], "source")
            }
        }
    }
}
