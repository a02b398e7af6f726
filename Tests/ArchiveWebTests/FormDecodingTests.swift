// Query strings are read as a form sends them: `+` is a space and `%2B` a plus, in every page's and the API's
// parameters, names included.
@testable import ArchiveWeb
import Foundation
import Testing

@Suite struct FormDecodingTests {
    let web: WebFixture

    init() throws { web = try WebFixture() }

    @Test func aTypedQueryOfTwoWordsSearchesBothWords() async throws {
        // "ballet flat" as a phrase finds only the shoe Ballet flats; the two words find the Jacquemus collection too.
        let page = try await web.page("/search?q=ballet+flat")
        #expect(page.status == .ok)
        #expect(page.body.contains("href=\"/records/collections/jacquemus-repetto-ss-2024\""))
        #expect(page.body.contains("value=\"ballet flat\""))
        #expect(page.body.contains("for “ballet flat”"))
        #expect(!page.body.contains("value=\"ballet+flat\"") && !page.body.contains("for “ballet+flat”"))
        let api = try await web.page("/api/search?q=ballet+flat")
        let json = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any]
        #expect(json?["query"] as? String == "ballet flat")
        #expect((json?["total"] as? Int ?? 0) >= 4)
    }

    @Test func anEncodedPlusStaysAPlusAndNamesAreDecodedToo() async throws {
        let api = try await web.page("/api/search?%71=ballet%2Bflat")
        let json = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any]
        #expect(json?["query"] as? String == "ballet+flat")
        // Every parameter, not only q: a filter's value with a space, a scope, a page number.
        let filtered = try await web.page("/search?q=derby&designer=no+such+house&in=collections")
        #expect(filtered.status == .ok)
        #expect(filtered.body.contains("No records match"))
        #expect(try await web.page("/timeline?from=+1990&to=2000+").status == .ok)
    }

    @Test(arguments: [
        ("q=a+b", [("q", "a b")]), ("q=a%2Bb", [("q", "a+b")]), ("q=%E2%80%9Cx%E2%80%9D", [("q", "“x”")]),
        ("q=100%25&x", [("q", "100%"), ("x", "")]), ("q=50%&r=%zz%4", [("q", "50%"), ("r", "%zz%4")]),
        ("a=1=2&&b", [("a", "1=2"), ("b", "")]), ("q=%FF", [("q", "\u{FFFD}")]), ("", []),
    ])
    func queryStringsDecodeAsFormsEncode(_ query: String, _ expected: [(String, String)]) {
        let pairs = Parameters.decode(query)
        #expect(pairs.map(\.0) == expected.map(\.0) && pairs.map(\.1) == expected.map(\.1), "\(query)")
    }
}
