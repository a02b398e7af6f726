// Finds the id of the record a slug names, for references in imported rows.
import ArchiveStorage

final class SlugLookup {
    private let db: Database
    private var sql: [String: String] = [:]
    private var last: [String: (slug: String, id: Int64)] = [:]
    /// Ids found, per table, up to `remembered` of them: a mapped file links the same makers and tags again and
    /// again (370,000 links to 7,800 records in 100,000 Met rows), each a query without it.
    private var found: [String: [String: Int64]] = [:]
    private var foundCount = 0
    static let remembered = 100_000

    init(_ db: Database) {
        self.db = db
    }

    /// The record the import just wrote: the rows that follow it in a mapped file (its citation, its links) name it.
    func wrote(_ slug: String, id: Int64, in table: String) { last[table] = (slug, id) }

    func id(of slug: String, in table: String) throws -> Int64? {
        // Relation files usually list a record's links one after another: remember the last answer per table.
        if let last = last[table], last.slug == slug { return last.id }
        if let id = found[table]?[slug] { return id }
        let query = sql[table] ?? "SELECT id FROM \(table) WHERE slug = ?"
        sql[table] = query
        let id: Int64? = try db.fetchOne(query, [slug])
        // Not a miss: the record may come later in the import.
        if let id {
            last[table] = (slug, id)
            if foundCount < Self.remembered {
                found[table, default: [:]][slug] = id
                foundCount += 1
            }
        }
        return id
    }
}
