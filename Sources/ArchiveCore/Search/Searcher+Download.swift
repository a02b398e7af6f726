// A search's hits of one kind, every one, best first, with the research-ready columns of that kind — its *_full
// view where there is one (institution by name, accession number, date as written and years, makers with roles…),
// else its table as `archive export` writes it — through the export writer, row by row as SQLite gives them.
// One kind a file: each kind has its own columns, and a table of one kind is what pandas or R take in whole.
import ArchiveStorage

extension SearchScope {
    /// This kind's research-ready export over the rows of `rows`, a FROM clause naming the record by the alias it
    /// is given.
    func fullExport(rows: (String) -> String) -> ExportQuery {
        switch self {
        case .collections: ExportQuery.collectionsFull(rows: rows("c"))
        case .shoes: ExportQuery.shoesFull(rows: rows("s"))
        case .objects: ExportQuery.objectsFull(rows: rows("o"))
        // Every scope is named after its table.
        case .designers, .icons, .trends, .institutions: ExportQuery.table(Tables.named(rawValue)!, rows: rows("r"))
        }
    }
}

extension Searcher {
    /// Writes every hit of `scope` (the first `limit`, when given), best first by exact bm25 (ties by slug, as a
    /// page orders them), with the columns of `SearchScope.fullExport`; returns how many. The ranking holds only
    /// each hit's id and score (SQLite's sorter spills to a temporary file past its cache); the rows are then
    /// read in that order and written as they come, so memory does not grow with the hits.
    public func download(_ query: SearchQuery, in scope: SearchScope, filters: SearchFilters = SearchFilters(), limit: Int? = nil,
                         to output: BufferedOutput, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws -> Int {
        let index = scope.index
        let (conditions, arguments) = filterSQL(scope, filters)
        let export = scope.fullExport { alias in "hits CROSS JOIN \(scope.rawValue) \(alias) ON \(alias).id = hits.id" }
        guard let expression = query.expression else {
            try RowWriter(output: output, format: format, columns: export.columns.map(\.name), csv: csv).finish()
            return 0
        }
        // The ranked ids are materialized in order (the LIMIT keeps SQLite from dropping the ORDER BY of a
        // subquery), and CROSS JOIN keeps them the outer loop: the rows come out best first.
        let sql = """
            WITH hits AS MATERIALIZED (
                SELECT \(index).rowid AS id FROM \(index) CROSS JOIN \(scope.rawValue) AS r ON r.id = \(index).rowid
                WHERE \(index) MATCH ?\(conditions)
                ORDER BY bm25(\(index), \(scope.weights.map { String($0) }.joined(separator: ", "))), r.slug LIMIT ?)
            \(export.sql)
            """
        return try bounded(query) {
            try Exporter(archive: archive).export(ExportQuery(name: export.name, sql: sql, columns: export.columns, isView: true, meaning: export.meaning),
                                                  arguments: [expression] + arguments + [limit ?? -1], to: output, format: format, csv: csv)
        }
    }

    /// How many hits each of `scopes` has (those its filters leave), each counted no further than `cap`: the
    /// page offers a download of each kind that has any.
    public func counts(_ query: SearchQuery, in scopes: [SearchScope], filters: SearchFilters = SearchFilters(), upTo cap: Int) throws -> [(scope: SearchScope, count: Int)] {
        guard let expression = query.expression else { return [] }
        return try bounded(query) {
            try Searcher.scopes(scopes, filters: filters).map { ($0, try hitCount(expression, in: $0, filters: filters, upTo: cap)) }
        }
    }

    /// How many rows of `scope` match with the filters, counting no further than `cap` (the full-text index the
    /// outer loop, as in `ranked`).
    func hitCount(_ expression: String, in scope: SearchScope, filters: SearchFilters, upTo cap: Int) throws -> Int {
        let (conditions, arguments) = filterSQL(scope, filters)
        let count: Int64? = try archive.database.fetchOne("""
            SELECT count(*) FROM (SELECT 1 FROM \(scope.index)\(conditions.isEmpty ? "" : " CROSS JOIN \(scope.rawValue) AS r ON r.id = \(scope.index).rowid")
            WHERE \(scope.index) MATCH ?\(conditions) LIMIT ?)
            """, [expression] + arguments + [cap])
        return Int(count ?? 0)
    }
}
