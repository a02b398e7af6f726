// Counting a search's facets at a cost that does not grow with its hits. Reading a hit's record and designers
// costs 5–10 µs at 1M collections; reading a match in the index alone, 33 ns. So: up to `exactLimit` hits, every
// hit is read. Up to `scanLimit` matches, one pass over the index keeps one hit in k (by a hash of its rowid) and
// reads those. Beyond (a word in most records: 735,000 matches take 24 ms to pass over), the rowids are cut into
// `windows` stretches and the first few hits of each are read, each standing for its stretch's hits in the
// proportion of rowids it covered. Either way the sample is spread over the whole archive — the first hits in
// rowid order would be the first museum file imported — and its estimates say "about"; when the page knows how
// many hits there are, they are scaled to add up to it. Stretches are read in an order that spreads them at every
// step, so that a time budget spent early still leaves a spread sample.
import ArchiveStorage

extension Searcher {
    /// Counts of the hits by institution, category, object type, maker or designer and period.
    /// `hits`: how many hits the search has, when known (a page counts them): up to `exactLimit`, every one is read.
    public func facets(_ query: SearchQuery, in scopes: [SearchScope], filters: SearchFilters = SearchFilters(),
                       counting: FacetCounting = .exact, hits: Int? = nil) throws -> FacetCounts {
        guard let expression = query.expression else { return .none }
        return try bounded(query) {
            let deadline = counting.timeBudget.map { ContinuousClock.now + .milliseconds(Int($0 * 1_000)) }
            var counted = FacetTally(), estimated = FacetTally()
            for scope in Searcher.scopes(scopes, filters: filters) {
                try countFacets(expression, in: scope, filters: filters, counting: counting, hits: hits, evaluateOnce: query.hasUnindexedPrefix,
                                deadline: deadline, into: &counted, estimating: &estimated)
            }
            // Estimates add up to the hits the counted ones leave, when the number of hits is known.
            let left = hits.map { Double($0) - counted.hits.weight } ?? estimated.hits.weight
            if estimated.read > 0 {
                counted.add(estimated, times: estimated.hits.weight > 0 && left > 0 ? left / estimated.hits.weight : 1)
                counted.accuracy.lower(to: .about)
            }
            return try counted.counts(filters: filters, valuesPerFacet: counting.valuesPerFacet, database: archive.database)
        }
    }

    private func countFacets(_ expression: String, in scope: SearchScope, filters: SearchFilters, counting: FacetCounting, hits known: Int?,
                             evaluateOnce: Bool, deadline: ContinuousClock.Instant?, into tally: inout FacetTally,
                             estimating estimated: inout FacetTally) throws {
        guard let columns = facetColumns(scope) else { return }
        let db = archive.database
        guard let first: Int64 = try db.fetchOne("SELECT min(id) FROM \(scope.rawValue)"),
              let last: Int64 = try db.fetchOne("SELECT max(id) FROM \(scope.rawValue)") else { return }
        let counting = counting.forIndex(of: last - first + 1)
        let (conditions, arguments) = filterSQL(scope, filters)
        let index = scope.index
        let years = filters.year.map { $0...$0 } ?? ((filters.from ?? Years.range.lowerBound)...(filters.to ?? Years.range.upperBound))
        // The hits of rowids `start...end`, the first `limit` of them (nil: all), or one in `every` of them: those
        // whose rowid's hash is a multiple of it (Knuth's multiplicative hash, its high bits: the low bits of the
        // product follow the rowid's own, and every fourth record of a file would never be drawn).
        func hits(_ start: Int64, _ end: Int64, limit: Int?, every: Int? = nil, _ body: (CountedHit) -> Void) throws {
            let sample = every == nil ? "" : " AND (((\(index).rowid * 2654435761) & 4294967295) >> 16) % ? = 0"
            let sql = """
                SELECT \(index).rowid, \(columns.joined(separator: ", "))
                FROM \(index) CROSS JOIN \(scope.rawValue) AS r ON r.id = \(index).rowid
                WHERE \(index) MATCH ? AND \(index).rowid BETWEEN ? AND ?\(sample)\(conditions)
                ORDER BY \(index).rowid LIMIT ?
                """
            let rows = try db.cachedStatement(sql).rows([expression, start, end] + (every.map { [$0] } ?? []) + arguments + [limit ?? -1])
            while let row = try rows.next() { body(CountedHit(row, years: years)) }
        }

        // Matches in the index (read from it alone, without filters: at least the hits) when the hits are not known.
        let matches = try known ?? (counting.exactLimit == .max ? 0 : matchCount(expression, in: scope, upTo: counting.scanLimit))
        if matches <= counting.exactLimit {
            // Every hit, in a few stretches when there are many, so that the time budget can stop between them.
            let stretches = matches <= 256 || evaluateOnce ? 1 : min(counting.windows, matches / 256 + 1)
            let span = last - first + 1
            for stretch in 0..<Int64(stretches) {
                if stretch > 0, let deadline, ContinuousClock.now >= deadline {
                    tally.accuracy.lower(to: .atLeast)
                    return
                }
                try hits(first + span * stretch / Int64(stretches), first + span * (stretch + 1) / Int64(stretches) - 1, limit: nil) {
                    tally.add($0, weight: 1)
                }
            }
            return
        }
        if matches <= counting.scanLimit || evaluateOnce {
            // One pass over the matches (about 33 ns each, reading the index alone) keeping one in `every`: the
            // sample is spread over every hit. A query that costs the same for one stretch as for all
            // (SearchQuery.hasUnindexedPrefix) is sampled so however many matches it has.
            let many = matches <= counting.scanLimit ? matches : try matchCount(expression, in: scope, upTo: 1_000_000)
            let every = max(1, many / max(1, counting.sampleSize))
            try hits(first, last, limit: nil, every: every) { hit in
                if every > 1 { estimated.add(hit, weight: Double(every)) } else { tally.add(hit, weight: 1) }
            }
            return
        }
        // Too many matches to pass over (a word in most records): the first few hits of each of `windows` stretches.
        let windows = Int64(max(1, min(counting.windows, Int((last - first + 1) / 16))))
        let perWindow = max(1, (counting.sampleSize + Int(windows) - 1) / Int(windows))
        var sample = FacetTally(), whole = FacetTally(), done: Int64 = 0
        for window in Self.spreadOrder(windows) {
            if done > 0, let deadline, ContinuousClock.now >= deadline { break }
            let start = first + (last - first + 1) * window / windows, end = first + (last - first + 1) * (window + 1) / windows - 1
            var read: [CountedHit] = []
            try hits(start, end, limit: perWindow + 1) { read.append($0) }
            done += 1
            guard read.count > perWindow else {
                for hit in read { whole.add(hit, weight: 1) }  // every hit of the stretch
                continue
            }
            // The first hits stand for the stretch in the proportion of the rowids before the next hit (counting to
            // the last one read would overestimate: the stretch read always ends on a hit).
            let covered = read[perWindow].rowid - start
            for hit in read.prefix(perWindow) { sample.add(hit, weight: Double(end - start + 1) / Double(covered)) }
        }
        guard done < windows || sample.read > 0 else {
            tally.add(whole, times: 1)  // every stretch read whole: every hit counted
            return
        }
        sample.add(whole, times: 1)
        estimated.add(sample, times: Double(windows) / Double(done))
    }

    /// 0..<count in an order whose every beginning is spread over the whole range (0, 32, 16, 48, 8, …: the bits of
    /// the positions reversed, for the power of two above `count`).
    static func spreadOrder(_ count: Int64) -> [Int64] {
        var bits = 0
        while (Int64(1) << bits) < count { bits += 1 }
        return (0..<(Int64(1) << bits)).map { position in
            (0..<bits).reduce(Int64(0)) { reversed, bit in reversed | (((position >> bit) & 1) << (bits - 1 - bit)) }
        }.filter { $0 < count }
    }

    /// What a hit of `scope` is counted by, as SQL over its record `r`, in `CountedHit`'s order: its first and last
    /// year, institution, category, object type and designers' ids (comma-separated); nil for a kind with none.
    private func facetColumns(_ scope: SearchScope) -> [String]? {
        let years = switch scope {
        case .objects, .trends: ["r.earliest_year", "coalesce(r.latest_year, r.earliest_year)"]
        case .icons, .institutions: ["NULL", "NULL"]
        default: [yearColumn(scope), yearColumn(scope)]
        }
        let objects = scope == .objects
        let designers = designerLink(scope).map { "(SELECT group_concat(designer_id) FROM \($0.table) WHERE \($0.column) = r.id)" }
        guard designers != nil || years[0] != "NULL" else { return nil }
        return years + (objects ? ["r.institution_id", "r.category", "r.object_type"] : ["NULL", "NULL", "NULL"]) + [designers ?? "NULL"]
    }
}

/// One hit as facets count it.
struct CountedHit {
    let rowid: Int64
    /// Its years within the search's own (a span counts in every period it overlaps, as a year filter finds it).
    let years: ClosedRange<Int>?
    let institution: Int64?
    let category: String?
    /// In lower case (ASCII letters, as the type filter compares them): museums write "Dress" and "dress".
    let type: String?
    let designers: Set<Int64>

    init(_ row: Row, years bounds: ClosedRange<Int>) {
        rowid = row.int64(at: 0) ?? 0
        if let first = row.int(at: 1), let last = row.int(at: 2), max(first, bounds.lowerBound) <= min(last, bounds.upperBound) {
            years = max(first, bounds.lowerBound)...min(last, bounds.upperBound)
        } else {
            years = nil
        }
        institution = row.int64(at: 3)
        category = row.string(at: 4)
        type = row.string(at: 5).map(FacetLabel.folded)
        designers = Set((row.string(at: 6) ?? "").split(separator: ",").compactMap { Int64($0) })
    }
}

extension FacetAccuracy {
    /// Lowers to `other` when it says less: exact, then at least, then about.
    mutating func lower(to other: FacetAccuracy) {
        let order: [FacetAccuracy] = [.exact, .atLeast, .about]
        if order.firstIndex(of: other)! > order.firstIndex(of: self)! { self = other }
    }
}
