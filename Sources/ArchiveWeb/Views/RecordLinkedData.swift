// A record as schema.org JSON-LD, in its page's head and at /api/records/TABLE/SLUG.jsonld: an object is a
// VisualArtwork held by its institution (an ArchiveOrganization, through ArchiveComponent's holdingArchive), a shoe
// a ProductModel, a collection or source a CreativeWork, a designer a Person or an Organization (by its kind; one of
// unknown kind by what its fields say, else a Thing, which claims nothing), an icon a Person, a trend or tag a
// DefinedTerm. Every record is named by its permalink (--base-url and its path), the records it links to by theirs,
// and it is the sameAs of its authority ids (Wikidata, ULAN, VIAF, AAT) and of its page at its institution.
import ArchiveCore

enum RecordLinkedData {
    /// What ends a record's API address to ask for its JSON-LD: /api/records/designers/celine.jsonld.
    static let suffix = ".jsonld"

    static func document(_ content: RecordContent, baseURL: String?) -> LinkedData {
        let record = content.record
        let id = self.id(record.table, record.slug, baseURL)
        let text = { (name: String) in LinkedData.text(RecordPage.field(name, of: record)) }
        let authorities = ["wikidata", "ulan", "viaf", "aat", "wikipedia"]
        let sameAs = authorities.compactMap { column in RecordPage.field(column, of: record).flatMap { AuthorityID.uri(column: column, value: $0) } }
        let common: [(String, LinkedData?)] = [
            ("@context", .text("https://schema.org")),
            ("@type", type(of: record)),
            ("@id", .text(id)),
            ("url", .text(id)),
            ("name", .text(RecordPage.title(of: record))),
            ("description", text("description")),
            ("identifier", .text(record.slug)),
        ]
        let about: [(String, LinkedData?)] = [
            ("sameAs", LinkedData.values((sameAs + ownPages(record)).map(LinkedData.text))),
            // Each image with its rights and credit, as schema.org's ImageObject says them.
            ("image", LinkedData.values(content.images.map { image in
                .object([("@type", .text("ImageObject")), ("contentUrl", .text((baseURL ?? "") + RecordPage.imagePath(image.sha256, .display))),
                         ("thumbnailUrl", .text((baseURL ?? "") + RecordPage.imagePath(image.sha256, .thumbnail))),
                         ("caption", LinkedData.text(image.caption)), ("creditText", LinkedData.text(image.credit)),
                         ("license", LinkedData.text(image.rights)),
                         ("width", .number(image.display.width)), ("height", .number(image.display.height))])
            })),
            // Its sources, and its IIIF manifest (the images for IIIF viewers).
            ("subjectOf", LinkedData.values(record.sources.map { source in
                .object([("@type", .text("CreativeWork")), ("@id", .text(self.id("sources", source.slug, baseURL))), ("name", .text(source.title))])
            } + (content.images.isEmpty ? [] : [.object([("@type", .text("CreativeWork")), ("@id", .text((baseURL ?? "") + IIIF.manifestPath(record.table, record.slug))),
                                                         ("encodingFormat", .text("application/ld+json")), ("name", .text("IIIF manifest"))])]))),
        ]
        return .object(common + specific(content, baseURL: baseURL) + about)
    }

    /// A record's permalink: its id in the archive's linked data.
    static func id(_ table: String, _ slug: String, _ baseURL: String?) -> String { (baseURL ?? "") + Names.recordPath(table, slug) }

    static func type(of record: RecordDetails) -> LinkedData {
        switch record.table {
        case "objects": .list([.text("VisualArtwork"), .text("ArchiveComponent")])
        case "shoes": .text("ProductModel")
        case "collections", "sources": .text("CreativeWork")
        case "icons": .text("Person")
        case "institutions": .text("ArchiveOrganization")
        case "trends", "tags": .text("DefinedTerm")
        case "designers": .text(designerType(record))
        default: .text("Thing")
        }
    }

    /// A person or a house; a designer of unknown kind (most makers a museum file names) by its fields: life
    /// dates or a nationality make a person, a founding or closing a house; otherwise nothing is claimed.
    static func designerType(_ record: RecordDetails) -> String {
        switch RecordPage.field("kind", of: record) {
        case "person": return "Person"
        case "house": return "Organization"
        default:
            if ["born", "died", "nationality"].contains(where: { RecordPage.field($0, of: record) != nil }) { return "Person" }
            if ["founded", "closed"].contains(where: { RecordPage.field($0, of: record) != nil }) { return "Organization" }
            return "Thing"
        }
    }

    /// The pages elsewhere that are this record: an object's page at its institution, an institution's web site.
    private static func ownPages(_ record: RecordDetails) -> [String] {
        guard ["objects", "institutions", "sources"].contains(record.table) else { return [] }
        return RecordPage.field("url", of: record).flatMap(HTML.linkable).map { [$0] } ?? []
    }

    /// The properties of each kind of record.
    private static func specific(_ content: RecordContent, baseURL: String?) -> [(String, LinkedData?)] {
        let record = content.record
        let text = { (name: String) in LinkedData.text(RecordPage.field(name, of: record)) }
        let year = { (name: String) in LinkedData.text(RecordPage.field(name, of: record).flatMap { Int($0) }.map(isoYear)) }
        let links = { (relation: String) in
            LinkedData.values(record.links.filter { $0.relation == relation }.map { reference($0.table, $0.slug, $0.name, baseURL) })
        }
        switch record.table {
        case "objects":
            let earliest = RecordPage.field("earliest_year", of: record), latest = RecordPage.field("latest_year", of: record)
            let rights = RecordPage.field("rights", of: record)
            let licence = rights.flatMap(Licence.url)
                ?? (RecordPage.field("public_domain", of: record) == "1" ? "https://creativecommons.org/publicdomain/mark/1.0/" : nil)
            let institution = RecordPage.field("institution", of: record).map { slug in
                LinkedData.object([("@type", .text("ArchiveOrganization")), ("@id", .text(id("institutions", slug, baseURL))),
                                   ("name", .text(content.referenceNames["institution"] ?? slug))])
            }
            let place = [RecordPage.field("place", of: record), RecordPage.field("city", of: record),
                         RecordPage.field("region", of: record), RecordPage.field("country", of: record)]
            return [
                ("creator", links("object_makers")),
                ("temporal", text("date_text")),
                ("dateCreated", earliest != nil && earliest == latest ? LinkedData.text(earliest.flatMap { Int($0) }.map(isoYear)) : nil),
                ("artform", text("object_type")),
                ("genre", LinkedData.text(RecordPage.field("category", of: record).map { Tables.named("objects")?.column(named: "category")?.label(of: $0) ?? $0 })),
                ("artMedium", text("medium")),
                ("size", text("dimensions")),
                ("holdingArchive", institution),
                ("creditText", text("credit_line")),
                ("copyrightNotice", rights != nil && licence != rights ? .text(rights ?? "") : nil),
                ("license", LinkedData.text(licence)),
                ("locationCreated", place.contains { $0 != nil } ? self.place(place[0], city: place[1], region: place[2], country: place[3]) : nil),
                ("keywords", links("object_tags")),
                ("sdLicense", LinkedData.values(content.sources.compactMap { $0.license.flatMap(Licence.url) }.map(LinkedData.text))),
            ]
        case "designers", "icons":
            let person = record.table == "icons" || designerType(record) == "Person"
            let organization = record.table == "designers" && designerType(record) == "Organization"
            return [
                ("birthDate", person ? year("born") : nil), ("deathDate", person ? year("died") : nil),
                ("nationality", person ? text("nationality") : nil), ("jobTitle", text("occupation")),
                ("foundingDate", organization ? year("founded") : nil), ("dissolutionDate", organization ? year("closed") : nil),
                ("address", organization ? address(city: nil, region: nil, country: RecordPage.field("country", of: record)) : nil),
            ]
        case "shoes":
            return [("category", text("type")), ("material", text("materials")), ("releaseDate", year("year_introduced")),
                    ("brand", links("shoe_designers"))]
        case "collections":
            return [("creator", links("collection_designers")), ("dateCreated", year("year")), ("keywords", text("keywords"))]
        case "institutions":
            return [("address", address(city: RecordPage.field("city", of: record), region: nil, country: RecordPage.field("country", of: record)))]
        case "trends", "tags":
            return [("inDefinedTermSet", .text((baseURL ?? "") + "/browse/\(record.table)"))]
        case "sources":
            return [("author", text("author")),
                    ("publisher", RecordPage.field("publisher", of: record).map { .object([("@type", .text("Organization")), ("name", .text($0))]) }),
                    ("datePublished", year("year")),
                    ("license", RecordPage.field("license", of: record).map { .text(Licence.url($0) ?? $0) })]
        default:
            return []
        }
    }

    /// Another record, by its permalink and name.
    private static func reference(_ table: String, _ slug: String, _ name: String, _ baseURL: String?) -> LinkedData {
        .object([("@id", .text(id(table, slug, baseURL))), ("name", .text(name))])
    }

    private static func place(_ name: String?, city: String?, region: String?, country: String?) -> LinkedData {
        .object([("@type", .text("Place")), ("name", LinkedData.text(name)), ("address", address(city: city, region: region, country: country))])
    }

    private static func address(city: String?, region: String?, country: String?) -> LinkedData? {
        guard city != nil || region != nil || country != nil else { return nil }
        return .object([("@type", .text("PostalAddress")), ("addressLocality", LinkedData.text(city)),
                        ("addressRegion", LinkedData.text(region)), ("addressCountry", LinkedData.text(country))])
    }

    /// A year as ISO 8601 writes it: four digits, a BC year as a negative one (1 BC is year 0).
    private static func isoYear(_ year: Int) -> String {
        let astronomical = year < 0 ? year + 1 : year
        let digits = String(abs(astronomical))
        return (astronomical < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
