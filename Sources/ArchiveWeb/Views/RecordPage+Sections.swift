// The sections of a record page below its fields: relations grouped by role, sources, and the citation.
import ArchiveCore

extension RecordPage {
    /// Links grouped by relation and role: "Collections — house", each with its details and source; for a
    /// relation read only in part, how many there are and a link to all of them. The byline's makers and an
    /// object's tags are shown above, not again here.
    static func relations(_ record: RecordDetails) -> Node {
        let shown = record.links.filter { !isByline($0, of: record) && !(record.table == "objects" && $0.relation == "object_tags") }
        guard !shown.isEmpty || !record.partial.isEmpty else { return .empty }
        var groups: [(String, [RecordDetails.Link])] = []
        for link in shown {
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

    static func sources(_ record: RecordDetails) -> Node {
        guard !record.sources.isEmpty else { return .empty }
        return .element("section", [.class("sources"), Attribute("aria-labelledby", "sources")]) {
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

    /// "Cite this record": the citation and the permalink; the sources are named only when the page lists some.
    static func cite(_ record: RecordDetails, title: String, permalink: String, link: String, today: String) -> Node {
        .element("section", [Attribute("aria-labelledby", "cite")]) {
            Node.element("h2", [.id("cite")]) { "Cite this record" }
            Node.element("div", [.class("cite")]) {
                Node.element("p") {
                    "“\(title).” Fashion archive, \(Names.singular(record.table)) "
                    Node.element("code") { record.slug }
                    ". \(permalink) (accessed \(today))."
                }
                Node.element("p", [.class("muted")]) {
                    "Permalink: "
                    Node.link(link, permalink)
                    "."
                    if !record.sources.isEmpty { " Cite the sources above for the facts they support." }
                }
            }
        }
    }
}
