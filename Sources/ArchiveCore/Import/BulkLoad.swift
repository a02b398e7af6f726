// A bulk import writes its rows faster without the work that can be done once at the end, in bulk:
// - the triggers that keep the search indexes in step (one FTS5 rebuild is several times faster than
//   maintaining the index row by row, and even a trigger that only checks a flag costs a fifth of an import);
// - the secondary indexes (CREATE INDEX sorts once; inserting 1.45M designer ids in random order into
//   collection_designers_designer spilled the page cache again and again, measured at 1M collections).
// Both are dropped and recreated from their own text in sqlite_schema inside the import's transaction, so no
// other connection ever sees the archive without them, and a failed import rolls the drop back too.
// - foreign keys checked row by row: an upsert that checks them costs several times one that does not (148,000
//   maker links: 1.05 s against 0.29 s), and one `foreign_key_check` of each table written, before the commit, finds
//   what they would have (the import resolves every reference itself, so it is a guard, not the check).
// UNIQUE indexes stay: they are the constraints that catch duplicate keys, and upserts need them; so do partial
// indexes, which hold few rows and which lookups during the import use.
import ArchiveStorage

/// When an import drops and rebuilds indexes instead of maintaining them row by row.
public enum BulkLoadPolicy: Sendable {
    /// When the input is at least 4 MiB and at least an eighth of the archive: rebuilding costs in
    /// proportion to the whole archive, maintaining row by row about 2.7× per row written, so a small import
    /// into a large archive keeps the indexes up to date as it goes.
    case automatic
    case always
    case never

    func applies(inputBytes: Int64, archiveBytes: Int64) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .automatic: inputBytes >= 4 << 20 && inputBytes >= archiveBytes / 8
        }
    }
}

struct BulkLoad {
    /// CREATE statements, as sqlite_schema holds them.
    private let indexes: [String]
    private let triggers: [String]
    /// The tables the import writes, whose foreign keys are checked at the end.
    private let tables: Set<String>

    /// Runs the import's transaction with foreign keys left to `finish` when it is a bulk load.
    static func foreignKeys<T>(_ db: Database, _ isBulk: Bool, _ body: () throws -> T) throws -> T {
        isBulk ? try db.withForeignKeysCheckedByCaller(body) : try body()
    }

    /// Drops the search triggers and the secondary indexes of `tables`; `finish` must follow in the same
    /// transaction.
    static func begin(_ db: Database, tables: Set<String>) throws -> BulkLoad {
        let statement = try db.prepare("""
            SELECT type, name, tbl_name, sql FROM sqlite_schema
            WHERE (\(SearchIndex.triggerCondition))
               OR (type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%')
            ORDER BY type, name
            """)
        var drops: [String] = []
        var indexes: [String] = []
        var triggers: [String] = []
        while let row = try statement.next() {
            let (type, name, table, sql) = (row.string(at: 0) ?? "", row.string(at: 1) ?? "", row.string(at: 2) ?? "", row.string(at: 3) ?? "")
            if type == "index" {
                // Partial indexes stay (the authority ids' WHERE … IS NOT NULL): they are small, and a mapping looks
                // makers up by them as it imports (without, each lookup scanned the designers).
                guard tables.contains(table), !sql.uppercased().contains(" WHERE ") else { continue }
                indexes.append(sql)
            } else {
                triggers.append(sql)
            }
            drops.append("DROP \(type == "index" ? "INDEX" : "TRIGGER") \"\(name)\"")
        }
        for drop in drops { try db.execute(drop) }
        return BulkLoad(indexes: indexes, triggers: triggers, tables: tables)
    }

    /// Recreates the indexes, rebuilds the search indexes from their views and restores the triggers.
    func finish(_ db: Database) throws {
        for table in tables.sorted() {
            if let violation = try db.foreignKeyViolation(in: table) {
                throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                    message: "FOREIGN KEY constraint failed: \(table) row \(violation.rowid) names a \(violation.parent) row that does not exist")
            }
        }
        for index in indexes { try db.execute(index) }
        try SearchIndex.rebuild(db)
        for trigger in triggers { try db.executeScript(trigger) }
    }
}
