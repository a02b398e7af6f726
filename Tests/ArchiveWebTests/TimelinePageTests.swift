// The timeline page on an archive whose facts start in the Bronze Age: it opens on the densest century with an
// index of centuries and decades, says each kind of fact in its words ("held by"), shows its sources, puts spans
// that began before the asked years after those that began within them, and pages for real.
import Foundation
import Testing

@Suite struct TimelinePageTests {
    /// A museum's few ancient objects and many 20th-century ones.
    private func archive() throws -> WebFixture {
        var objects = "slug,institution,title,date_text,earliest_year,latest_year\n"
        for index in 1...3 { objects += "bc-\(index),museum,Bronze fibula \(index),ca. 1500 BC,-1510,-1490\n" }
        objects += "span,museum,Textile sample,1750–1990,1750,1990\n"
        for index in 1...30 { objects += "dress-\(index),museum,Evening dress \(index),ca. \(1950 + index % 40),\(1950 + index % 40),\(1950 + index % 40)\n" }
        return try WebFixture(extra: [("institutions.csv", "slug,name\nmuseum,The Costume Museum\n"), ("objects.csv", objects)])
    }

    @Test func itOpensOnTheDensestCenturyWithAnIndex() async throws {
        let web = try archive()
        let page = try await web.page("/timeline")
        #expect(page.status == .ok)
        // The seeds' and the dresses' 1900s, not the Bronze Age.
        #expect(page.body.contains("<h2 class=\"window\">1900–1999</h2>"), "\(page.body.prefix(600))")
        #expect(!page.body.contains("Bronze fibula"))
        #expect(page.body.contains(#"href="/timeline?from=-1600&amp;to=-1501""#)) // the 16th century BC in the index
        #expect(page.body.contains(#"href="/timeline?from=1950&amp;to=1959""#))   // a decade of the window
        // Each kind of fact in its words, with its source.
        #expect(page.body.contains("made; held by</span> <a href=\"/records/institutions/museum\">The Costume Museum</a>"))
        #expect(page.body.contains("<cite class=\"source\">"))
    }

    @Test func aSpanThatBeganEarlierComesAfterAndPagesAreReal() async throws {
        let web = try archive()
        let page = try await web.page("/timeline?from=1980&to=1990")
        let span = try #require(page.body.range(of: "Textile sample"))
        let dress = try #require(page.body.range(of: "Evening dress"))
        #expect(dress.lowerBound < span.lowerBound)
        #expect(page.body.contains("Began earlier"))
        let first = try await web.page("/timeline?from=1950&to=1999&limit=10")
        #expect(first.body.contains(#"rel="next""#) && !first.body.contains(#"rel="prev""#))
        let second = try await web.page("/timeline?from=1950&to=1999&limit=10&offset=10")
        #expect(second.body.contains(#"rel="prev""#) && second.body.contains("facts 11–20"))
        #expect(try await web.page("/timeline?offset=-1").status == .badRequest)
    }
}
