// Hits of one title can be told apart: each shows what identifies it for its kind and its date as written, on
// the page and in /api/search.
import Foundation
import Testing

@Suite struct SearchHitTests {
    let web: WebFixture

    /// Two museum samples of one title, dated "ca. 1919" (read as 1914–1924), a bequestor listed before the
    /// designer; a person with life dates.
    init() throws {
        web = try WebFixture(extra: [
            ("institutions.csv", "slug,name,city,country\nch,Cooper Hewitt Smithsonian Design Museum,New York,USA\n"),
            ("designers.csv", "slug,name,kind,born,died,nationality\nnorell,Norman Norell,person,1900,1972,American\nbequest,Mrs. Lucky Giver,person,,,\n"),
            ("objects.csv", #"""
                slug,institution,accession_number,title,date_text,earliest_year,latest_year
                stripe-1,ch,1969-165-1090,"Textile Sample, ""Indian Silk Stripe""",ca. 1919,1914,1924
                stripe-2,ch,1969-165-1091,"Textile Sample, ""Indian Silk Stripe""",,1850,1860

                """#),
            ("object_makers.csv", "object,designer,role\nstripe-1,bequest,bequestor\nstripe-1,norell,designer\n"),
        ])
    }

    @Test func anObjectShowsItsInstitutionAccessionNumberDateAsWrittenAndFirstMaker() async throws {
        let page = try await web.page("/search?q=indian+stripe&in=objects")
        #expect(page.status == .ok)
        let hits = page.body.components(separatedBy: "<li>").dropFirst().filter { $0.contains("hit-title") }
        try #require(hits.count == 2)
        let first = try #require(hits.first { $0.contains("stripe-1") }), second = try #require(hits.first { $0.contains("stripe-2") })
        #expect(first.contains("Cooper Hewitt Smithsonian Design Museum · no. 1969-165-1090 · by Norman Norell (designer) and 1 more"))
        #expect(first.contains("ca. 1919") && !first.contains("1914"))
        // No date written: the years, as a span.
        #expect(second.contains("1850–1860") && second.contains("no. 1969-165-1091"))
    }

    @Test func eachKindShowsWhatIdentifiesIt() async throws {
        let all = try await web.get("/search?q=celine", "/search?q=repetto&in=shoes", "/search?q=norell&in=designers", "/search?q=cooper&in=institutions")
        #expect(all.allSatisfy { $0.status == .ok })
        #expect(all[0].body.contains("by Celine") && all[0].body.contains("SS 2026"))
        #expect(all[1].body.contains("by Repetto"))
        #expect(all[2].body.contains("1900–1972") && all[2].body.contains("person · American"))
        #expect(all[3].body.contains("New York, USA"))
    }

    @Test func theAPIGivesTheDateAsWrittenAndTheDetailsByName() async throws {
        let api = try await web.page("/api/search?q=indian+stripe&in=objects")
        let json = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any]
        let hits = try #require(json?["hits"] as? [[String: Any]])
        let first = try #require(hits.first { $0["slug"] as? String == "stripe-1" })
        #expect(first["date"] as? String == "ca. 1919")
        #expect(first["year"] as? Int == 1914)
        #expect(first["details"] as? [String: String] == ["institution": "Cooper Hewitt Smithsonian Design Museum",
                                                            "accession_number": "1969-165-1090", "maker": "Norman Norell (designer) and 1 more"])
        let second = try #require(hits.first { $0["slug"] as? String == "stripe-2" })
        #expect((second["details"] as? [String: String])?["maker"] == nil)
    }
}
