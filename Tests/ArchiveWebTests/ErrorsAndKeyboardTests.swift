// Error pages and keyboard use through the router: an error page marks no menu item as current, keeps a search's
// words in the box and writes its message as a sentence; no page autofocuses the search box (the skip link is the
// first Tab stop); a record page cites its relations' sources once per group, not once per link. (Tab counts in a
// real browser: KeyboardBrowserTests.)
import Foundation
import Hummingbird
import Testing

@Suite struct ErrorsAndKeyboardTests {
    let web: WebFixture

    init() throws { web = try WebFixture() }

    @Test(arguments: ["/nowhere", "/records/designers/nobody", "/search?q=derby&page=0", "/browse/nothing"])
    func anErrorPageMarksNoMenuItemAsCurrent(_ path: String) async throws {
        let page = try await web.page(path)
        #expect(page.status != .ok)
        #expect(!page.body.contains("aria-current"), "\(path)")
        // A page of the menu still marks its item.
        #expect(try await web.page("/").body.contains("<a href=\"/\" aria-current=\"page\">Home</a>"))
    }

    @Test func a400OnTheSearchPageKeepsTheWordsAndScopeInTheBox() async throws {
        let page = try await web.page("/search?q=silk+dress&in=shoes&page=0")
        #expect(page.status == .badRequest)
        #expect(page.body.contains("id=\"q\" name=\"q\" value=\"silk dress\""))
        #expect(page.body.contains("<option value=\"shoes\" selected>"))
        // A scope not offered is the 400 itself: the words stay, the scope is Everything.
        let scope = try await web.page("/search?q=derby&in=planets")
        #expect(scope.status == .badRequest && scope.body.contains("value=\"derby\"") && scope.body.contains("<option value=\"all\" selected>"))
        // Escaped as any value; words longer than the box takes are cut to what it takes.
        let hostile = try await web.page("/search?q=%22%3E%3Cscript%3E&from=x")
        #expect(hostile.status == .badRequest && hostile.body.contains("value=\"&quot;&gt;&lt;script&gt;\"") && !hostile.body.contains("\"><script>"))
        let long = try await web.page("/search?q=" + String(repeating: "a", count: 1_500))
        #expect(long.status == .badRequest && long.body.contains("value=\"" + String(repeating: "a", count: 1_000) + "\""))
        // Elsewhere the box is empty.
        #expect(try await web.page("/browse/designers?sort=password").body.contains("name=\"q\" value=\"\""))
    }

    @Test func anErrorMessageIsASentenceButAParameterKeepsItsName() async throws {
        #expect(try await web.page("/nowhere").body.contains("<p class=\"lede\">There is no page at this address.</p>"))
        #expect(try await web.page("/records/designers/nobody").body.contains("<p class=\"lede\">No designer has the slug “nobody”.</p>"))
        #expect(try await web.page("/search?q=derby&in=planets").body.contains("<p class=\"lede\">The parameter <code>in</code> must be one of all, "))
        #expect(try await web.page("/search?q=derby&page=0").body.contains("<p class=\"lede\">The parameter <code>page</code> must be a whole number"))
        // The API's messages are as they were.
        #expect(try await web.page("/api/nowhere").body.contains("{\"error\":\"there is no page at this address\""))
    }

    @Test(arguments: ["/", "/search", "/search?q=derby", "/nowhere"])
    func noPageAutofocusesTheBoxAndTheSkipLinkIsTheFirstStop(_ path: String) async throws {
        let body = try await web.page(path).body
        #expect(!body.contains("autofocus"), "\(path)")
        let afterBody = try #require(body.range(of: "<body>")).upperBound
        #expect(body[afterBody...].hasPrefix("<a href=\"#content\" class=\"skip\">Skip to content</a>"), "\(path)")
    }

    /// Balletcore's 24 relations all cite one article: one marker for the section, none per link.
    @Test func aRecordPageCitesItsRelationsSourceOncePerPageWhenTheyShareIt() async throws {
        let body = try await web.page("/records/trends/balletcore").body
        let relations = try #require(Self.section("relations", of: body))
        #expect(!relations.contains(">source</a>"))
        #expect(!relations.contains("/records/sources/"))
        #expect(Self.count("href=\"#sources\"", in: relations) == 1)
        #expect(relations.contains("<h2 id=\"relations\">Relations <sup class=\"cited\"><a href=\"#sources\"><span class=\"visually-hidden\">Source </span>[1]</a></sup></h2>"))
        #expect(Self.count("<li><a href=\"/records/", in: relations) == 24)
        // The numbered list the marker points to.
        #expect(body.contains("<h2 id=\"sources\">Sources</h2><ol><li><a href=\"/records/sources/balletcore-derby-article-2025\">"))
    }

    /// A second source cited by one icon's link only: each group has its marker; in the group whose links cite
    /// different sources each link says which, as a number that is not a link; the second source is listed too.
    @Test func aRecordPageCitesOncePerGroupAndNumbersLinksOnlyWhereAGroupMixesSources() async throws {
        let web = try WebFixture(extra: [("sources.csv", "slug,title\nsecond-source,A second source\n"),
                                         ("trend_icons.csv", "trend,icon,era,source\nballetcore,zizi-jeanmaire,1950s,second-source\n")])
        let body = try await web.page("/records/trends/balletcore").body
        let relations = try #require(Self.section("relations", of: body))
        #expect(relations.contains("<h2 id=\"relations\">Relations</h2>"))
        #expect(Self.count("href=\"#sources\"", in: relations) == 5)
        #expect(relations.contains("<h3>Shoes <sup class=\"cited\"><a href=\"#sources\"><span class=\"visually-hidden\">Source </span>[1]</a></sup></h3>"))
        #expect(relations.contains("<h3>Icons <sup class=\"cited\"><a href=\"#sources\"><span class=\"visually-hidden\">Sources </span>[1, 2]</a></sup></h3>"))
        #expect(relations.contains("Zizi Jeanmaire</a> <span class=\"muted\">(era 1950s)</span><sup class=\"cited\"><span class=\"visually-hidden\"> source </span>[2]</sup></li>"))
        #expect(relations.contains("Kate Moss</a> <span class=\"muted\">(era 2010s)</span><sup class=\"cited\"><span class=\"visually-hidden\"> source </span>[1]</sup></li>"))
        #expect(Self.count("<sup class=\"cited\"><span", in: relations) == 4)
        let sources = try #require(Self.section("sources", of: body))
        #expect(sources.contains("<ol><li><a href=\"/records/sources/balletcore-derby-article-2025\">"))
        #expect(sources.contains("<li><a href=\"/records/sources/second-source\">A second source</a></li></ol>"))
    }

    /// The `<section>` labelled by the heading `id`.
    static func section(_ id: String, of body: String) -> Substring? {
        guard let start = body.range(of: "aria-labelledby=\"\(id)\">") else { return nil }
        let rest = body[start.upperBound...]
        return rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
    }

    static func count(_ text: String, in body: Substring) -> Int { body.components(separatedBy: text).count - 1 }
}
