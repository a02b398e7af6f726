// An import's updates of one table, logged by the importer itself rather than by a trigger (ChangeLog's other
// writers keep the triggers). A trigger on the table makes every row's upsert a statement SQLite must be able
// to roll back alone, so it journals the pages each one changes; once one statement's journal passes 64 KiB,
// the journal is a temporary file until the transaction ends, and a re-import of 100,000 collections made
// 1.27 million writes to it (strace; 0.3 million in all without the history). Reading the row before the
// upsert and its fingerprints after costs two lookups of pages already in memory, and a plain INSERT of the
// log row needs no statement journal. The images have the same form as the trigger's (ChangeLog.beforeImage).
import ArchiveStorage

final class UpdateLog {
    /// The row an upsert is about to write, as it is: its rowid, its before-image, and which of the columns
    /// written differ (bit i for the i-th of them).
    struct Before {
        let rowid: Int64
        let image: String
        let differing: UInt64
    }

    private let log: ChangeLog
    private let table: TableDescription
    /// The columns that name a row (a record's slug, a relation's ids).
    private let key: [String]
    private let db: Database
    private let hasSlug: Bool
    private var reads: [[String]: Statement] = [:]
    private var afterReads: [[String]: Statement] = [:]

    init(_ log: ChangeLog, table: TableDescription, key: [String], database: Database) {
        self.log = log
        self.table = table
        self.key = key
        db = database
        hasSlug = table.columns.contains { $0.column == "slug" }
    }

    /// The row whose key `values` give (bound as ?1… in the order of `columns`), before they are written; nil
    /// when there is none. `updates` are the columns an upsert may change, in `columns`' order.
    func before(columns: [String], updates: [String], values: [DatabaseValue]) throws -> Before? {
        let statement = try read(columns: columns, updates: updates)
        for (index, value) in values.enumerated() { try statement.bind(value, at: Int32(index + 1)) }
        guard let row = try statement.rows().next(), let rowid = row.int64(at: 0), let image = row.string(at: 1) else { return nil }
        return Before(rowid: rowid, image: image, differing: UInt64(bitPattern: row.int64(at: 2) ?? 0))
    }

    /// Logs the update of the row `before` read, now that the upsert wrote it.
    func updated(_ before: Before, updates: [String]) throws {
        let changed = updates.enumerated().filter { before.differing & (1 << UInt64($0.offset)) != 0 }.map(\.element)
        // An upsert that changed a row the read saw as equal would leave the log without its old values.
        guard !changed.isEmpty else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "\(table.name) row \(before.rowid): the history could not tell what the import changed") }
        guard let row = try afterRead(changed).rows([before.rowid]).next(), let after = row.string(at: 0) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "\(table.name) row \(before.rowid) is gone after its update")
        }
        try log.updated(table.name, rowid: before.rowid, before: before.image, after: after)
    }

    /// SELECT rowid, the before-image, the differing columns' bits FROM table WHERE key = …, with the values
    /// to be written as parameters: `column IS NOT ?n` compares as the upsert's `IS NOT excluded.column` does
    /// (the parameter takes the column's affinity).
    private func read(columns: [String], updates: [String]) throws -> Statement {
        if let statement = reads[columns], !statement.hasFailed { return statement }
        guard updates.count <= 64 else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "\(table.name): more columns than the history can tell apart") }
        let parameter = { (column: String) in "?\(columns.firstIndex(of: column)! + 1)" }
        let differs = { (column: String) in "\"\(column)\" IS NOT \(parameter(column))" }
        let imaged = (hasSlug ? ["slug"] : []) + updates.filter { $0 != "slug" }
        let image = ChangeLog.beforeImage(imaged, changed: differs) { "\"\($0)\"" }
        let bits = updates.enumerated().map { "(CASE WHEN \(differs($0.element)) THEN \(Int64(bitPattern: 1 << UInt64($0.offset))) ELSE 0 END)" }
        let sql = "SELECT rowid, \(image), \(bits.isEmpty ? "0" : bits.joined(separator: " | ")) FROM \(table.name) WHERE "
            + key.map { "\"\($0)\" = \(parameter($0))" }.joined(separator: " AND ")
        let statement = try db.prepare(sql)
        reads[columns] = statement
        return statement
    }

    /// SELECT the after-image (fingerprints of what was written in `changed`) FROM table WHERE rowid = ?1.
    private func afterRead(_ changed: [String]) throws -> Statement {
        if let statement = afterReads[changed], !statement.hasFailed { return statement }
        let image = ChangeLog.afterImage(changed, changed: { _ in "1" }) { "\"\($0)\"" }
        let statement = try db.prepare("SELECT \(image) FROM \(table.name) WHERE rowid = ?1")
        afterReads[changed] = statement
        return statement
    }
}
