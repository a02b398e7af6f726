// What an institution holds: its objects counted by category and by type, and a page of them in slug order
// (TablePage's keyset, so that the hundredth page costs what the first does). Counted on the index of 0012, a
// range of the institution's own entries: its cost follows the institution's objects, not the archive's.
import ArchiveStorage

public struct InstitutionHoldings: Sendable {
    public struct Count: Sendable, Equatable {
        /// The category or type; nil for objects without one.
        public let value: String?
        public let count: Int
    }

    public let total: Int
    /// Every category the institution's objects have, most first.
    public let categories: [Count]
    /// The most common types, most first (at most `typeLimit`).
    public let types: [Count]
    /// How many different types there are in all.
    public let typeTotal: Int
    /// A page of the objects, as the objects table is exported.
    public let objects: TablePage

    public static let typeLimit = 24

    public static func load(_ institution: String, after: String? = nil, limit: Int = TableRequest.defaultLimit,
                            archive: Archive) throws -> InstitutionHoldings {
        let db = archive.database
        let id: Int64? = try db.fetchOne("SELECT id FROM institutions WHERE slug = ?", [institution])
        let objects = try TablePage.load(try TableRequest(table: Tables.named("objects")!, sort: "slug", after: after, limit: limit,
                                                          filter: (column: "institution", slug: institution)), archive: archive)
        guard let id else { return InstitutionHoldings(total: 0, categories: [], types: [], typeTotal: 0, objects: objects) }
        let categories = try counts("category", of: id, limit: ObjectCategory.allCases.count + 1, db)
        let types = try counts("object_type", of: id, limit: typeLimit, db)
        let typeTotal: Int64 = try db.fetchOne("SELECT count(DISTINCT object_type) FROM objects WHERE institution_id = ?", [id]) ?? 0
        return InstitutionHoldings(total: objects.total, categories: categories, types: types, typeTotal: Int(typeTotal), objects: objects)
    }

    private static func counts(_ column: String, of institution: Int64, limit: Int, _ db: Database) throws -> [Count] {
        let rows = try db.cachedStatement("""
            SELECT \(column), count(*) AS n FROM objects WHERE institution_id = ? GROUP BY \(column) ORDER BY n DESC, \(column) LIMIT ?
            """).rows([institution, limit])
        var counts: [Count] = []
        while let row = try rows.next() { counts.append(Count(value: row.string(at: 0), count: Int(row.int64(at: 1) ?? 0))) }
        return counts
    }
}
