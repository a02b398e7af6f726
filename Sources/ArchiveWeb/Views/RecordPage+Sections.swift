// The sections of a record page below its fields: relations grouped by role, records of the same name, sources,
// and the citation.
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

    /// Records of the same table whose names have the same words: perhaps one house or person entered twice (the
    /// museums' "Dior, Christian" and "Christian Dior"), and a search for each word of the name, which finds the
    /// ones named otherwise ("The House of Dior"). Without candidates, only people and houses are offered the search.
    static func sameName(_ same: SameName) -> Node {
        let kind = same.table
        let long = same.words.filter { $0.count > 3 }
        let words = long.isEmpty ? same.words : long
        guard !same.candidates.isEmpty || ["designers", "icons"].contains(kind) else { return .empty }
        return .element("section", [Attribute("aria-labelledby", "same-name")]) {
            Node.element("h2", [.id("same-name")]) { "Same name" }
            if same.candidates.isEmpty {
                Node.element("p") { "No other \(Names.singular(kind)) has a name of these words." }
            } else {
                Node.element("p") {
                    "Other \(kind) named with the same words (case, accents, punctuation and order aside): perhaps the same, perhaps not."
                }
                Node.element("ul") {
                    for candidate in same.candidates {
                        Node.element("li") {
                            Node.link(Names.recordPath(kind, candidate.slug), candidate.name)
                            " "
                            Node.span("muted", candidate.slug)
                        }
                    }
                }
                if same.mayHaveMore { Node.element("p", [.class("muted")]) { "There may be more: search for them." } }
            }
            Node.element("p") {
                "To find others named otherwise, search \(kind) for "
                for (index, word) in words.enumerated() {
                    if index > 0 { " · " }
                    Node.link(Query.link("/search", [("q", word), ("in", kind)]), "“\(word)”")
                }
                "."
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
