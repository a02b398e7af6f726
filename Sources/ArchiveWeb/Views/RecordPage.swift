// /records/TABLE/SLUG: one record as a reader meets it, as museum pages show an object: its name, then who made it
// and where it is held (with a link to the institution's own page), its description, its fields in the catalogue's
// words, the rights its sources give, records of the same name; then its relations grouped by role, what an
// institution holds, its sources, a drawing of what surrounds it, a citation, identifiers last; JSON-LD in the head.
import ArchiveCore

enum RecordPage {
    static func title(of record: RecordDetails) -> String {
        for name in ["title", "name"] {
            if let text = record.fields.first(where: { $0.name == name })?.text { return text }
        }
        return record.slug
    }

    static func render(_ content: RecordContent, baseURL: String?, today: String) -> String {
        let record = content.record
        let title = title(of: record)
        let path = Names.recordPath(record.table, record.slug)
        let permalink = (baseURL ?? "") + path
        let head = Layout.Head(description: summary(content, title: title),
                               canonical: Query.link(permalink, [("after", content.after)]),
                               linkedData: RecordLinkedData.document(content, baseURL: baseURL),
                               alternates: [("application/ld+json", apiPath(path) + RecordLinkedData.suffix)]
                                   + (content.images.isEmpty ? [] : [(IIIFRoutes.jsonLD, IIIF.manifestPath(record.table, record.slug))]))
        let listed = sourceList(content)
        let numbers = Dictionary(listed.enumerated().map { ($1.slug, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        return Layout.page(title: title, section: .browse, head: head) {
            Node.element("p", [.class("kicker")]) {
                Node.span("kind", Names.singular(record.table))
                " "
                Node.link("/browse/\(Query.encode(record.table))", "all \(record.table)")
            }
            Node.element("h1") { title }
            byline(content)
            holder(content)
            gallery(content.images, title: title)
            if let description = field("description", of: record) {
                Node.element("div", [.class("description")]) {
                    for paragraph in description.split(whereSeparator: \.isNewline) { Node.element("p") { String(paragraph) } }
                }
            }
            fields(content)
            rights(content.sources)
            if let sameName = content.sameName { self.sameName(sameName) }
            relations(record, numbers: numbers)
            if let holdings = content.holdings { InstitutionObjects.section(holdings, institution: record.slug, name: title, after: content.after) }
            sources(listed)
            if !record.links.isEmpty {
                // Its class lets print leave out the heading with the drawing.
                Node.element("section", [.class("around"), Attribute("aria-labelledby", "graph")]) {
                    Node.element("h2", [.id("graph")]) { "Around this record" }
                    Graph.figure(record, title: title)
                }
            }
            cite(record, title: title, permalink: permalink, link: baseURL == nil ? path : permalink, today: today)
            identifiers(record)
            Components.downloads("Download", { "\(apiPath(path))?format=\($0)" },
                                 extra: [(apiPath(path) + RecordLinkedData.suffix, "JSON-LD"),
                                         (Query.link("/timeline", [("around", record.slug), ("table", record.table)]), "its timeline")]
                                    + (content.images.isEmpty ? [] : [(IIIF.manifestPath(record.table, record.slug), "IIIF manifest")]))
        }
    }

    static func apiPath(_ recordPath: String) -> String { "/api/records" + recordPath.dropFirst("/records".count) }

    /// The text of a field, nil when it has none.
    static func field(_ name: String, of record: RecordDetails) -> String? {
        record.fields.first { $0.name == name }?.text
    }

    /// The relation whose records a record of `table` is by (its makers, a shoe's or a collection's designers),
    /// shown under the heading rather than among the other relations.
    static let bylines = ["objects": "object_makers", "shoes": "shoe_designers", "collections": "collection_designers"]

    static func isByline(_ link: RecordDetails.Link, of record: RecordDetails) -> Bool {
        bylines[record.table] == link.relation && link.table == "designers"
    }

    /// Who made it, and how: "Dior, Christian, designer · The House of Dior, retailer".
    private static func byline(_ content: RecordContent) -> Node {
        let makers = content.record.links.filter { isByline($0, of: content.record) }
        guard !makers.isEmpty else { return .empty }
        return .element("ul", [.class("byline"), Attribute("aria-label", content.record.table == "objects" ? "Makers" : "Designers")]) {
            for maker in makers {
                Node.element("li") {
                    if let qualifier = maker.details.first(where: { $0.name == "qualifier" })?.text { "\(qualifier) " }
                    Node.link(Names.recordPath(maker.table, maker.slug), maker.name)
                    if let role = maker.role { Node.span("role", ColumnDescription.words(role).lowercased()) }
                }
            }
        }
    }

    /// An object's date, holder and accession number under its heading, and the way to its page at the holder:
    /// "View at Indianapolis Museum of Art (Newfields)".
    private static func holder(_ content: RecordContent) -> Node {
        let record = content.record
        guard record.table == "objects" else { return .empty }
        let institution = field("institution", of: record)
        let name = content.referenceNames["institution"] ?? institution
        let url = field("url", of: record).flatMap(HTML.linkable)
        return .group {
            Node.element("p", [.class("holder")]) {
                if let date = date(of: record) { Node.span("date", date) }
                if let institution, let name {
                    Node.element("span") {
                        "Held by "
                        Node.link(Names.recordPath("institutions", institution), name)
                    }
                }
                if let number = field("accession_number", of: record) { Node.span("accession", "Accession number \(number)") }
            }
            if let url, let name {
                Node.element("p") {
                    Node.element("a", [.class("visit"), .href(url), Attribute("rel", "noopener noreferrer")]) { "View at \(name)" }
                }
            }
        }
    }

    /// The date as written with the years it was read as, when they say more: "ca. 1919 (1914–1924)", but "1957".
    static func date(of record: RecordDetails) -> String? {
        let earliest = record.fields.first { $0.name == "earliest_year" }?.text.flatMap { Int($0) }
        let latest = record.fields.first { $0.name == "latest_year" }?.text.flatMap { Int($0) }
        let years = [earliest, latest].compactMap { $0 }
        let span = years.isEmpty ? nil : Set(years).count == 1 ? year(years[0]) : "\(year(years[0]))–\(year(years[1]))"
        guard let written = field("date_text", of: record) else { return span }
        // The years are worth adding when the text does not already hold the first ("1889–90", "1957").
        guard let span, let first = years.first, !written.contains(year(first)) else { return written }
        return "\(written) (\(span))"
    }

    /// A year as people write it: 1500 BC for -1500.
    static func year(_ year: Int) -> String { year < 0 ? "\(-year) BC" : String(year) }

    /// What the page says of itself to search engines and link previews: the record's description, else its kind,
    /// makers, date and holder in one sentence.
    static func summary(_ content: RecordContent, title: String) -> String {
        let record = content.record
        if let description = field("description", of: record) { return description }
        var parts = ["\(title): \(Names.singular(record.table))"]
        let makers = record.links.filter { isByline($0, of: record) }.map(\.name)
        if !makers.isEmpty { parts.append("by " + makers.prefix(3).joined(separator: ", ")) }
        if let date = date(of: record) { parts.append(date) }
        if let holder = content.referenceNames["institution"] { parts.append("held by " + holder) }
        return parts.joined(separator: ", ") + ". In the fashion archive, with its sources."
    }
}
