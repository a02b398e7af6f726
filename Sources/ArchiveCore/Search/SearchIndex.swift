// The four full-text indexes (Migrations/0002_search.sql): what each holds, how its columns are weighted,
// and the maintenance a bulk import and `archive check` need.
import ArchiveStorage

public enum SearchScope: String, CaseIterable, Sendable {
    case collections, shoes, designers, icons, objects, trends, institutions

    /// The FTS5 table.
    var index: String { rawValue + "_fts" }
    /// The view that says what the index holds for each record.
    var textView: String { rawValue + "_search_text" }
    /// The indexed columns, in the index's order.
    var columns: [String] {
        switch self {
        case .collections: ["title", "designers", "keywords", "description", "season_year"]
        case .shoes: ["name", "type", "designers", "icons", "description", "materials"]
        case .designers: ["name", "kind", "country", "affiliations", "description"]
        case .icons: ["name", "occupation", "era", "nationality", "shoes", "designers", "description"]
        case .objects: ["title", "makers", "kind", "culture", "medium", "description", "institution", "date_text"]
        case .trends: ["name", "era", "lineage", "description"]
        case .institutions: ["name", "city", "country"]
        }
    }
    /// bm25 weights, column by column: the title or name counts most, then related names, then keywords and
    /// types, then descriptions.
    var weights: [Double] {
        switch self {
        case .collections: [10, 6, 4, 1, 2]
        case .shoes: [10, 4, 6, 5, 1, 1]
        case .designers: [10, 2, 3, 5, 1]
        case .icons: [10, 3, 3, 2, 5, 5, 1]
        case .objects: [10, 6, 5, 3, 2, 1, 2, 2]
        case .trends: [10, 3, 5, 1]
        case .institutions: [10, 3, 2]
        }
    }
    /// A record of this scope, in the singular, as hits name it.
    public var kind: String {
        switch self {
        case .collections: "collection"
        case .shoes: "shoe"
        case .designers: "designer"
        case .icons: "icon"
        case .objects: "object"
        case .trends: "trend"
        case .institutions: "institution"
        }
    }
}

public enum SearchIndex {
    /// Rebuilds every index from its view (a bulk import, with the triggers dropped: see BulkLoad), then
    /// merges it into one segment.
    static func rebuild(_ db: Database) throws {
        for scope in SearchScope.allCases {
            let index = scope.index
            func configure(_ option: String, _ value: Int) throws {
                try db.execute("INSERT INTO \(index) (\(index), rank) VALUES ('\(option)', \(value))")
            }
            // Measured at 1M collections: merging segments while they are written roughly doubled the build, so
            // they pile up (64 per level) until the end; a 16 MiB buffer of pending terms instead of 1 MiB wrote
            // half as many segments, faster (13.5 s → 8.3 s for the collections index alone).
            try configure("automerge", 0)
            try configure("crisismerge", 64)
            try configure("hashsize", bulkHashBytes)
            try db.execute("DELETE FROM \(index)")
            try db.execute("INSERT INTO \(index) (rowid, \(scope.columns.joined(separator: ", "))) SELECT * FROM \(scope.textView)")
            // One segment for searches to read: a term in 65 segments took 1.8 ms to rank where one segment
            // takes 0.2 ms (rare words, 1M collections); the merge costs about 4 s there.
            try db.execute("INSERT INTO \(index) (\(index)) VALUES ('optimize')")
            try configure("automerge", 4)
            try configure("crisismerge", 16)
            try configure("hashsize", 1 << 20)
        }
    }

    /// FTS5's buffer of pending terms during a rebuild (its default, restored afterwards, is 1 MiB).
    static let bulkHashBytes = 16 << 20

    /// The sqlite_schema rows of the triggers that keep the indexes in step (all named `*_fts_*`).
    static let triggerCondition = "type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'"

    /// Problems with the indexes: an index whose text differs from its records'. (A missing trigger is a
    /// difference from the migrations' schema, which SchemaComparison reports.) Read-only.
    static func problems(_ db: Database) throws -> [IntegrityCheck.Problem] {
        var problems: [IntegrityCheck.Problem] = []
        for scope in SearchScope.allCases {
            let differs = scope.columns.map { "f.\($0) IS NOT t.\($0)" }.joined(separator: " OR ")
            let stale: Int64 = try db.fetchOne("""
                SELECT count(*) FROM \(scope.textView) AS t LEFT JOIN \(scope.index) AS f ON f.rowid = t.id
                WHERE f.rowid IS NULL OR \(differs)
                """) ?? 0
            let orphaned: Int64 = try db.fetchOne("""
                SELECT count(*) FROM \(scope.index) AS f WHERE f.rowid NOT IN (SELECT id FROM \(scope.textView))
                """) ?? 0
            if stale > 0 { problems.append(.init(check: "search", detail: "\(scope.index): \(stale) records are missing or out of date")) }
            if orphaned > 0 { problems.append(.init(check: "search", detail: "\(scope.index): \(orphaned) entries have no record")) }
        }
        return problems
    }

    /// FTS5's own integrity check of every index. It is an INSERT command, so it needs a writable connection
    /// (run inside a transaction that is rolled back: it changes nothing).
    static func ftsIntegrityProblems(_ db: Database) throws -> [IntegrityCheck.Problem] {
        var problems: [IntegrityCheck.Problem] = []
        for scope in SearchScope.allCases {
            do {
                try db.execute("INSERT INTO \(scope.index) (\(scope.index)) VALUES ('integrity-check')")
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT { // and SQLITE_CORRUPT_VTAB
                problems.append(.init(check: "search", detail: "\(scope.index): \(error.message)"))
            }
        }
        return problems
    }
}
