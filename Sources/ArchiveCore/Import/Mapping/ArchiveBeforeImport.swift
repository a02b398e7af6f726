// The records the archive held before an import began, for a mapping that matches makers by authority id. Every
// pass of a mapped import must hand out the same slugs, so each asks about the archive as it was: rows the
// import itself added (rowids above the highest at its start) are not seen.
import ArchiveStorage

final class ArchiveBeforeImport {
    private let db: Database
    private var highest: [String: Int64] = [:]
    private var statements: [String: Statement] = [:]

    init(_ db: Database) throws {
        self.db = db
        for table in Tables.records { highest[table.name] = try db.fetchOne("SELECT max(rowid) FROM \(table.name)") ?? 0 }
    }

    /// The slug of the first record of `table` whose `column` is `value` (an authority column, from the catalogue).
    func slug(in table: TableDescription, where column: String, is value: String) throws -> String? {
        guard highest[table.name, default: 0] > 0 else { return nil } // a table the import began empty
        let statement = try prepared("SELECT slug FROM \(table.name) WHERE \(column) = ?1 AND rowid <= ?2 ORDER BY rowid LIMIT 1")
        return try statement.rows([value, highest[table.name] ?? 0]).next()?.string(at: 0)
    }

    /// The authority ids of the record `slug` names (nil when there was none): column → value, set ones only.
    func identifiers(of slug: String, in table: TableDescription, columns: [String]) throws -> [String: String]? {
        guard !columns.isEmpty, highest[table.name, default: 0] > 0 else { return nil }
        let statement = try prepared("SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE slug = ?1 AND rowid <= ?2")
        guard let row = try statement.rows([slug, highest[table.name] ?? 0]).next() else { return nil }
        var ids: [String: String] = [:]
        for (index, column) in columns.enumerated() { if let value = row.string(at: Int32(index)) { ids[column] = value } }
        return ids
    }

    private func prepared(_ sql: String) throws -> Statement {
        if let statement = statements[sql], !statement.hasFailed { return statement }
        let statement = try db.prepare(sql)
        statements[sql] = statement
        return statement
    }
}
