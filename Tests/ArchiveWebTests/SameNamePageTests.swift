// A record page names the records of its table whose names have the same words, and searches for each word of its
// name: the IMA file's Diors ("Dior, Christian", "The House of Dior", "Christian Dior Couture") are a click apart.
import Testing

@Suite struct SameNamePageTests {
    let web: WebFixture

    init() throws { web = try WebFixture(extra: MuseumFiles.files()) }

    @Test func aDesignerPageListsTheSameNameAndSearchesEachWord() async throws {
        let page = try await web.page("/records/designers/ima-dior-christian")
        #expect(page.body.contains("<h2 id=\"same-name\">Same name</h2>"))
        #expect(page.body.contains("<li><a href=\"/records/designers/ch-christian-dior\">CHRISTIAN DIÔR</a> <span class=\"muted\">ch-christian-dior</span></li>"))
        #expect(!page.body.contains("href=\"/records/designers/ima-the-house-of-dior\""))
        #expect(page.body.contains("<a href=\"/search?q=Dior&amp;in=designers\">“Dior”</a> · <a href=\"/search?q=Christian&amp;in=designers\">“Christian”</a>"))
        // The search for a word finds the house named otherwise.
        let search = try await web.page("/search?q=Dior&in=designers")
        #expect(search.body.contains("href=\"/records/designers/ima-the-house-of-dior\""))
        #expect(search.body.contains("href=\"/records/designers/ima-christian-dior-couture\""))
    }

    @Test func aHouseWithoutCandidatesIsStillOfferedTheSearchOfItsWords() async throws {
        let page = try await web.page("/records/designers/ima-the-house-of-dior")
        #expect(page.body.contains("No other designer has a name of these words."))
        #expect(page.body.contains("<a href=\"/search?q=House&amp;in=designers\">“House”</a> · <a href=\"/search?q=Dior&amp;in=designers\">“Dior”</a>"))
    }

    @Test func anObjectHasNoSameNameSection() async throws {
        #expect(!(try await web.page("/records/objects/ima-59989")).body.contains("same-name"))
    }
}
