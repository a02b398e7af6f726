// The catalogue of the archive's tables as files see them, matching Migrations/. Records come before the
// relations that refer to them, which is the order an import fills them in.

public enum Tables {
    public static let all: [TableDescription] = records + relations

    public static func named(_ name: String) -> TableDescription? { byName[name] }
    /// An import asks for the table of every row it writes.
    private static let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// What one row of a table is called in messages: "designer", "collection-shoes".
    public static func singular(_ table: String) -> String {
        switch table {
        case "sources": "source"
        case "designers": "designer"
        case "collections": "collection"
        case "shoes": "shoe"
        case "icons": "icon"
        case "institutions": "institution"
        case "objects": "object"
        case "trends": "trend"
        case "tags": "tag"
        default: String(table.map { $0 == "_" ? "-" : $0 })
        }
    }

    private static let years = ColumnDescription.years
    private static let objectYears = ColumnDescription.objectYears
    private static func source(_ meaning: String = "Slug of the source that supports this relation") -> ColumnDescription {
        ColumnDescription("source", .reference(table: "sources"), meaning: meaning)
    }
    private static let note = ColumnDescription("note", .text, meaning: "Where in the source the support is found")
    private static let iconRelations = IconRelation.allCases.map(\.rawValue)

    public static let records: [TableDescription] = [
        TableDescription(record: "sources", meaning: "A citation: where facts in the archive come from", columns: [
            ColumnDescription("title", .text, required: true, meaning: "Title of the work cited"),
            ColumnDescription("author", .text, meaning: "Author or authors"),
            ColumnDescription("publisher", .text, meaning: "Publisher, museum or outlet"),
            ColumnDescription("year", .integer(years), meaning: "Year of publication"),
            ColumnDescription("url", .text, label: "Read it at", meaning: "Where the source can be read"),
            ColumnDescription("license", .text, label: "Licence", meaning: "Licence of the source's data, where it matters"),
            ColumnDescription("notes", .text, meaning: "Anything else about the source"),
        ]),
        TableDescription(record: "institutions", meaning: "A museum, archive or private collection that holds objects", columns: [
            ColumnDescription("name", .text, required: true, meaning: "Name of the institution"),
            ColumnDescription("city", .text, meaning: "City"),
            ColumnDescription("country", .text, meaning: "Country"),
            ColumnDescription("url", .text, label: "Web site", meaning: "Web site"),
        ]),
        TableDescription(record: "designers", meaning: "A fashion house (brand) or a person (designer, creative director, maker)", columns: [
            ColumnDescription("name", .text, required: true, meaning: "Name as commonly written"),
            ColumnDescription("kind", .choice(Designer.Kind.allCases.map(\.rawValue)), meaning: "house or person; empty when the source does not say"),
            ColumnDescription("country", .text, meaning: "Country of the house or person"),
            ColumnDescription("founded", .integer(years), meaning: "Year a house was founded (houses only)"),
            ColumnDescription("active_from", .integer(years), meaning: "First year active"),
            ColumnDescription("active_to", .integer(years), meaning: "Last year active"),
            ColumnDescription("description", .text, meaning: "Description in the archive's words"),
            ColumnDescription("born", .integer(years), meaning: "Year a person was born"),
            ColumnDescription("died", .integer(years), meaning: "Year a person died"),
            ColumnDescription("closed", .integer(years), meaning: "Year a house closed"),
            ColumnDescription("wikidata", .text, label: "Wikidata", meaning: "Wikidata item, e.g. Q123 (https://www.wikidata.org/wiki/Q123)"),
            ColumnDescription("ulan", .text, label: "Getty ULAN", meaning: "Getty ULAN id, nine digits from 500000000 (https://vocab.getty.edu/page/ulan/ID)"),
            ColumnDescription("viaf", .text, label: "VIAF", meaning: "VIAF id, digits (https://viaf.org/viaf/ID)"),
            ColumnDescription("wikipedia", .text, label: "Wikipedia", meaning: "English Wikipedia article title or page id"),
            ColumnDescription("nationality", .text, meaning: "Nationality of a person, as the source writes it"),
            ColumnDescription("museum_id", .text, label: "Museum's id", meaning: "The id the museum whose data made this record gives the maker (the Met's Constituent ID)"),
        ], nested: [
            .init(key: "sources", table: "designer_sources", parentColumn: "designer"),
            .init(key: "affiliations", table: "designer_affiliations", parentColumn: "person"),
        ]),
        TableDescription(record: "collections", meaning: "A collection shown by a house in a season", columns: [
            ColumnDescription("title", .text, required: true, meaning: "Title, e.g. Celine Spring/Summer 2026"),
            ColumnDescription("season", .choice(FashionCollection.Season.allCases.map(\.rawValue)),
                              valueLabels: ["SS": "Spring/Summer", "AW": "Autumn/Winter"],
                              meaning: "SS spring/summer, AW autumn/winter, Resort, Pre-Fall or Couture; empty when unknown"),
            ColumnDescription("year", .integer(years), meaning: "Year of the season"),
            ColumnDescription("description", .text, meaning: "Description in the archive's words"),
            ColumnDescription("keywords", .text, meaning: "Free keywords separated by \"; \""),
        ], nested: [
            .init(key: "designers", table: "collection_designers", parentColumn: "collection"),
            .init(key: "shoes", table: "collection_shoes", parentColumn: "collection"),
            .init(key: "sources", table: "collection_sources", parentColumn: "collection"),
        ]),
        TableDescription(record: "shoes", meaning: "A shoe model or type", columns: [
            ColumnDescription("name", .text, required: true, meaning: "Name of the model or type"),
            ColumnDescription("type", .text, meaning: "Kind of shoe, lowercase: derby, ballet flat, sneaker hybrid"),
            ColumnDescription("year_introduced", .integer(years), label: "Introduced", meaning: "Year the shoe was introduced"),
            ColumnDescription("description", .text, meaning: "Description in the archive's words"),
            ColumnDescription("materials", .text, meaning: "Materials, separated by \"; \""),
        ], nested: [
            .init(key: "designers", table: "shoe_designers", parentColumn: "shoe"),
            .init(key: "collections", table: "collection_shoes", parentColumn: "shoe"),
            .init(key: "sources", table: "shoe_sources", parentColumn: "shoe"),
        ]),
        TableDescription(record: "icons", meaning: "A cultural icon who wore, inspired or popularised what is archived", columns: [
            ColumnDescription("name", .text, required: true, meaning: "Name"),
            ColumnDescription("occupation", .text, meaning: "Occupation, e.g. dancer"),
            ColumnDescription("era", .text, meaning: "When the icon mattered to fashion, e.g. 1970s"),
            ColumnDescription("nationality", .text, meaning: "Nationality"),
            ColumnDescription("description", .text, meaning: "Description in the archive's words"),
            ColumnDescription("born", .integer(years), meaning: "Year born"),
            ColumnDescription("died", .integer(years), meaning: "Year died"),
            ColumnDescription("wikidata", .text, label: "Wikidata", meaning: "Wikidata item, e.g. Q123"),
            ColumnDescription("ulan", .text, label: "Getty ULAN", meaning: "Getty ULAN id"),
            ColumnDescription("viaf", .text, label: "VIAF", meaning: "VIAF id"),
            ColumnDescription("wikipedia", .text, label: "Wikipedia", meaning: "English Wikipedia article title or page id"),
        ], nested: [
            .init(key: "shoes", table: "icon_shoes", parentColumn: "icon"),
            .init(key: "designers", table: "icon_designers", parentColumn: "icon"),
            .init(key: "sources", table: "icon_sources", parentColumn: "icon"),
        ]),
        TableDescription(record: "tags", meaning: "A keyword institutions give objects (Women, Dresses), with its vocabulary ids", columns: [
            ColumnDescription("name", .text, required: true, meaning: "The keyword as written"),
            ColumnDescription("aat", .text, label: "Getty AAT", meaning: "Getty AAT id, nine digits from 300000000 (https://vocab.getty.edu/page/aat/ID)"),
            ColumnDescription("wikidata", .text, label: "Wikidata", meaning: "Wikidata item, e.g. Q467"),
        ]),
        TableDescription(record: "objects", meaning: "A physical item held by an institution: a garment, shoe, jewel, textile or design drawing", columns: [
            ColumnDescription("institution", .reference(table: "institutions"), required: true, meaning: "Slug of the institution that holds it"),
            ColumnDescription("accession_number", .text, meaning: "The institution's accession number (unique within it)"),
            ColumnDescription("title", .text, required: true, meaning: "Title as the institution gives it"),
            ColumnDescription("object_type", .text, label: "Type", meaning: "Type as the institution names it: slippers, dress, cameo"),
            ColumnDescription("category", .choice(ObjectCategory.allCases.map(\.rawValue)), meaning: "What kind of thing it is"),
            ColumnDescription("department", .text, meaning: "Department of the institution"),
            ColumnDescription("date_text", .text, label: "Date", meaning: "Date as written by the institution, e.g. ca. 1770, mid 1970's"),
            ColumnDescription("earliest_year", .integer(objectYears), meaning: "Earliest year the date means (negative: BC); given, or parsed from date_text"),
            ColumnDescription("latest_year", .integer(objectYears), meaning: "Latest year the date means; given, or parsed from date_text"),
            ColumnDescription("culture", .text, meaning: "Culture or place of making"),
            ColumnDescription("medium", .text, meaning: "Materials and techniques as written"),
            ColumnDescription("dimensions", .text, meaning: "Dimensions as written"),
            ColumnDescription("credit_line", .text, meaning: "Credit line, as the institution requires it"),
            ColumnDescription("description", .text, meaning: "Description (the institution's words where it gives them)"),
            ColumnDescription("url", .text, label: "At the institution", meaning: "The object's page at the institution"),
            ColumnDescription("classification", .text, meaning: "The institution's classification: Costume, Shoes, Accessories"),
            ColumnDescription("accession_year", .integer(years), label: "Acquired", meaning: "Year the institution acquired it"),
            ColumnDescription("wikidata", .text, label: "Wikidata", meaning: "Wikidata item of the object, e.g. Q123"),
            ColumnDescription("public_domain", .integer(0...1), label: "Public domain", valueLabels: ["1": "Yes, says the institution", "0": "No, says the institution"], meaning: "1: the institution says it is in the public domain; 0: it says not; empty: it does not say"),
            ColumnDescription("rights", .text, meaning: "Rights statement as written (© Estate of …), or a licence's URI"),
            ColumnDescription("place", .text, label: "Made in", meaning: "Where it was made, as the institution writes it"),
            ColumnDescription("city", .text, label: "Made in (city)", meaning: "City where it was made, where given apart"),
            ColumnDescription("country", .text, label: "Made in (country)", meaning: "Country where it was made, where given apart"),
            ColumnDescription("region", .text, label: "Made in (region)", meaning: "Region where it was made, where given apart"),
        ], nested: [
            .init(key: "makers", table: "object_makers", parentColumn: "object"),
            .init(key: "tags", table: "object_tags", parentColumn: "object"),
            .init(key: "sources", table: "object_sources", parentColumn: "object"),
        ]),
        TableDescription(record: "trends", meaning: "A movement or look, with the years it spans", columns: [
            ColumnDescription("name", .text, required: true, meaning: "Name, e.g. Balletcore"),
            ColumnDescription("era", .text, meaning: "When, as written: 1830s onwards, 2025"),
            ColumnDescription("earliest_year", .integer(years), label: "From", meaning: "First year of the trend"),
            ColumnDescription("latest_year", .integer(years), label: "To", meaning: "Last year of the trend (empty: ongoing or unknown)"),
            ColumnDescription("description", .text, meaning: "Description in the archive's words"),
        ], nested: [
            .init(key: "lineage", table: "trend_lineage", parentColumn: "trend"),
            .init(key: "collections", table: "trend_collections", parentColumn: "trend"),
            .init(key: "shoes", table: "trend_shoes", parentColumn: "trend"),
            .init(key: "objects", table: "trend_objects", parentColumn: "trend"),
            .init(key: "designers", table: "trend_designers", parentColumn: "trend"),
            .init(key: "icons", table: "trend_icons", parentColumn: "trend"),
            .init(key: "sources", table: "trend_sources", parentColumn: "trend"),
        ]),
    ]

    public static let relations: [TableDescription] = [
        TableDescription(relation: "designer_affiliations", meaning: "A person's role at a house", key: ["person", "house", "role"], columns: [
            ColumnDescription("person", .reference(table: "designers"), required: true, meaning: "Slug of the person"),
            ColumnDescription("house", .reference(table: "designers"), required: true, meaning: "Slug of the house"),
            ColumnDescription("role", .choice(AffiliationRole.allCases.map(\.rawValue)), required: true, meaning: "The person's role at the house"),
            ColumnDescription("start_year", .integer(years), meaning: "First year in the role"),
            ColumnDescription("end_year", .integer(years), meaning: "Last year in the role"),
            source(),
        ]),
        TableDescription(relation: "collection_designers", meaning: "Who a collection is credited to, and in what role", key: ["collection", "designer", "role"], columns: [
            ColumnDescription("collection", .reference(table: "collections"), required: true, meaning: "Slug of the collection"),
            ColumnDescription("designer", .reference(table: "designers"), required: true, meaning: "Slug of the house or person"),
            ColumnDescription("role", .choice(CollectionRole.allCases.map(\.rawValue)), required: true, meaning: "house, creative_director, collaborator or designer"),
            source(),
        ]),
        TableDescription(relation: "shoe_designers", meaning: "Who made or designed a shoe", key: ["shoe", "designer", "role"], columns: [
            ColumnDescription("shoe", .reference(table: "shoes"), required: true, meaning: "Slug of the shoe"),
            ColumnDescription("designer", .reference(table: "designers"), required: true, meaning: "Slug of the house or person"),
            ColumnDescription("role", .choice(ShoeRole.allCases.map(\.rawValue)), required: true, meaning: "maker, designer or collaborator"),
            source(),
        ]),
        TableDescription(relation: "collection_shoes", meaning: "A shoe shown in a collection", key: ["collection", "shoe"], columns: [
            ColumnDescription("collection", .reference(table: "collections"), required: true, meaning: "Slug of the collection"),
            ColumnDescription("shoe", .reference(table: "shoes"), required: true, meaning: "Slug of the shoe"),
            source(),
        ]),
        TableDescription(relation: "icon_shoes", meaning: "How an icon relates to a shoe", key: ["icon", "shoe", "relation"], columns: [
            ColumnDescription("icon", .reference(table: "icons"), required: true, meaning: "Slug of the icon"),
            ColumnDescription("shoe", .reference(table: "shoes"), required: true, meaning: "Slug of the shoe"),
            ColumnDescription("relation", .choice(iconRelations.filter { $0 != IconRelation.collaborated.rawValue }), required: true,
                              meaning: "wore, designed_for, popularised, muse or inspired"),
            ColumnDescription("era", .text, meaning: "When, e.g. 1970s"),
            source(),
        ]),
        TableDescription(relation: "icon_designers", meaning: "How an icon relates to a house or designer", key: ["icon", "designer", "relation"], columns: [
            ColumnDescription("icon", .reference(table: "icons"), required: true, meaning: "Slug of the icon"),
            ColumnDescription("designer", .reference(table: "designers"), required: true, meaning: "Slug of the house or person"),
            ColumnDescription("relation", .choice(iconRelations), required: true,
                              meaning: "wore, designed_for, popularised, muse, inspired or collaborated"),
            ColumnDescription("era", .text, meaning: "When, e.g. 1970s"),
            source(),
        ]),
        TableDescription(relation: "designer_sources", meaning: "A source that supports a designer record", key: ["designer", "source"], columns: [
            ColumnDescription("designer", .reference(table: "designers"), required: true, meaning: "Slug of the house or person"),
            ColumnDescription("source", .reference(table: "sources"), required: true, meaning: "Slug of the source"),
            note,
        ]),
        TableDescription(relation: "collection_sources", meaning: "A source that supports a collection record", key: ["collection", "source"], columns: [
            ColumnDescription("collection", .reference(table: "collections"), required: true, meaning: "Slug of the collection"),
            ColumnDescription("source", .reference(table: "sources"), required: true, meaning: "Slug of the source"),
            note,
        ]),
        TableDescription(relation: "shoe_sources", meaning: "A source that supports a shoe record", key: ["shoe", "source"], columns: [
            ColumnDescription("shoe", .reference(table: "shoes"), required: true, meaning: "Slug of the shoe"),
            ColumnDescription("source", .reference(table: "sources"), required: true, meaning: "Slug of the source"),
            note,
        ]),
        TableDescription(relation: "icon_sources", meaning: "A source that supports an icon record", key: ["icon", "source"], columns: [
            ColumnDescription("icon", .reference(table: "icons"), required: true, meaning: "Slug of the icon"),
            ColumnDescription("source", .reference(table: "sources"), required: true, meaning: "Slug of the source"),
            note,
        ]),
        TableDescription(relation: "object_makers", meaning: "Who made an object, and how", key: ["object", "designer", "role"], columns: [
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            ColumnDescription("designer", .reference(table: "designers"), required: true, meaning: "Slug of the maker (house or person)"),
            ColumnDescription("role", .word, required: true, meaning: "The maker's role in lowercase: designer, manufacturer, weaver, retailer…"),
            ColumnDescription("qualifier", .text, meaning: "How sure the attribution is: attributed to, possibly"),
            source(),
        ]),
        TableDescription(relation: "object_tags", meaning: "A keyword an institution gives an object", key: ["object", "tag"], columns: [
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            ColumnDescription("tag", .reference(table: "tags"), required: true, meaning: "Slug of the tag"),
            source(),
        ]),
        TableDescription(relation: "object_shoes", meaning: "The shoe model an object is an example of", key: ["object", "shoe"], columns: [
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            ColumnDescription("shoe", .reference(table: "shoes"), required: true, meaning: "Slug of the shoe"),
            source(),
        ]),
        TableDescription(relation: "object_icons", meaning: "An icon who wore or owned an object", key: ["object", "icon", "relation"], columns: [
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            ColumnDescription("icon", .reference(table: "icons"), required: true, meaning: "Slug of the icon"),
            ColumnDescription("relation", .choice(["wore", "owned"]), required: true, meaning: "wore or owned"),
            source(),
        ]),
        TableDescription(relation: "object_collections", meaning: "A collection an object was shown in", key: ["object", "collection"], columns: [
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            ColumnDescription("collection", .reference(table: "collections"), required: true, meaning: "Slug of the collection"),
            source(),
        ]),
        TableDescription(relation: "object_sources", meaning: "A source that supports an object record", key: ["object", "source"], columns: [
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            ColumnDescription("source", .reference(table: "sources"), required: true, meaning: "Slug of the source"),
            note,
        ]),
        TableDescription(relation: "trend_lineage", meaning: "A trend's ancestry: derived from, or a revival of, another trend", key: ["trend", "ancestor", "relation"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("ancestor", .reference(table: "trends"), required: true, meaning: "Slug of the earlier trend"),
            ColumnDescription("relation", .choice(["derived_from", "revival_of"]), required: true, meaning: "derived_from or revival_of"),
            source(),
        ]),
        TableDescription(relation: "trend_collections", meaning: "A collection that belongs to a trend", key: ["trend", "collection"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("collection", .reference(table: "collections"), required: true, meaning: "Slug of the collection"),
            source(),
        ]),
        TableDescription(relation: "trend_shoes", meaning: "A shoe that belongs to a trend", key: ["trend", "shoe"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("shoe", .reference(table: "shoes"), required: true, meaning: "Slug of the shoe"),
            source(),
        ]),
        TableDescription(relation: "trend_objects", meaning: "An object that belongs to a trend", key: ["trend", "object"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("object", .reference(table: "objects"), required: true, meaning: "Slug of the object"),
            source(),
        ]),
        TableDescription(relation: "trend_designers", meaning: "A house or designer that carried a trend", key: ["trend", "designer"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("designer", .reference(table: "designers"), required: true, meaning: "Slug of the house or person"),
            source(),
        ]),
        TableDescription(relation: "trend_icons", meaning: "An icon who carried a trend, and when", key: ["trend", "icon"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("icon", .reference(table: "icons"), required: true, meaning: "Slug of the icon"),
            ColumnDescription("era", .text, meaning: "When, e.g. 2010s"),
            source(),
        ]),
        TableDescription(relation: "trend_sources", meaning: "A source that supports a trend record", key: ["trend", "source"], columns: [
            ColumnDescription("trend", .reference(table: "trends"), required: true, meaning: "Slug of the trend"),
            ColumnDescription("source", .reference(table: "sources"), required: true, meaning: "Slug of the source"),
            note,
        ]),
    ]
}
