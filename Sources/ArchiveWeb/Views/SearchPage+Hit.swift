// One hit of the search page: its kind, its title linking to the record, its date as written, what tells it
// from others of the same title (an object's institution, accession number and first maker; a collection's
// house; …), and the passage that matched.
import ArchiveCore

extension SearchPage {
    static func hit(_ hit: SearchHit) -> Node {
        guard let image = hit.image else { return .element("li", [], [body(hit)]) }
        // The thumbnail is decoration beside the title that names the record: its alternative text is empty.
        return .element("li", [.class("with-image")]) {
            Node.element("img", [.class("thumb"), Attribute("src", RecordPage.imagePath(image, .thumbnail)), Attribute("alt", ""),
                                 Attribute("width", "64"), Attribute("height", "64"), Attribute("loading", "lazy")])
            Node.element("div", [], [body(hit)])
        }
    }

    private static func body(_ hit: SearchHit) -> Node {
        .group {
            Node.span("kind", Names.singular(hit.kind))
            Node.link(Names.recordPath(Names.table(ofKind: hit.kind), hit.slug), [.class("hit-title")], hit.title)
            if let date = hit.date {
                " "
                Node.span("muted", date)
            }
            if !hit.details.isEmpty {
                Node.element("p", [.class("identity")]) { hit.details.map(phrase).joined(separator: " · ") }
            }
            Node.element("p", [.class("passage")], passage(hit))
        }
    }

    /// A detail as a person reads it in a line of them: "no. 1969-165-1090", "by Norman Norell (designer)".
    private static func phrase(_ detail: SearchHit.Detail) -> String {
        switch detail.name {
        case "accession_number": "no. \(detail.value)"
        case "maker", "makers", "house": "by \(detail.value)"
        default: detail.value
        }
    }

    /// The snippet with its matched terms marked, every part escaped.
    static func passage(_ hit: SearchHit) -> [Node] {
        hit.segments.map { segment in segment.isMatch ? .element("mark", [], [.text(segment.text)]) : .text(segment.text) }
    }
}
