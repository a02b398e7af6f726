// HTTP methods as clients expect them of a read-only site, and permalinks that never trust the Host header.
import ArchiveCore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite struct MethodTests {
    static let paths = ["/", "/search?q=derby", "/records/designers/celine", "/browse", "/browse/collections", "/timeline", "/api",
                        "/api/stats", "/api/search?q=derby", "/api/records/designers/celine", "/api/lists/designers?format=csv",
                        "/api/timeline", "/assets/style.css", "/nowhere"]

    /// `curl -I`, link checkers and reference managers: HEAD has the GET's status and headers, and no body.
    @Test func headAnswersEveryGETWithItsHeadersAndNoBody() async throws {
        let web = try WebFixture()
        let gets = try await web.get(Self.paths)
        let heads = try await web.get(Self.paths, method: .head)
        for (path, (get, head)) in zip(Self.paths, zip(gets, heads)) {
            #expect(head.status == get.status, "\(path)")
            #expect(head.body.isEmpty, "\(path): HEAD sent a body")
            #expect(head.contentType == get.contentType, "\(path)")
            #expect(head.headers[.contentLength] == get.headers[.contentLength], "\(path): a HEAD says the GET's length, or none for a stream")
            #expect(head.headers[.contentSecurityPolicy] != nil)
        }
        #expect(heads[0].status == .ok && heads.last?.status == .notFound)
        #expect(gets.last?.body.contains("There is no page at this address.") == true)
        #expect(Int(heads[0].headers[.contentLength] ?? "") == gets[0].body.utf8.count)
    }

    /// A download takes one of the few download connections before it answers; a HEAD, which never runs the
    /// download, must give it back (six HEADs, then a GET, with four download connections).
    @Test func headOfADownloadGivesItsConnectionBack() async throws {
        let web = try WebFixture()
        let path = "/api/lists/designers?format=csv"
        let heads = try await web.get(Array(repeating: path, count: 6), method: .head)
        #expect(heads.allSatisfy { $0.status == .ok })
        let get = try await web.page(path)
        #expect(get.status == .ok && get.body.hasPrefix("slug,name,"))
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch])
    func otherMethodsAre405NamingWhatIsAllowed(_ method: HTTPRequest.Method) async throws {
        let web = try WebFixture()
        let pages = try await web.get(["/", "/api/stats", "/nowhere"], method: method)
        for page in pages {
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers[.allow] == "GET, HEAD, OPTIONS")
        }
        #expect(pages[0].body.contains("read-only"))
        #expect(pages[1].contentType.hasPrefix("application/json") && pages[1].body.contains("\"status\":405"))
    }

    @Test func optionsSaysWhatIsAllowed() async throws {
        let web = try WebFixture()
        let page = try await web.page("/search?q=derby", method: .options)
        #expect(page.status == .noContent)
        #expect(page.headers[.allow] == "GET, HEAD, OPTIONS")
        #expect(page.body.isEmpty)
    }

    /// Without --base-url the permalink (and canonical link) is relative; with it, the base URL's (a forged Host
    /// header: ServeClientTests).
    @Test func permalinksComeFromTheBaseURL() async throws {
        let relative = try await WebFixture().page("/records/designers/celine")
        #expect(relative.status == .ok)
        #expect(relative.body.contains("Permalink: <a href=\"/records/designers/celine\">/records/designers/celine</a>"))
        #expect(relative.body.contains("<link rel=\"canonical\" href=\"/records/designers/celine\">"))
        #expect(!relative.body.contains("og:url"), "Open Graph takes absolute addresses only")
        let based = try await WebFixture(baseURL: "https://archive.example.org/").page("/records/designers/celine")
        #expect(based.body.contains("Permalink: <a href=\"https://archive.example.org/records/designers/celine\">https://archive.example.org/records/designers/celine</a>"))
        #expect(based.body.contains("<link rel=\"canonical\" href=\"https://archive.example.org/records/designers/celine\">"))
    }
}
