// The sections of a record page below its fields: relations grouped by role, records of the same name, sources,
// and the citation.
import ArchiveCore

extension RecordPage {
    /// Links grouped by relation and role: "Collections — house", each with its details; for a relation read only
    /// in part, how many there are and a link to all of them. The byline's makers and an object's tags are shown
    /// above, not again here. Sources are cited by their number in the Sources list, once per group (once for the
    /// whole section when every link cites the same one), not once per link: a link per relation was a Tab stop
    /// each (48 before Sources on balletcore) and noise on screen and in print. Where a group's links cite
    /// different sources, each link still says which, by a number that is not a link.
    static func relations(_ record: RecordDetails, numbers: [String: Int]) -> Node {
        let shown = record.links.filter { !isByline($0, of: record) && !(record.table == "objects" && $0.relation == "object_tags") }
        guard !shown.isEmpty || !record.partial.isEmpty else { return .empty }
        var groups: [(String, [RecordDetails.Link])] = []
        for link in shown {
            let heading = Names.title(link.table) + (link.role.map { " — \(Names.field($0))" } ?? "")
            if let index = groups.firstIndex(where: { $0.0 == heading }) { groups[index].1.append(link) } else { groups.append((heading, [link])) }
        }
        let oneSource = Set(shown.map(\.source)).count == 1
        return .element("section", [.class("relations"), Attribute("aria-labelledby", "relations")]) {
            Node.element("h2", [.id("relations")]) {
                "Relations"
                if oneSource { citation(shown, numbers: numbers) }
            }
            for (heading, links) in groups {
                let mixed = Set(links.map(\.source)).count > 1
                Node.element("h3") {
                    heading
                    if !oneSource { citation(links, numbers: numbers) }
                }
                Node.element("ul") {
                    for link in links { self.link(link, number: mixed ? link.source.flatMap { numbers[$0] } : nil) }
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

    /// " [1, 3]": one link to the Sources section for the sources `links` cite, by their numbers there; nothing
    /// when they cite none.
    private static func citation(_ links: [RecordDetails.Link], numbers: [String: Int]) -> Node {
        let cited = Set(links.compactMap { $0.source.flatMap { numbers[$0] } }).sorted()
        guard !cited.isEmpty else { return .empty }
        return .group {
            " "
            Node.element("sup", [.class("cited")]) {
                Node.element("a", [.href("#sources")]) {
                    Node.span("visually-hidden", cited.count == 1 ? "Source " : "Sources ")
                    "[\(cited.map(String.init).joined(separator: ", "))]"
                }
            }
        }
    }

    private static func link(_ link: RecordDetails.Link, number: Int?) -> Node {
        let details = link.details.map { "\(Names.field($0.name)) \($0.text ?? "")" }.joined(separator: ", ")
        return .element("li") {
            Node.link(Names.recordPath(link.table, link.slug), link.name)
            if !details.isEmpty {
                " "
                Node.span("muted", "(\(details))")
            }
            if let number {
                Node.element("sup", [.class("cited")]) {
                    Node.span("visually-hidden", " source ")
                    "[\(number)]"
                }
            }
        }
    }

    /// The page's sources in the order the Sources list numbers them (from 1): the record's own, then those only
    /// its relations cite.
    static func sourceList(_ content: RecordContent) -> [RecordDetails.Citation] {
        content.record.sources + content.linkSources
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

    /// The Sources list, numbered: the relations cite its entries by number.
    static func sources(_ sources: [RecordDetails.Citation]) -> Node {
        guard !sources.isEmpty else { return .empty }
        return .element("section", [.class("sources"), Attribute("aria-labelledby", "sources")]) {
            Node.element("h2", [.id("sources")]) { "Sources" }
            Node.element("ol") {
                for source in sources {
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
