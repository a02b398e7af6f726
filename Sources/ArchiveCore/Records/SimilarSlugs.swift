// `archive show repeto-zizi` (a typo): the slugs nearest to the one typed, so that the message can say
// "did you mean repetto-zizi". The candidates are bounded whatever the archive's size: slugs that share the
// first two characters (a range of the slug index) and records whose text holds the slug's words (the search
// indexes), a few thousand at most, then ranked by edit distance.
import ArchiveStorage

extension RecordDetails {
    public struct SimilarSlug: Sendable, Equatable {
        public let table: String
        public let slug: String
    }

    /// Up to `count` slugs within a typo's reach of `slug`, nearest first.
    public static func similarSlugs(to slug: String, in table: String? = nil, archive: Archive, count: Int = 3) throws -> [SimilarSlug] {
        var candidates: [SimilarSlug] = []
        let prefix = String(slug.lowercased().prefix(2))
        for record in Tables.records where table == nil || record.name == table {
            let statement = try archive.database.cachedStatement(
                "SELECT slug FROM \(record.name) WHERE slug >= ? AND slug < ? ORDER BY slug LIMIT 2000")
            try statement.bind([prefix, prefix + "\u{7F}"])
            while let row = try statement.next() { candidates.append(SimilarSlug(table: record.name, slug: row.string(at: 0) ?? "")) }
        }
        let words = slug.split(separator: "-").filter { $0.count >= 3 }.map(String.init)
        if !words.isEmpty, let query = try? SearchQuery(match: words.map(SearchQuery.quoted).joined(separator: " OR ")) {
            var searcher = Searcher(archive: archive)
            searcher.timeLimit = 0.2 // a hint, not worth waiting for
            let scopes = SearchScope.allCases.filter { table == nil || $0.rawValue == table }
            let hits = (try? searcher.search(query, in: scopes, limit: 200)) ?? []
            for hit in hits {
                guard let scope = SearchScope.allCases.first(where: { $0.kind == hit.kind }) else { continue }
                candidates.append(SimilarSlug(table: scope.rawValue, slug: hit.slug))
            }
        }
        let names = candidates.map(\.slug)
        return NearestName.nearest(to: slug, among: names, count: count * 4)
            .compactMap { name in candidates.first { $0.slug == name } }
            .reduce(into: [SimilarSlug]()) { if !$0.contains($1) { $0.append($1) } }
            .prefix(count).map { $0 }
    }
}
