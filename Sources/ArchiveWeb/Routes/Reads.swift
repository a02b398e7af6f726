// What the routes read, each on a borrowed connection in one snapshot: a search with its total and facets, a
// record, a page of a table, the timeline. Pages and the API read the same way; views only render.
import ArchiveCore

struct SearchResult: Sendable {
    let hits: [SearchHit]
    /// Counted up to `SearchRequest.countCap + 1`.
    let total: Int
    let facets: FacetCounts
    /// The names of the records the filters name by slug ("designer" → "Celine"), for the page's filter chips.
    var filterNames: [String: String] = [:]
    /// The hits of each kind searched, each counted up to `SearchRequest.countCap + 1`: a download per kind.
    var kinds: [(scope: SearchScope, count: Int)] = []
}

enum Reads {
    static func search(_ search: SearchRequest?, pool: ReadPool, facets: Bool = true) throws -> SearchResult? {
        guard let search else { return nil }
        let query = search.query, scopes = search.scopes
        return try pool.read { archive in
            var searcher = Searcher(archive: archive)
            // A search answers within its own budget (as `archive search` does), the pool's limit bounding the rest.
            searcher.timeLimit = min(Searcher.defaultTimeLimit, pool.timeLimit)
            let hits = try searcher.search(query, in: scopes, filters: search.filters, limit: search.limit, offset: search.offset, highlight: .segments)
            let kinds = try searcher.counts(query, in: scopes, filters: search.filters, upTo: SearchRequest.countCap + 1)
            let total = kinds.reduce(0) { $0 + $1.count }
            // Facets for any number of hits, at a bounded cost: estimated from a sample past a few hundred.
            let counts = facets ? try searcher.facets(query, in: scopes, filters: search.filters, counting: .page,
                                                      hits: total > SearchRequest.countCap ? nil : total) : .none
            return SearchResult(hits: hits, total: total, facets: counts, filterNames: try search.filters.recordNames(in: archive),
                                kinds: kinds)
        }
    }

    /// Links of each relation a page shows, at most; the rest are a link away (a browse of the relation).
    static let linksPerRelation = 50

    static func record(_ table: String, _ slug: String, pool: ReadPool) throws -> RecordDetails {
        try check(table, slug)
        let found = try pool.read { try RecordDetails.find(slug, in: table, linksPerRelation: linksPerRelation, archive: $0) }
        guard let record = found.first else { throw Reply.Failure.notFound("no \(Names.singular(table)) has the slug “\(slug)”") }
        return record
    }

    /// A 404 for an address that cannot name a record.
    static func check(_ table: String, _ slug: String) throws {
        guard Names.isRecordTable(table) else { throw Reply.Failure.notFound("there is no record table “\(table)”") }
        guard slug.utf8.count <= 200 else { throw Reply.Failure.notFound("no \(Names.singular(table)) has that slug") }
    }

    static func browse(_ browse: TableRequest, pool: ReadPool) throws -> TablePage {
        try pool.read { try TablePage.load(browse, archive: $0) }
    }

    static func timeline(_ timeline: TimelineRequest, pool: ReadPool) throws -> [TimelineEvent] {
        try pool.read { try Timeline.events(timeline, archive: $0) }
    }

    /// A page of the timeline as the page shows it: without years or a record asked for, the densest century;
    /// the index of centuries (and of the window's decades); the titles of the sources its facts cite.
    static func timelinePage(_ asked: TimelineRequest, pool: ReadPool) throws -> TimelinePage.Content {
        try pool.read { archive in
            var timeline = asked
            var index: TimelineIndex?
            var decades: [TimelineIndex.Period] = []
            if asked.around == nil {
                let loaded = try TimelineIndex.load(archive)
                index = loaded
                if asked.from == nil && asked.to == nil, let densest = loaded.densest { timeline = asked.with(from: densest.start, to: densest.end, offset: asked.offset) }
                if let from = timeline.from, let to = timeline.to, to - from <= 200 { decades = try TimelineIndex.decades(from: from, to: to, archive) }
            }
            let events = try Timeline.events(timeline, archive: archive)
            var sources: [String: String] = [:]
            let cited = Set(events.compactMap(\.source))
            if !cited.isEmpty {
                let statement = try archive.database.prepare("SELECT slug, title FROM sources WHERE slug IN (SELECT value FROM json_each(?))")
                try statement.bind(["[" + cited.sorted().map(JSONText.quoted).joined(separator: ",") + "]"])
                while let row = try statement.next() { if let slug = row.string(at: 0) { sources[slug] = row.string(at: 1) } }
            }
            return TimelinePage.Content(timeline: timeline, events: events, index: index, decades: decades, sourceTitles: sources)
        }
    }
}
