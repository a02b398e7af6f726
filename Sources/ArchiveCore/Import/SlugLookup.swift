// Finds the id of the record a slug names, for references in imported rows.
import ArchiveStorage

final class SlugLookup {
    private let db: Database
    private var sql: [String: String] = [:]
    private var last: [String: (slug: String, id: Int64)] = [:]

    init(_ db: Database) {
        self.db = db
    }

    func id(of slug: String, in table: String) throws -> Int64? {
        // Relation files usually list a record's links one after another: remember the last answer per table.
        if let last = last[table], last.slug == slug { return last.id }
        let query = sql[table] ?? "SELECT id FROM \(table) WHERE slug = ?"
        sql[table] = query
        let id: Int64? = try db.fetchOne(query, [slug])
        if let id { last[table] = (slug, id) } // not a miss: the record may come later in the import
        return id
    }
}
