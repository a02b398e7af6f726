// An institution's page says what it holds: its objects counted by category and by type, each count a link to the
// search of those objects (which finds as many), and the objects a page at a time, by keyset.
import Foundation
import Testing

@Suite struct InstitutionPageTests {
    let web: WebFixture

    /// Cooper Hewitt holds 61 objects: a cameo and 60 swatches, two pages of 50.
    init() throws { web = try WebFixture(extra: MuseumFiles.files(extraObjects: 60)) }

    @Test func anInstitutionCountsItsObjectsByCategoryAndTypeLinkingToTheirSearches() async throws {
        let page = try await web.page("/records/institutions/cooper-hewitt")
        #expect(page.status == .ok)
        #expect(page.body.contains("<h2 id=\"holdings\">Objects held</h2>"))
        #expect(page.body.contains("61 objects in the archive."))
        let textiles = "/search?q=Cooper%20Hewitt%2C%20Smithsonian%20Design%20Museum&amp;in=objects&amp;institution=cooper-hewitt&amp;category=textile"
        #expect(page.body.contains("<li><a href=\"\(textiles)\">Textile</a><span class=\"count\">60</span></li>"))
        #expect(page.body.contains("<li><a href=\"/search?q=swatch&amp;in=objects&amp;institution=cooper-hewitt&amp;type=swatch\">swatch</a><span class=\"count\">60</span></li>"))
        #expect(page.body.contains("<span class=\"count\">1</span>"))
        // The category's link finds as many objects as it counts.
        let search = try await web.page("/api/search?q=Cooper%20Hewitt%2C%20Smithsonian%20Design%20Museum&in=objects&institution=cooper-hewitt&category=textile")
        let json = try JSONSerialization.jsonObject(with: Data(search.body.utf8)) as? [String: Any]
        #expect(json?["total"] as? Int == 60)
    }

    @Test func theObjectsArePagedByKeyset() async throws {
        let first = try await web.page("/records/institutions/cooper-hewitt")
        #expect(first.body.components(separatedBy: "<li><a href=\"/records/objects/").count - 1 == 50)
        #expect(first.body.contains("<li><a href=\"/records/objects/ch-1000\">Swatch 0</a><span class=\"muted\">swatch · CH.0</span></li>"))
        // The 50th object in slug order is ch-1049; the next page starts after it.
        let next = "/records/institutions/cooper-hewitt?after=ch-1049"
        #expect(first.body.contains("<a href=\"\(next)#objects\" rel=\"next\">Next →</a>"))
        let second = try await web.page(next)
        #expect(second.body.components(separatedBy: "<li><a href=\"/records/objects/").count - 1 == 11)
        #expect(second.body.contains("<li><a href=\"/records/objects/ch-18065729\">Cameo</a><span class=\"muted\">Cameo · 1931-66-148</span></li>"))
        #expect(second.body.contains("<a href=\"/records/institutions/cooper-hewitt#objects\">← First</a>"))
        #expect(!second.body.contains("rel=\"next\""))
    }

    @Test func anInstitutionWithoutObjectsSaysSo() async throws {
        let web = try WebFixture(extra: [("institutions.csv", "slug,name\nempty,Empty Museum\n")])
        let page = try await web.page("/records/institutions/empty")
        #expect(page.body.contains("The archive holds no object of Empty Museum."))
    }
}
