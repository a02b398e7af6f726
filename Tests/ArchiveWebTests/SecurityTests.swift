// Hostile record text on every page: escaped byte for byte, and only http(s) URLs become links; parameters
// bounded; nothing internal in an error.
import ArchiveCore
import Foundation
import HTTPTypes
import ArchiveWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SecurityTests {
    static let hostile = [
        ("sources.csv", """
            slug,title,url,notes
            evil-source,"<script>alert('title')</script>",javascript:alert(1),"\"\"><img src=x onerror=alert(2)>"
            data-source,Data source,"data:text/html,<script>alert(3)</script>",
            good-source,A good source,https://example.org/a?b=1&c=<2>,
            """),
        ("institutions.csv", """
            slug,name,url
            evil-museum,"Museum ""><svg onload=alert(4)>",JAVASCRIPT:alert(5)
            """),
        ("designers.csv", """
            slug,name,description,wikidata
            evil-house,"<b onmouseover=alert(6)>House</b>","Line one
            </p><script>alert(7)</script> — “curly” & ‘quotes’ é",Q42
            """),
        ("designer_sources.csv", """
            designer,source,note
            evil-house,evil-source,"<iframe src=javascript:alert(8)>"
            """),
    ]

    let web: WebFixture

    init() throws { web = try WebFixture(extra: Self.hostile) }

    @Test func hostileTextIsEscapedEverywhereAndOnlyHTTPBecomesALink() async throws {
        let pages = try await web.get("/records/sources/evil-source", "/records/sources/data-source", "/records/sources/good-source",
                                      "/records/institutions/evil-museum", "/records/designers/evil-house", "/browse/sources",
                                      "/browse/designers", "/search?q=alert", "/search?q=house&in=designers", "/timeline", "/api")
        for page in pages {
            #expect(page.status == .ok)
            // The one script element a page may have is the archive's own JSON-LD, whose text holds no "<".
            let body = page.body.replacing("<script type=\"application/ld+json\">", with: "")
            for raw in ["<script", "<img", "<svg onload", "<b onmouseover", "<iframe", "href=\"javascript:", "href=\"data:", "href=\"JAVASCRIPT:"] {
                #expect(!body.contains(raw), "\(raw) reached a page: \(body.prefix(200))")
            }
        }
        #expect(pages[0].body.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(pages[0].body.contains("<dd>javascript:alert(1)</dd>"))
        #expect(pages[1].body.contains("<dd>data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;</dd>"))
        #expect(pages[2].body.contains("<a href=\"https://example.org/a?b=1&amp;c=&lt;2&gt;\" rel=\"noopener noreferrer\">"))
        #expect(pages[4].body.contains("&lt;/p&gt;&lt;script&gt;alert(7)&lt;/script&gt; — “curly” &amp; ‘quotes’ é"))
        #expect(pages[4].body.contains("<a href=\"https://www.wikidata.org/wiki/Q42\" rel=\"noopener noreferrer\">Q42</a>"))
        #expect(pages[4].body.contains("&lt;iframe src=javascript:alert(8)&gt;"))
    }

    @Test func theJSONAPIEscapesAsJSONAndCSVKeepsTheFormulaGuard() async throws {
        let pages = try await web.get("/api/records/designers/evil-house", "/api/lists/sources?format=csv", "/api/search?q=alert&in=designers&format=csv")
        let record = try JSONSerialization.jsonObject(with: Data(pages[0].body.utf8)) as? [String: Any]
        #expect((record?["fields"] as? [String: Any])?["name"] as? String == "<b onmouseover=alert(6)>House</b>")
        #expect(pages[1].contentType == "text/csv; charset=utf-8")
        #expect(pages[1].headers[.contentDisposition] == "attachment; filename=\"sources.csv\"")
        #expect(pages[1].body.hasPrefix("slug,title,author,publisher,year,url,license,notes\r\n"))
        // The same bytes as `archive export sources`: RFC 4180 quoting, CRLF.
        #expect(pages[1].body.contains("evil-source,<script>alert('title')</script>,,,,javascript:alert(1),,\"\"\"><img src=x onerror=alert(2)>\"\r\n"))
        #expect(pages[2].status == .ok && pages[2].body.hasPrefix("slug,name,kind,"))
    }

    @Test(arguments: ["/search?q=%00", "/search?q=a%ZZ", "/records/designers/" + String(repeating: "x", count: 300),
                      "/browse/designers?after=" + String(repeating: "z", count: 201), "/search?q=\"unterminated", "/search?q=***",
                      "/search?q=a*+b*+c*+d*+e*+f*+g*+h*+i*", "/api/search?q=derby&limit=0", "/timeline?from=abc"])
    func aHostileParameterIsAnsweredWithoutACrash(_ path: String) async throws {
        let page = try await web.page(path)
        #expect([200, 400, 404].contains(page.status.code), "\(path) → \(page.status)")
        #expect(!page.body.contains("SQLITE") && !page.body.contains("SELECT") && !page.body.contains("Fatal"))
    }

    @Test func aQueryPastItsTimeLimitIsA503NotAHungConnection() async throws {
        // Enough rows that every query below takes more than the few thousand steps between SQLite's checks.
        let rows = (0..<3_000).map { "collection-\($0),Collection \($0),A description of atelier work number \($0)" }
        let fixture = try WebFixture(extra: [("collections.csv", "slug,title,description\n" + rows.joined(separator: "\n") + "\n")])
        let hurried = try ArchiveServer(archivePath: fixture.path, connections: 2, timeLimit: 0.000_001)
        let app = Application(router: hurried.router())
        try await app.test(.router) { client in
            for path in ["/search?q=a*", "/api/search?q=a*", "/browse/collections?sort=description"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    let body = String(decoding: response.body.readableBytesView, as: UTF8.self)
                    #expect(body.contains("too long"), "\(body.prefix(200))")
                }
            }
        }
    }
}
