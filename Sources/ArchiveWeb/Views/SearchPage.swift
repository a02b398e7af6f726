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
                                institution: try parameters.text("institution", limit: 200), category: category.flatMap(ObjectCategory.init(rawValue:)),
                                objectType: try parameters.text("type", limit: 200))
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
                                          ("type", filters.objectType), ("limit", limit == 20 ? nil : String(limit)), ("page", page.flatMap { $0 == 1 ? nil : String($0) })]
        for (name, value) in changes {
            if let index = list.firstIndex(where: { $0.0 == name }) { list[index].1 = value } else { list.append((name, value)) }
        }
        return list
    }
}

enum SearchPage {
    static let scopeNames = SearchScope.allCases.map(\.rawValue)
    static let countCap = SearchRequest.countCap

    static func render(_ search: SearchAddress, _ result: SearchResult?) -> String {
        guard let result else {
            return Layout.page(title: "Search", section: .search) {
                Node.element("h1") { "Search" }
                Components.searchForm(query: search.text ?? "", scope: search.scope, kept: keptParameters(search))
                Node.element("p", [.class("lede")]) {
                    "Words find records whose names, descriptions, keywords or makers hold them; "
                    Node.element("code") { "balle*" }
                    " finds words that start so; \"ballet flat\" in quotes, the phrase."
                }
            }
        }
        let text = search.text ?? ""
        let totalText = result.total > countCap ? "more than \(countCap.formatted)" : result.total.formatted
        let first = search.offset + 1, last = search.offset + result.hits.count
        return Layout.page(title: "“\(text)”", section: .search) {
            Node.element("h1") { "Search" }
            Components.searchForm(query: text, scope: search.scope, kept: keptParameters(search))
            filterChips(search, names: result.filterNames)
            Node.element("div", [.class("layout")]) {
                FacetPanel.render(search, result.facets)
                Node.element("section", [Attribute("aria-labelledby", "results")]) {
                    Node.element("h2", [.id("results")]) {
                        result.hits.isEmpty ? "No records match “\(text)”" : "\(first.formatted)–\(last.formatted) of \(totalText) for “\(text)”"
                    }
                    Node.element("ol", [.class("hits"), Attribute("start", String(first))]) {
                        for hit in result.hits { self.hit(hit) }
                    }
                    pager(search, total: result.total, shown: result.hits.count)
                    downloads(search, result)
                }
            }
        }
    }


    private static func pager(_ search: SearchAddress, total: Int, shown: Int) -> Node {
        let hasNext = search.offset + shown < min(total, SearchRequest.maximumOffset + search.limit) && shown == search.limit
        return Components.pager(previous: search.page > 1 ? Query.link("/search", search.parameters(page: search.page - 1)) : nil,
                                next: hasNext ? Query.link("/search", search.parameters(page: search.page + 1)) : nil)
    }
}
