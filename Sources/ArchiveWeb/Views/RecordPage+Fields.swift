// A record's fields as a reader meets them: labelled in the catalogue's words (ColumnDescription.label), values
// in words (a choice's, public domain's), references by the name of what they name, addresses as links; what the
// page shows elsewhere (the heading, the description, an object's holder and date) left out; identifiers last.
import ArchiveCore

extension RecordPage {
    /// Identifiers: read by programs and for citing, shown last, as museum pages do.
    static let identifierFields: Set<String> = ["slug", "accession_number", "wikidata", "ulan", "viaf", "aat", "wikipedia", "museum_id"]

    /// Fields each table shows elsewhere on its page.
    private static func shownElsewhere(_ table: String) -> Set<String> {
        var fields: Set<String> = ["title", "name", "description"]
        if table == "objects" { fields.formUnion(["institution", "url", "date_text", "earliest_year", "latest_year"]) }
        return fields
    }

    static func fields(_ content: RecordContent) -> Node {
        let record = content.record
        guard let table = Tables.named(record.table) else { return .empty }
        let hidden = shownElsewhere(record.table).union(identifierFields)
        let shown = table.columns.filter { !hidden.contains($0.name) }.compactMap { column in field(column.name, of: record).map { (column, $0) } }
        let tags = record.table == "objects" ? record.links.filter { $0.relation == "object_tags" } : []
        guard !shown.isEmpty || !tags.isEmpty else { return .empty }
        return .element("section", [Attribute("aria-labelledby", "about")]) {
            Node.element("h2", [.id("about")]) { "About this \(Names.singular(record.table))" }
            Node.element("dl", [.class("fields")]) {
                for (column, text) in shown {
                    Node.element("dt") { column.label }
                    Node.element("dd") { value(text, of: column, content) }
                }
                if !tags.isEmpty {
                    Node.element("dt") { "Tags" }
                    Node.element("dd") {
                        Node.element("ul", [.class("tags")]) {
                            for tag in tags { Node.element("li") { Node.link(Names.recordPath(tag.table, tag.slug), [.class("chip")], tag.name) } }
                        }
                    }
                }
            }
        }
    }

    /// The fields the page lists, labelled and in words, as plain text (a IIIF manifest's metadata).
    static func catalogueFields(_ content: RecordContent) -> [(label: String, value: String)] {
        let record = content.record
        guard let table = Tables.named(record.table) else { return [] }
        let hidden = shownElsewhere(record.table).union(identifierFields).subtracting(["date_text"])
        return table.columns.filter { !hidden.contains($0.name) }.compactMap { column in
            field(column.name, of: record).map { text in
                if case .reference = column.kind { return (column.label, content.referenceNames[column.name] ?? text) }
                return (column.label, column.label(of: text))
            }
        }
    }

    /// A field's value: a reference as a link named by its record, an address as a link, a licence's address as a
    /// link, a choice in words.
    private static func value(_ text: String, of column: ColumnDescription, _ content: RecordContent) -> Node {
        if case .reference(let target) = column.kind {
            return Node.link(Names.recordPath(target, text), content.referenceNames[column.name] ?? text)
        }
        if column.name == "url" || column.name.hasSuffix("_url") { return Node.outbound(text, text) }
        if column.name == "rights", let url = Licence.url(text) { return Node.outbound(url, text) }
        return .text(column.label(of: text))
    }

    /// Identifiers: the slug, an accession number, authority ids as links to their pages.
    static func identifiers(_ record: RecordDetails) -> Node {
        guard let table = Tables.named(record.table) else { return .empty }
        let authorities = Dictionary(record.authorityURLs.map { ($0.name, $0.url) }, uniquingKeysWith: { first, _ in first })
        return .element("section", [Attribute("aria-labelledby", "identifiers")]) {
            Node.element("h2", [.id("identifiers")]) { "Identifiers" }
            Node.element("dl", [.class("fields")]) {
                for column in table.columns where identifierFields.contains(column.name) {
                    if let text = field(column.name, of: record) {
                        Node.element("dt") { column.label }
                        Node.element("dd") {
                            if let url = authorities[column.name] { Node.outbound(url, text) } else { Node.element("code") { text } }
                        }
                    }
                }
            }
        }
    }

    /// The rights the record's data comes with, from its sources' licences: "Record data from “Collection data ©
    /// Indianapolis Museum of Art (Newfields), CC BY 3.0”, under CC BY 3.0 (attribution required)." The source's
    /// title is the credit a CC BY source asks for.
    static func rights(_ sources: [Source]) -> Node {
        let licensed = sources.filter { $0.license != nil }
        guard !licensed.isEmpty else { return .empty }
        return .element("div", [.class("rights")]) {
            for source in licensed {
                Node.element("p") {
                    "Record data from “"
                    Node.link(Names.recordPath("sources", source.slug), source.title)
                    "”, under "
                    Node.outbound(source.license.flatMap(Licence.url), source.license ?? "")
                    "."
                }
            }
        }
    }
}
