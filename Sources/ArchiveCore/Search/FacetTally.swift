// Hits counted for facets, each with the number of hits it stands for (1, or a sampled hit's share of its
// stretch), and how many were read for each value: an estimate resting on fewer than three sampled hits is not
// shown (with 100,000 designers, a sample of 500 hits meets most of them once, and "≈ 1,400" would be a guess).
import ArchiveStorage

struct FacetTally {
    /// A value's hits: what they stand for, and how many were read.
    struct Count {
        var weight = 0.0
        var read = 0

        static func + (a: Count, b: Count) -> Count { Count(weight: a.weight + b.weight, read: a.read + b.read) }
    }

    var institutions: [Int64: Count] = [:]
    var categories: [String: Count] = [:]
    var types: [String: Count] = [:]
    var designers: [Int64: Count] = [:]
    var spans: [ClosedRange<Int>: Count] = [:]
    var hits = Count()
    var accuracy = FacetAccuracy.exact
    var read: Int { hits.read }

    /// Sampled hits an estimated value must rest on to be shown.
    static let minimumSampled = 3

    mutating func add(_ hit: CountedHit, weight: Double) {
        let one = Count(weight: weight, read: 1)
        hits = hits + one
        if let institution = hit.institution { institutions[institution, default: Count()] = institutions[institution, default: Count()] + one }
        if let category = hit.category { categories[category, default: Count()] = categories[category, default: Count()] + one }
        if let type = hit.type { types[type, default: Count()] = types[type, default: Count()] + one }
        for designer in hit.designers { designers[designer, default: Count()] = designers[designer, default: Count()] + one }
        if let years = hit.years { spans[years, default: Count()] = spans[years, default: Count()] + one }
    }

    /// Another tally's counts, each weight multiplied by `factor` (a sample stands for all the hits).
    mutating func add(_ other: FacetTally, times factor: Double) {
        func scaled<Key>(_ counts: [Key: Count]) -> [Key: Count] { counts.mapValues { Count(weight: $0.weight * factor, read: $0.read) } }
        hits = hits + Count(weight: other.hits.weight * factor, read: other.hits.read)
        institutions.merge(scaled(other.institutions), uniquingKeysWith: +)
        categories.merge(scaled(other.categories), uniquingKeysWith: +)
        types.merge(scaled(other.types), uniquingKeysWith: +)
        designers.merge(scaled(other.designers), uniquingKeysWith: +)
        spans.merge(scaled(other.spans), uniquingKeysWith: +)
    }

    private func count(_ weight: Double) -> Int {
        switch accuracy {
        case .exact: Int(weight.rounded())
        case .about: FacetLabel.rounded(weight)
        case .atLeast: Int(weight.rounded(.down))
        }
    }

    /// Whether a value is shown: counted, or estimated from enough sampled hits.
    private func shown(_ count: Count) -> Bool { accuracy != .about || count.read >= Self.minimumSampled || count.weight == Double(count.read) }

    /// The counts, labelled: records by name (looked up for the values kept only), periods from the span of the
    /// hits' years. A kind the search is already filtered by is left out (it has one value), as is its designer.
    func counts(filters: SearchFilters, valuesPerFacet: Int, database db: Database) throws -> FacetCounts {
        var facets: [Facet] = []
        func keep<Key: Comparable>(_ kind: FacetKind, _ counts: [Key: Count], label: ([Key]) throws -> [Key: (String, String)]) rethrows {
            let top = counts.filter { shown($0.value) }
                .sorted { $0.value.weight != $1.value.weight ? $0.value.weight > $1.value.weight : $0.key < $1.key }.prefix(valuesPerFacet)
            let labels = try label(top.map(\.key))
            facets += top.compactMap { key, value in
                labels[key].map { Facet(facet: kind, value: $0.0, label: $0.1, count: count(value.weight), accuracy: accuracy) }
            }.sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        }
        if filters.institution == nil {
            try keep(.institution, institutions) { try Self.records("institutions", $0, db) }
        }
        if filters.category == nil {
            keep(.category, categories) { keys in
                Dictionary(uniqueKeysWithValues: keys.map { ($0, ($0, ObjectCategory(rawValue: $0)?.label ?? FacetLabel.sentence($0))) })
            }
        }
        if filters.objectType == nil {
            keep(.type, types) { keys in Dictionary(uniqueKeysWithValues: keys.map { ($0, ($0, FacetLabel.sentence($0))) }) }
        }
        var designers = self.designers
        if let designer = filters.designer, let id: Int64 = try db.fetchOne("SELECT id FROM designers WHERE slug = ?", [designer]) {
            designers[id] = nil
        }
        try keep(.designer, designers) { try Self.records("designers", $0, db) }
        facets += periods()
        return FacetCounts(facets: facets, accuracy: accuracy, hits: count(hits.weight), hitsRead: read)
    }

    /// Every period the hits' years fall in, in time order; their length from the span of those years.
    private func periods() -> [Facet] {
        guard let first = spans.keys.map(\.lowerBound).min(), let last = spans.keys.map(\.upperBound).max() else { return [] }
        let periods = Periods(spanning: first, last)
        var counts: [Int: Count] = [:]
        for (span, count) in spans {
            for start in periods.starts(from: span.lowerBound, to: span.upperBound) { counts[start, default: Count()] = counts[start, default: Count()] + count }
        }
        return counts.filter { shown($0.value) }.sorted { $0.key < $1.key }.map { start, value in
            let years = start...(start + periods.length - 1)
            return Facet(facet: .period, value: "\(years.lowerBound)/\(years.upperBound)", label: periods.label(start: start),
                         count: count(value.weight), accuracy: accuracy, years: years)
        }
    }

    /// The slug and name of each record of `table` among `ids`.
    private static func records(_ table: String, _ ids: [Int64], _ db: Database) throws -> [Int64: (String, String)] {
        guard !ids.isEmpty else { return [:] }
        let rows = try db.cachedStatement("SELECT id, slug, name FROM \(table) WHERE id IN (SELECT value FROM json_each(?))")
            .rows(["[" + ids.map(String.init).joined(separator: ",") + "]"])
        var found: [Int64: (String, String)] = [:]
        while let row = try rows.next() {
            if let id = row.int64(at: 0), let slug = row.string(at: 1) { found[id] = (slug, row.string(at: 2) ?? slug) }
        }
        return found
    }
}
