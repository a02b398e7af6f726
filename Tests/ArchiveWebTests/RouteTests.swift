// Every route through the router: status, content type, security headers, and what a page must show.
import ArchiveCore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite struct RouteTests {
    let web: WebFixture

    init() throws { web = try WebFixture() }

    @Test(arguments: ["/", "/search?q=derby", "/records/designers/celine", "/browse", "/browse/collections", "/timeline", "/api"])
    func aPageIsHTMLWithTheSecurityHeaders(_ path: String) async throws {
        let page = try await web.page(path)
        #expect(page.status == .ok, "\(path): \(page.body.prefix(300))")
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'none'; style-src 'self'") == true)
        #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        #expect(page.body.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(page.body.contains("<main id=\"content\">") && page.body.contains("<nav class=\"site\" aria-label=\"Main\">"))
    }

    @Test func theSearchPageRanksHighlightsCountsAndLinks() async throws {
        let page = try await web.page("/search?q=derby")
        #expect(page.body.contains("of "))
        #expect(page.body.contains("<mark>"))
        #expect(page.body.contains("href=\"/records/collections/celine-ss-2026\""))
        #expect(page.body.contains("Maker or designer"))
        #expect(page.body.contains("/api/search?q=derby&amp;in=collections&amp;format=csv"))
    }

    @Test func theRecordPageShowsFieldsRelationsSourcesGraphAndCitation() async throws {
        let page = try await web.page("/records/collections/celine-ss-2026")
        #expect(page.status == .ok)
        #expect(page.body.contains("<h1>Celine Spring/Summer 2026</h1>"))
        // Its designers with their roles under the heading; its other relations below.
        #expect(page.body.contains("<span class=\"role\">house</span>"))
        #expect(page.body.contains("href=\"/records/designers/michael-rider\""))
        #expect(page.body.contains("Trends"))
        #expect(page.body.contains("<h2 id=\"sources\">Sources</h2>"))
        #expect(page.body.contains("<svg viewBox="))
        #expect(page.body.contains("Cite this record"))
    }

    @Test(arguments: [
        ("/nowhere", HTTPResponse.Status.notFound), ("/records/designers/nobody", .notFound), ("/records/nothing/celine", .notFound),
        ("/browse/nothing", .notFound), ("/search?q=derby&page=0", .badRequest), ("/search?q=derby&limit=100000", .badRequest),
        ("/search?q=derby&in=planets", .badRequest), ("/search?q=" + String(repeating: "a", count: 1001), .badRequest),
        ("/timeline?from=2000&to=1990", .badRequest), ("/browse/designers?sort=password", .badRequest),
    ])
    func aBadAddressIsAPageThatSaysSo(_ path: String, _ status: HTTPResponse.Status) async throws {
        let page = try await web.page(path)
        #expect(page.status == status, "\(path)")
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(page.body.contains("<h1>"))
        #expect(!page.body.contains("SQLite") && !page.body.contains("SELECT"))
    }

    @Test func theAPIAnswersJSONAndErrorsAsJSON() async throws {
        let pages = try await web.get("/api/stats", "/api/search?q=derby", "/api/records/designers/celine", "/api/lists/designers?limit=2",
                                      "/api/timeline?limit=3", "/api/openapi.json", "/api/nowhere", "/api/search?q=")
        for page in pages.prefix(6) {
            #expect(page.status == .ok)
            #expect(page.contentType == "application/json; charset=utf-8")
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(page.body.utf8)) }
        }
        let search = try JSONSerialization.jsonObject(with: Data(pages[1].body.utf8)) as? [String: Any]
        #expect((search?["total"] as? Int ?? 0) > 0)
        #expect(((search?["hits"] as? [[String: Any]])?.first?["segments"] as? [Any])?.isEmpty == false)
        let list = try JSONSerialization.jsonObject(with: Data(pages[3].body.utf8)) as? [String: Any]
        #expect((list?["rows"] as? [Any])?.count == 2)
        #expect(list?["next_after"] is String)
        #expect(pages[6].status == .notFound && pages[6].body.hasPrefix("{\"error\":"))
        #expect(pages[7].status == .badRequest && pages[7].body.hasPrefix("{\"error\":\"q is required"))
    }

    @Test func aSlugTwoTablesHoldIsA400ThatSaysWhichNotA500() async throws {
        let web = try WebFixture(extra: [("icons.csv", "slug,name\nceline,Céline the singer\n")])
        let page = try await web.page("/timeline?around=celine")
        #expect(page.status == .badRequest)
        #expect(page.body.contains("is a slug in designers and icons"))
        #expect(try await web.page("/timeline?around=celine&table=icons").status == .ok)
    }
}
