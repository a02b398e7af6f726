// Which record a slug names, for the commands that change one (`delete`, `edit`): slugs are unique per table
// only, so a slug in two tables needs its table named.
import ArchiveStorage

struct RecordLocation {
    let table: TableDescription
    let id: Int64

    /// The record `slug` (in `table`, or in whichever record table holds it); `command` words the hint.
    static func find(_ slug: String, in table: String? = nil, command: String, _ db: Database) throws -> RecordLocation {
        var found: [RecordLocation] = []
        for candidate in Tables.records where table == nil || candidate.name == table {
            if let id: Int64 = try db.fetchOne("SELECT id FROM \(candidate.name) WHERE slug = ?", [slug]) {
                found.append(RecordLocation(table: candidate, id: id))
            }
        }
        guard let record = found.first else {
            throw ArchiveError(.notFound, "no record with slug \"\(slug)\"\(table.map { " in \($0)" } ?? "")")
        }
        guard found.count == 1 else {
            throw ArchiveError(.invalidInput, "\"\(slug)\" is a slug in \(found.map(\.table.name).joined(separator: " and ")): say which, e.g. `archive \(command) \(record.table.name) \(slug)`")
        }
        return record
    }
}
