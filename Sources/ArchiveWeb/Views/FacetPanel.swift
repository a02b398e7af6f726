// A search's facets: on the page a panel before the results (closed on a phone, so that the hits come first;
// beside them and open on a wide screen), each value a link to the search with its filter added; in /api/search
// the same values with their links. Estimated counts say so: "≈ 4,100", "≥ 4,100", and a line on what they are of.
import ArchiveCore

enum FacetPanel {
    static let headings: [FacetKind: String] = [.institution: "Institution", .category: "Category", .type: "Type",
                                                 .designer: "Maker or designer", .period: "Period"]
    /// Values of a kind the page lists (the API gives every value counted).
    static let shownPerFacet = 10

    static func render(_ search: SearchAddress, _ counts: FacetCounts) -> Node {
        guard !counts.facets.isEmpty else { return .empty }
        let kinds = FacetKind.allCases.filter { !counts.values($0).isEmpty }
        return .element("details", [.class("facets"), .id("facets")]) {
            Node.element("summary") {
                "Narrow the search"
                Node.span("muted", " by " + list(kinds.map { $0 == .designer ? "maker" : $0.rawValue }))
            }
            if let basis = basis(counts) { Node.element("p", [.class("muted basis")]) { basis } }
            for kind in kinds {
                Node.element("section", [Attribute("aria-labelledby", "facet-\(kind.rawValue)")]) {
                    Node.element("h2", [.id("facet-\(kind.rawValue)")]) { headings[kind, default: kind.rawValue] }
                    Node.element("ul") {
                        for facet in counts.values(kind).prefix(kind == .period ? Int.max : shownPerFacet) {
                            Node.element("li") {
                                Node.link(link(search, facet), facet.label)
                                Node.element("span", [.class("count"), Attribute("title", accuracyWords[facet.accuracy])]) { countText(facet.count, facet.accuracy) }
                            }
                        }
                    }
                }
            }
        }
    }

    static let accuracyWords: [FacetAccuracy: String] = [.about: "an estimate from a sample of the hits", .atLeast: "at least: counting stopped at its time limit"]

    /// What estimated counts are of; nil when every hit was counted.
    static func basis(_ counts: FacetCounts) -> String? {
        switch counts.accuracy {
        case .exact: nil
        case .about: "Estimated from \(counts.hitsRead.formatted) of about \(counts.hits.formatted) hits, taken across the whole archive."
        case .atLeast: "Counted in the first \(counts.hitsRead.formatted) hits read: counting stopped at its time limit."
        }
    }

    static func countText(_ count: Int, _ accuracy: FacetAccuracy) -> String {
        switch accuracy {
        case .exact: count.formatted
        case .about: "≈ " + count.formatted
        case .atLeast: "≥ " + count.formatted
        }
    }

    /// "a, b and c".
    private static func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }

    /// The search with the facet value's filter added (a period sets both years), from its first page.
    static func link(_ search: SearchAddress, _ facet: Facet) -> String {
        let filter: [(String, String?)] = switch facet.facet {
        case .period: [("from", facet.years.map { String($0.lowerBound) }), ("to", facet.years.map { String($0.upperBound) })]
        default: [(facet.facet.rawValue, facet.value)]
        }
        return Query.link("/search", search.parameters(overriding: filter + [("page", nil)]))
    }

    /// `"facets":[…],"facet_counts":{…}` of /api/search: each value with its label, count, how far the count is
    /// to be trusted and the search it links to; what the counts are of.
    static func json(_ search: SearchAddress, _ counts: FacetCounts?) -> String {
        let quoted = JSONText.quoted, counts = counts ?? .none
        let facets = counts.facets.map { facet in
            "{\"facet\":\(quoted(facet.facet.rawValue)),\"value\":\(quoted(facet.value)),\"label\":\(quoted(facet.label)),\"count\":\(facet.count),"
                + "\"count_is\":\(quoted(facet.accuracy.rawValue)),"
                + (facet.years.map { "\"from\":\($0.lowerBound),\"to\":\($0.upperBound)," } ?? "")
                + "\"url\":\(quoted(link(search, facet)))}"
        }.joined(separator: ",")
        return "\"facets\":[\(facets)],\"facet_counts\":{\"count_is\":\(quoted(counts.accuracy.rawValue)),\"hits\":\(counts.hits),\"hits_read\":\(counts.hitsRead)}"
    }
}
