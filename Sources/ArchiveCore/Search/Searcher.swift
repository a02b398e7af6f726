// Runs a search: ranks matches by bm25 with column weights (ties broken by slug), shows the best-matching
// passage of each, applies filters, and counts facets. User text reaches SQL only as bound parameters.
import ArchiveStorage

public struct SearchFilters: Sendable, Equatable {
    public var designer: String?
    public var season: FashionCollection.Season?
    public var year: Int?
    public var from: Int?
    public var to: Int?
    /// Objects only: held by this institution (slug), of this category, of this type (`objects.object_type`).
    public var institution: String?
    public var category: ObjectCategory?
    public var objectType: String?

    public init(designer: String? = nil, season: FashionCollection.Season? = nil, year: Int? = nil, from: Int? = nil, to: Int? = nil,
                institution: String? = nil, category: ObjectCategory? = nil, objectType: String? = nil) {
        self.designer = designer
        self.season = season
        self.year = year
        self.from = from
        self.to = to
        self.institution = institution
        self.category = category
        self.objectType = objectType
    }

    var hasYearFilter: Bool { year != nil || from != nil || to != nil }
}

public struct SearchHit: Sendable, Equatable {
    public let kind: String
    public let slug: String
    public let title: String
    public let season: String?
    public let year: Int?
    /// Higher is better (bm25, negated).
    public let score: Double
    public let snippet: String
    /// The date as written ("ca. 1919", "SS 2026", a person's "1900–1972"), not a span's low end.
    public var date: String? = nil
    /// What tells this hit from others of its title, for its kind (SearchScope.details).
    public var details: [Detail] = []
    /// The SHA-256 of the record's primary image (else its first), when it has one: a thumbnail beside the hit.
    public var image: String? = nil

    /// The snippet (made with `Highlight.segments`) as plain text and matched terms, in order, for a front end
    /// that escapes and marks them itself. Stray markers in the record's own text are dropped.
    public var segments: [(text: String, isMatch: Bool)] {
        var parts: [(String, Bool)] = []
        var current = String.UnicodeScalarView(), inMatch = false
        // Scalars, not Characters: the markers are single scalars, and comparing graphemes is slow.
        for scalar in snippet.unicodeScalars {
            if scalar == "\u{E000}" || scalar == "\u{E001}" {
                if !current.isEmpty { parts.append((String(current), inMatch)) }
                current = String.UnicodeScalarView()
                inMatch = scalar == "\u{E000}"
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { parts.append((String(current), inMatch)) }
        return parts
    }
}

public struct Searcher {
    /// How matched terms are marked in snippets: brackets for files and pipes, bold on a terminal.
    public struct Highlight: Sendable {
        public let open: String
        public let close: String
        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }
        public static let brackets = Highlight(open: "[", close: "]")
        public static let bold = Highlight(open: "\u{1B}[1m", close: "\u{1B}[0m")
        /// Markers from Unicode's private use area, for `SearchHit.segments`: a page escapes each segment.
        public static let segments = Highlight(open: "\u{E000}", close: "\u{E001}")
    }

    /// How hits are ranked: `exact` scores every match with bm25; `automatic` does so up to
    /// `exactScoringLimit` matches, and beyond that ranks a capped set of candidates (see `search`).
    public enum Ranking: Sendable { case automatic, exact }

    let archive: Archive
    public var ranking = Ranking.automatic
    /// Above this many matches, rank column by column instead of scoring every match: bm25 costs about
    /// 1.3 µs a match (1M collections), so 1,000 keeps a search near 1 ms. Benchmarks/run.py measures the
    /// effect on the top hits against exact bm25.
    public var exactScoringLimit = 1_000
    /// Matches scored at most in each column's pass of that ranking: for a word in over 10% of 1M collections,
    /// 20,000 kept 55% of the exact top 20 at 7× the speed of exact bm25 (2,000: 13% at 25×).
    public var tierScoringLimit = 20_000

    /// Seconds a search may take before SQLite is told to stop it (SearchError.timeLimit); nil for no limit.
    /// Whatever is typed, a search must cost what a reasonable one does.
    public var timeLimit: Double? = Searcher.defaultTimeLimit
    public static let defaultTimeLimit = 0.8

    public init(archive: Archive) { self.archive = archive }

    /// Runs `body` within the time limit, turning SQLite's interruption into SearchError.timeLimit and a raw
    /// query's syntax error into SearchError.syntax.
    func bounded<T>(_ query: SearchQuery, _ body: () throws -> T) throws -> T {
        do {
            guard let timeLimit else { return try body() }
            return try archive.database.withTimeLimit(timeLimit, body)
        } catch let error as DatabaseError where error.isInterruption {
            throw SearchError.timeLimit(timeLimit ?? 0)
        } catch let error as DatabaseError where query.isRaw && error.resultCode == .SQLITE_ERROR {
            throw SearchError.syntax(error.message)
        }
    }

    /// The scopes a search runs in, given the filters: a filter a scope cannot honour leaves that scope out.
    public static func scopes(_ requested: [SearchScope], filters: SearchFilters) -> [SearchScope] {
        requested.filter { scope in
            if filters.season != nil && scope != .collections { return false }
            if filters.hasYearFilter && (scope == .icons || scope == .institutions) { return false }
            if filters.designer != nil && (scope == .designers || scope == .institutions) { return false }
            if (filters.institution != nil || filters.category != nil || filters.objectType != nil) && scope != .objects { return false }
            return true
        }
    }

    /// The best hits, best first, across `scopes`.
    public func search(_ query: SearchQuery, in scopes: [SearchScope], filters: SearchFilters = SearchFilters(),
                       limit: Int = 20, offset: Int = 0, highlight: Highlight = .brackets) throws -> [SearchHit] {
        guard let expression = query.expression, limit > 0 else { return [] }
        let offset = max(0, offset)
        // Any Int may come in: the sum saturates rather than traps (SQLite's LIMIT takes an Int64 anyway).
        let (wanted, overflow) = limit.addingReportingOverflow(offset)
        return try bounded(query) {
            var hits: [SearchHit] = []
            for scope in Searcher.scopes(scopes, filters: filters) {
                hits += try search(expression, in: scope, filters: filters, limit: overflow ? Int.max : wanted, highlight: highlight,
                                   isRaw: query.isRaw, evaluateOnce: query.hasUnindexedPrefix)
            }
            if scopes.count > 1 {
                hits.sort { ($0.score, $1.slug, $1.kind) > ($1.score, $0.slug, $0.kind) }
            }
            return Array(hits.dropFirst(offset).prefix(limit))
        }
    }

    /// How many records match across `scopes`, counting no further than `cap` (the answer is then `cap`).
    public func count(_ query: SearchQuery, in scopes: [SearchScope], filters: SearchFilters = SearchFilters(), upTo cap: Int) throws -> Int {
        guard let expression = query.expression else { return 0 }
        return try bounded(query) {
            var total = 0
            for scope in Searcher.scopes(scopes, filters: filters) where total < cap {
                total += try hitCount(expression, in: scope, filters: filters, upTo: cap - total)
            }
            return total
        }
    }

    private func search(_ expression: String, in scope: SearchScope, filters: SearchFilters, limit: Int,
                        highlight: Highlight, isRaw: Bool, evaluateOnce: Bool) throws -> [SearchHit] {
        guard ranking == .automatic, !isRaw, try matchCount(expression, in: scope, upTo: exactScoringLimit) > exactScoringLimit else {
            return try ranked(expression, in: scope, filters: filters, limit: limit, highlight: highlight,
                              candidates: nil, evaluateOnce: evaluateOnce)
        }
        // Too many matches to score them all quickly. Columns are weighted (title 10, names 5–6, …,
        // description 1), so under exact bm25 a match in a heavier column nearly always ranks above one in
        // a lighter column only: rank the matches column by column, heaviest first, scoring at most
        // `tierScoringLimit` rows each time, until `limit` hits are found. Should the tiers run short (a deep
        // page), exact bm25 over every match fills the rest. Benchmarks/run.py measures how many of the
        // exact top hits this keeps.
        var hits: [SearchHit] = []
        var seen: Set<String> = []
        let tiers: [String?] = zip(scope.columns, scope.weights).sorted { $0.1 > $1.1 }.map { "{\($0.0)} : (\(expression))" }
        for candidates in tiers + [nil] where hits.count < limit {
            // A row found by an earlier tier can come again: ask for enough rows to get `limit` new ones.
            let (wanted, overflow) = limit.addingReportingOverflow(seen.count)
            for hit in try ranked(expression, in: scope, filters: filters, limit: overflow ? Int.max : wanted, highlight: highlight,
                                  candidates: candidates, evaluateOnce: evaluateOnce)
            where hits.count < limit && seen.insert(hit.slug).inserted {
                hits.append(hit)
            }
        }
        return hits
    }

    /// The best `limit` matches by bm25, ties broken by slug, with snippets. Scores are computed in an inner
    /// query that keeps only the best rows, so that snippets are made for those rows alone (a snippet for every
    /// match cost more than the ranking). With `candidates`, only the first `tierScoringLimit` rows matching
    /// that expression are scored, in one pass over the index. Snippets need the query evaluated for each best
    /// row: by rowid, one cheap lookup each, unless `evaluateOnce` (the query costs the same for one row as for
    /// all, see SearchQuery.hasUnindexedPrefix): then in one pass over the rows between the best rows' rowids.
    private func ranked(_ expression: String, in scope: SearchScope, filters: SearchFilters, limit: Int,
                        highlight: Highlight, candidates: String?, evaluateOnce: Bool) throws -> [SearchHit] {
        let (conditions, arguments) = filterSQL(scope, filters)
        let weights = scope.weights.map { String($0) }.joined(separator: ", ")
        let index = scope.index
        // A filter joins the record with CROSS JOIN, which keeps the full-text index the outer loop: with a plain
        // JOIN SQLite may drive from an index of the record's table (0012's objects(institution_id, …)) and
        // evaluate the MATCH once for each of its rows, 40 times slower (FilteredSearchTests).
        let sql = """
            WITH scored AS MATERIALIZED (
                SELECT \(index).rowid AS id, bm25(\(index), \(weights)) AS score
                FROM \(index)\(conditions.isEmpty ? "" : " CROSS JOIN \(scope.rawValue) AS r ON r.id = \(index).rowid")
                WHERE \(index) MATCH ?\(conditions)\(candidates == nil ? "" : " LIMIT \(tierScoringLimit)")
            ),
            top AS MATERIALIZED (SELECT id, score FROM scored ORDER BY score, id LIMIT ?)
            SELECT r.slug, \(titleColumn(scope)), \(scope == .collections ? "r.season" : "NULL"), \(yearColumn(scope)),
                   top.score, snippet(\(index), -1, ?, ?, '…', 16), \(([scope.dateSQL] + scope.details.map(\.sql) + [scope.imageSQL]).joined(separator: ", "))
            \(evaluateOnce ? """
                FROM \(index) CROSS JOIN top CROSS JOIN \(scope.rawValue) AS r
                WHERE \(index) MATCH ? AND \(index).rowid BETWEEN (SELECT min(id) FROM top) AND (SELECT max(id) FROM top)
                  AND top.id = \(index).rowid AND r.id = top.id
                """ : """
                FROM top CROSS JOIN \(index) CROSS JOIN \(scope.rawValue) AS r
                WHERE \(index).rowid = top.id AND \(index) MATCH ? AND r.id = top.id
                """)
            ORDER BY top.score, r.slug
            """
        let rows = try archive.database.cachedStatement(sql)
            .rows([candidates ?? expression] + arguments + [limit, highlight.open, highlight.close, expression])
        var hits: [SearchHit] = []
        while let row = try rows.next() {
            hits.append(SearchHit(
                kind: scope.kind, slug: row.string(at: 0) ?? "", title: row.string(at: 1) ?? "",
                season: row.string(at: 2), year: row.int(at: 3), score: -(row.double(at: 4) ?? 0),
                snippet: row.string(at: 5) ?? "", date: row.string(at: 6),
                details: scope.details.enumerated().compactMap { index, detail in
                    row.string(at: Int32(7 + index)).map { SearchHit.Detail(name: detail.name, value: $0) }
                }, image: row.string(at: Int32(7 + scope.details.count))))
        }
        return hits
    }

    /// How many rows match, counting no further than `cap + 1`: cheap, as it reads the index without scoring.
    func matchCount(_ expression: String, in scope: SearchScope, upTo cap: Int) throws -> Int {
        let count: Int64? = try archive.database.fetchOne(
            "SELECT count(*) FROM (SELECT 1 FROM \(scope.index) WHERE \(scope.index) MATCH ? LIMIT ?)", [expression, cap + 1])
        return Int(count ?? 0)
    }

    private func titleColumn(_ scope: SearchScope) -> String { scope == .collections || scope == .objects ? "r.title" : "r.name" }

    func yearColumn(_ scope: SearchScope) -> String {
        switch scope {
        case .collections: "r.year"
        case .shoes: "r.year_introduced"
        case .designers: "coalesce(r.founded, r.active_from, r.born)"
        case .objects, .trends: "r.earliest_year"
        case .icons, .institutions: "NULL"
        }
    }

    func designerLink(_ scope: SearchScope) -> (table: String, column: String)? {
        switch scope {
        case .collections: ("collection_designers", "collection_id")
        case .shoes: ("shoe_designers", "shoe_id")
        case .icons: ("icon_designers", "icon_id")
        case .objects: ("object_makers", "object_id")
        case .trends: ("trend_designers", "trend_id")
        case .designers, .institutions: nil
        }
    }

    /// The filter conditions for a scope, as SQL with placeholders and their arguments.
    func filterSQL(_ scope: SearchScope, _ filters: SearchFilters) -> (String, [any DatabaseValueConvertible]) {
        var sql = ""
        var arguments: [any DatabaseValueConvertible] = []
        if let designer = filters.designer, let link = designerLink(scope) {
            sql += " AND r.id IN (SELECT l.\(link.column) FROM \(link.table) AS l JOIN designers AS d ON d.id = l.designer_id WHERE d.slug = ?)"
            arguments.append(designer)
        }
        if let season = filters.season, scope == .collections {
            sql += " AND r.season = ?"
            arguments.append(season.rawValue)
        }
        if scope == .objects {
            if let institution = filters.institution {
                sql += " AND r.institution_id = (SELECT id FROM institutions WHERE slug = ?)"
                arguments.append(institution)
            }
            if let category = filters.category {
                sql += " AND r.category = ?"
                arguments.append(category.rawValue)
            }
            if let type = filters.objectType {
                sql += " AND r.object_type = ? COLLATE NOCASE"
                arguments.append(type)
            }
        }
        if scope == .objects || scope == .trends {
            // A dated span matches a year range it overlaps.
            if let year = filters.year { sql += " AND r.earliest_year <= ? AND coalesce(r.latest_year, r.earliest_year) >= ?"; arguments += [year, year] }
            if let from = filters.from { sql += " AND coalesce(r.latest_year, r.earliest_year) >= ?"; arguments.append(from) }
            if let to = filters.to { sql += " AND r.earliest_year <= ?"; arguments.append(to) }
        } else if scope != .icons && scope != .institutions {
            if let year = filters.year { sql += " AND \(yearColumn(scope)) = ?"; arguments.append(year) }
            if let from = filters.from { sql += " AND \(yearColumn(scope)) >= ?"; arguments.append(from) }
            if let to = filters.to { sql += " AND \(yearColumn(scope)) <= ?"; arguments.append(to) }
        }
        return (sql, arguments)
    }
}
