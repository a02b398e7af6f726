// What tells one hit from another of the same title, for each kind: an object's institution by name, accession
// number and first maker; a collection's houses; a shoe's makers; a house or a person, and its nationality; and
// the date as written ("ca. 1919", not the low end of its span 1914; a person's life dates). Read by the search's
// own query in its last step, which runs for the hits it returns only: a page of hits costs no query more.

extension SearchHit {
    /// A field that identifies a hit, named as the API names it ("institution", "accession_number").
    public struct Detail: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}

extension SearchScope {
    /// SQL over the record `r`: its date as written, or its years put in words when none is written.
    var dateSQL: String {
        switch self {
        case .objects: "coalesce(r.date_text, \(Self.span("r.earliest_year", "r.latest_year")))"
        case .collections: "nullif(trim(coalesce(r.season, '') || ' ' || coalesce(r.year, '')), '')"
        case .shoes: "CAST(r.year_introduced AS TEXT)"
        case .designers:
            "coalesce(\(Self.between("r.born", "r.died", "born", "died")), \(Self.between("r.founded", "r.closed", "founded", "closed")), "
                + "'active ' || \(Self.span("r.active_from", "r.active_to")))"
        case .icons: "coalesce(\(Self.between("r.born", "r.died", "born", "died")), r.era)"
        case .trends: "coalesce(r.era, \(Self.span("r.earliest_year", "r.latest_year")))"
        case .institutions: "NULL"
        }
    }

    /// SQL over the record `r`: the SHA-256 of its primary image, else its first (index media_record).
    var imageSQL: String {
        """
        (SELECT f.sha256 FROM media m JOIN media_files f ON f.id = m.file_id
         WHERE m.record_table = '\(rawValue)' AND m.record_id = r.id ORDER BY m.is_primary DESC, m.position LIMIT 1)
        """
    }

    /// The details a hit of this kind shows, each as SQL over the record `r` (NULL when unknown), in order.
    var details: [(name: String, sql: String)] {
        switch self {
        case .objects:
            [("institution", "(SELECT name FROM institutions WHERE id = r.institution_id)"), ("accession_number", "r.accession_number"),
             ("maker", Self.firstMaker)]
        case .collections:
            [("house", Self.names("collection_designers", "collection_id", where: "x.role = 'house'"))]
        case .shoes:
            [("makers", Self.names("shoe_designers", "shoe_id", order: "x.role <> 'maker', "))]
        case .designers: [("kind", "r.kind"), ("nationality", "coalesce(r.nationality, r.country)")]
        case .icons: [("occupation", "r.occupation")]
        case .trends: []
        case .institutions: [("place", "CASE WHEN r.city IS NULL OR r.country IS NULL THEN coalesce(r.city, r.country) ELSE r.city || ', ' || r.country END")]
        }
    }

    /// The roles of an object's people that say who had it, not who made it: a first maker is one of the others
    /// when there is one (an IMA record lists its bequestor beside its designer).
    static let custodialRoles = ["bequestor", "for", "student at", "student of", "school of", "vendor", "client", "retailer", "transferor",
                                 "distributor", "fund", "depositor", "auctioneer", "agent", "cataloguer", "association", "sitter",
                                 "wholesaler", "collector", "buyer", "borrower", "after"]

    /// "Name (role, qualifier)" of the object's first maker in the file's order, and how many others it has.
    private static var firstMaker: String {
        let custodial = custodialRoles.map { "'\($0)'" }.joined(separator: ", ")
        return """
            (SELECT d.name || ' (' || x.role || coalesce(', ' || x.qualifier, '') || ')'
                || CASE WHEN (SELECT count(*) FROM object_makers WHERE object_id = r.id) > 1
                   THEN ' and ' || ((SELECT count(*) FROM object_makers WHERE object_id = r.id) - 1) || ' more' ELSE '' END
             FROM object_makers x JOIN designers d ON d.id = x.designer_id WHERE x.object_id = r.id
             ORDER BY x.role IN (\(custodial)), x.rowid LIMIT 1)
            """
    }

    /// The names of the designers linked to `r` through `table`, "; "-separated, in slug order (after `order`).
    private static func names(_ table: String, _ column: String, where condition: String = "1", order: String = "") -> String {
        """
        (SELECT group_concat(name, '; ') FROM (SELECT d.name FROM \(table) x JOIN designers d ON d.id = x.designer_id
         WHERE x.\(column) = r.id AND \(condition) ORDER BY \(order)d.slug))
        """
    }

    /// A year as people write it: 1919, 500 BC.
    private static func year(_ column: String) -> String { "CASE WHEN \(column) < 0 THEN (-\(column)) || ' BC' ELSE CAST(\(column) AS TEXT) END" }

    /// "1914–1924", or one year when both are the same or only one is known.
    private static func span(_ from: String, _ to: String) -> String {
        "CASE WHEN \(from) IS NULL OR \(from) = \(to) THEN \(year(to)) WHEN \(to) IS NULL THEN \(year(from)) ELSE \(year(from)) || '–' || \(year(to)) END"
    }

    /// "1900–1972", "born 1950", "died 1890": a life or a house's years, said so when only one end is known.
    private static func between(_ from: String, _ to: String, _ fromWord: String, _ toWord: String) -> String {
        "CASE WHEN \(to) IS NULL THEN '\(fromWord) ' || \(from) WHEN \(from) IS NULL THEN '\(toWord) ' || \(to) ELSE \(from) || '–' || \(to) END"
    }
}
