// A search's filters are shown as chips that each remove one, by name, and the form keeps them (hidden fields):
// searching again does not drop them.
import Testing

@Suite struct SearchFilterChipTests {
    let web: WebFixture

    init() throws { web = try WebFixture() }

    @Test func eachAppliedFilterIsAChipThatRemovesItAlone() async throws {
        let page = try await web.page("/search?q=derby&designer=celine&from=2020&to=2030&in=collections&season=SS")
        #expect(page.status == .ok)
        let chips = try #require(page.body.components(separatedBy: "<ul class=\"chips\"").dropFirst().first?.components(separatedBy: "</ul>").first)
        // By name, not slug; the years as one range.
        for label in ["In: Collections", "Designer: Celine", "Season: SS", "Years: 2020–2030"] {
            #expect(chips.contains("Remove the filter </span>\(label)"), "\(label)")
        }
        #expect(chips.contains("href=\"/search?q=derby&amp;in=collections&amp;season=SS&amp;from=2020&amp;to=2030\""))
        #expect(chips.contains("href=\"/search?q=derby&amp;in=collections&amp;designer=celine&amp;season=SS\""))
        #expect(chips.contains("href=\"/search?q=derby&amp;designer=celine&amp;season=SS&amp;from=2020&amp;to=2030\""))
        let none = try await web.page("/search?q=derby")
        #expect(!none.body.contains("class=\"chips\""))
    }

    @Test func theFormKeepsTheFiltersSoThatSearchingAgainKeepsThem() async throws {
        let page = try await web.page("/search?q=derby&designer=celine&from=2020&category=footwear&type=slippers&institution=nowhere&limit=50&page=1")
        let form = try #require(page.body.components(separatedBy: "<form").dropFirst().first?.components(separatedBy: "</form>").first)
        for (name, value) in [("designer", "celine"), ("from", "2020"), ("institution", "nowhere"), ("category", "footwear"), ("type", "slippers"),
                              ("limit", "50")] {
            #expect(form.contains("<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"), "\(name)")
        }
        // The scope is the form's select; the page starts again at 1.
        #expect(!form.contains("type=\"hidden\" name=\"in\"") && !form.contains("name=\"page\""))
        // A slug that names no record is shown as given, and can be removed.
        #expect(page.body.contains("Institution: nowhere") && page.body.contains("Type: slippers"))
        // Without words, the empty search page keeps them too.
        let empty = try await web.page("/search?designer=celine")
        #expect(empty.body.contains("<input type=\"hidden\" name=\"designer\" value=\"celine\">"))
    }

    @Test func aFilterValueIsEscapedInTheChipAndTheField() async throws {
        let page = try await web.page("/search?q=derby&designer=%3Cb%3E%22x")
        #expect(page.body.contains("value=\"&lt;b&gt;&quot;x\""))
        #expect(page.body.contains("Designer: &lt;b&gt;&quot;x"))
        #expect(!page.body.contains("<b>\"x"))
    }
}
