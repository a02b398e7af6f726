// /search and /api/search: a search across every record type (or one), ranked by bm25 with the matching passage,
// filters, facets as links and paging with the total.
import ArchiveCore
import Hummingbird

/// A search as its address asks for it: the words (none for the empty search page), the scope and filters as
/// given, which page; checked into the library's SearchRequest.
struct SearchAddress: Sendable {
    let text: String?
    let scope: String
    let filters: SearchFilters
    let page: Int
    let limit: Int
    var offset: Int { (page - 1) * limit }
    /// The checked search; nil when there are no words.
    let request: SearchRequest?

    static let pageLimit = 100
    static let maximumPage = 500

    /// `maximumLimit`: hits a page may hold (a download may ask for more than a page shows).
    init(_ request: Request, maximumLimit: Int = SearchAddress.pageLimit) throws {
        let parameters = Parameters(request)
        text = try parameters.text("q", limit: SearchQuery.maximumRawLength)
        scope = try parameters.choice("in", among: ["all"] + SearchPage.scopeNames) ?? "all"
        let season = try parameters.choice("season", among: FashionCollection.Season.allCases.map(\.rawValue))
        let category = try parameters.choice("category", among: ObjectCategory.allCases.map(\.rawValue))
        let years = Years.range
        filters = SearchFilters(designer: try parameters.text("designer", limit: 200), season: season.flatMap(FashionCollection.Season.init(rawValue:)),
                                year: nil, from: try parameters.integer("from", in: years), to: try parameters.integer("to", in: years),
                                institution: try parameters.text("institution", limit: 200), category: category.flatMap(ObjectCategory.init(rawValue:)))
        limit = try parameters.integer("limit", in: 1...maximumLimit) ?? 20
        page = try parameters.integer("page", in: 1...Self.maximumPage) ?? 1
        let offset = (page - 1) * limit
        guard offset <= SearchRequest.maximumOffset || maximumLimit > Self.pageLimit else {
            throw Reply.Failure.badRequest("a search pages up to \(SearchRequest.maximumOffset) hits; narrow it with filters")
        }
        if let text {
            self.request = try SearchRequest(try SearchQuery(text), in: Self.scopes(scope), scopeName: scope, filters: filters, limit: limit,
                                             offset: min(offset, SearchRequest.maximumOffset))
        } else {
            self.request = nil
        }
    }

    static func scopes(_ name: String) -> [SearchScope] {
        name == "all" ? SearchScope.allCases : SearchScope.allCases.filter { $0.rawValue == name }
    }

    /// The parameters of this search other than the page, for links.
    func parameters(page: Int? = nil, overriding changes: [(String, String?)] = []) -> [(String, String?)] {
        var list: [(String, String?)] = [("q", text), ("in", scope == "all" ? nil : scope), ("designer", filters.designer),
                                          ("season", filters.season?.rawValue), ("from", filters.from.map(String.init)), ("to", filters.to.map(String.init)),
                                          ("institution", filters.institution), ("category", filters.category?.rawValue),
                                          ("limit", limit == 20 ? nil : String(limit)), ("page", page.flatMap { $0 == 1 ? nil : String($0) })]
        for (name, value) in changes {
            if let index = list.firstIndex(where: { $0.0 == name }) { list[index].1 = value } else { list.append((name, value)) }
        }
        return list
    }
}

struct SearchResult: Sendable {
    let hits: [SearchHit]
    /// Counted up to `SearchRequest.countCap + 1`.
    let total: Int
    let facets: [Facet]
}

enum SearchPage {
    static let scopeNames = SearchScope.allCases.map(\.rawValue)
    static let countCap = SearchRequest.countCap
    /// Facets are counted for searches with at most this many hits.
    static let facetCap = 5_000

    static func run(_ search: SearchRequest?, pool: ReadPool, facets: Bool = true) throws -> SearchResult? {
        guard let search else { return nil }
        let query = search.query, scopes = search.scopes
        return try pool.read { archive in
            var searcher = Searcher(archive: archive)
            // A search answers within its own budget (as `archive search` does), the pool's limit bounding the rest.
            searcher.timeLimit = min(Searcher.defaultTimeLimit, pool.timeLimit)
            let hits = try searcher.search(query, in: scopes, filters: search.filters, limit: search.limit, offset: search.offset, highlight: .segments)
            let total = try searcher.count(query, in: scopes, filters: search.filters, upTo: countCap + 1)
            // Facets count every hit: past the cap that is most of the time a page may take, so they wait
            // for a narrower search (the page says so).
            let counts = facets && total <= facetCap ? try searcher.facets(query, in: scopes, filters: search.filters) : []
            return SearchResult(hits: hits, total: total, facets: counts)
        }
    }

    static func render(_ search: SearchAddress, _ result: SearchResult?) -> String {
        var body = "<h1>Search</h1>" + Layout.searchForm(query: search.text ?? "", scope: search.scope, autofocus: search.text == nil)
        guard let result else {
            body += "<p class=\"lede\">Words find records whose names, descriptions, keywords or makers hold them; <code>balle*</code> finds words that start so; \"ballet flat\" in quotes, the phrase.</p>"
            return Layout.page(title: "Search", section: .search, body: body)
        }
        let text = search.text ?? ""
        let totalText = result.total > countCap ? "more than \(countCap)" : String(result.total)
        let first = search.offset + 1, last = search.offset + result.hits.count
        body += "<div class=\"layout\"><section aria-labelledby=\"results\">"
        body += "<h2 id=\"results\">" + (result.hits.isEmpty
            ? "No records match “\(HTML.escape(text))”"
            : "\(first)–\(last) of \(totalText) for “\(HTML.escape(text))”") + "</h2>"
        body += "<ol class=\"hits\" start=\"\(first)\">"
        for hit in result.hits {
            let when = [hit.season, hit.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            body += "<li><span class=\"kind\">\(HTML.escape(Names.singular(hit.kind)))</span>"
                + "<a class=\"hit-title\" href=\"\(HTML.escape(Names.recordPath(Names.table(ofKind: hit.kind), hit.slug)))\">\(HTML.escape(hit.title))</a>"
                + (when.isEmpty ? "" : " <span class=\"muted\">\(HTML.escape(when))</span>")
                + "<p class=\"passage\">" + passage(hit) + "</p></li>"
        }
        body += "</ol>"
        body += pager(search, total: result.total, shown: result.hits.count)
        let downloads = ["csv", "json", "ndjson"].map { format in
            "<a href=\"\(HTML.escape(Query.link("/api/search", search.parameters(overriding: [("format", format), ("limit", "1000"), ("page", nil)]))))\">\(format.uppercased())</a>"
        }.joined(separator: " · ")
        body += "<p class=\"downloads\">Download the first 1,000 hits: \(downloads) · <a href=\"\(HTML.escape(Query.link("/api/search", search.parameters(page: search.page))))\">this page as JSON</a></p>"
        let narrower = result.total > facetCap
            ? "<aside class=\"facets\" aria-label=\"Narrow the search\"><p class=\"muted\">Counts by designer and year appear for searches with at most \(facetCap) hits: add a word or a filter.</p></aside>"
            : facetList(search, result.facets)
        body += "</section>" + narrower + "</div>"
        return Layout.page(title: "“\(text)”", section: .search, body: body)
    }

    /// The snippet with its matched terms marked, every part escaped.
    static func passage(_ hit: SearchHit) -> String {
        hit.segments.map { $0.isMatch ? "<mark>\(HTML.escape($0.text))</mark>" : HTML.escape($0.text) }.joined()
    }

    private static func pager(_ search: SearchAddress, total: Int, shown: Int) -> String {
        var links: [String] = []
        if search.page > 1 {
            links.append("<a rel=\"prev\" href=\"\(HTML.escape(Query.link("/search", search.parameters(page: search.page - 1))))\">← Previous</a>")
        }
        if search.offset + shown < min(total, SearchRequest.maximumOffset + search.limit), shown == search.limit {
            links.append("<a rel=\"next\" href=\"\(HTML.escape(Query.link("/search", search.parameters(page: search.page + 1))))\">Next →</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pager\" aria-label=\"Pages\">" + links.joined() + "</nav>"
    }

    private static func facetList(_ search: SearchAddress, _ facets: [Facet]) -> String {
        guard !facets.isEmpty else { return "" }
        var html = "<aside class=\"facets\" aria-label=\"Narrow the search\">"
        for name in ["designer", "year"] {
            let values = facets.filter { $0.facet == name && $0.value != nil }.prefix(12)
            guard !values.isEmpty else { continue }
            html += "<section><h2>By \(name)</h2><ul>"
            for facet in values {
                let value = facet.value ?? ""
                let changes: [(String, String?)] = name == "designer" ? [("designer", value)] : [("from", value), ("to", value)]
                html += "<li><a href=\"\(HTML.escape(Query.link("/search", search.parameters(overriding: changes + [("page", nil)]))))\">\(HTML.escape(value))</a>"
                    + "<span class=\"count\">\(facet.count)</span></li>"
            }
            html += "</ul></section>"
        }
        return html + "</aside>"
    }
}
