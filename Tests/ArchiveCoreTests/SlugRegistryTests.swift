// Slugs handed out to the rows of a mapped file: two rows that make the same text get the text and the text with
// -2, -3, … in the order of the file; the same row always gets the same slug; a suffix a title already makes is
// never given twice.
@testable import ArchiveCore
import Testing

@Suite struct SlugRegistryTests {
    /// 20,000 rows titled alike (museum data has thousands of "Untitled" and "Fragment") took 92 s when each
    /// walked -2, -3, … from the start; each row now gets the next suffix.
    @Test func rowsOfOneTitleGetSuffixesInOrderAndTheSameRowItsOwn() {
        var registry = SlugRegistry<Int>()
        let slugs = (0..<20_000).map { registry.slug(for: $0, base: "untitled") }
        #expect(slugs[0] == "untitled" && slugs[1] == "untitled-2" && slugs[19_999] == "untitled-20000")
        #expect(Set(slugs).count == 20_000)
        #expect(registry.slug(for: 5, base: "untitled") == "untitled-6")
    }

    @Test func aSuffixATitleAlreadyMadeIsSkipped() {
        var registry = SlugRegistry<String>()
        #expect(registry.slug(for: "a", base: "fragment") == "fragment")
        #expect(registry.slug(for: "b", base: "fragment-2") == "fragment-2") // a row titled "Fragment 2"
        #expect(registry.slug(for: "c", base: "fragment") == "fragment-3")
        #expect(registry.slug(for: "d", base: "fragment-3") == "fragment-3-2")
        #expect(registry.slug(for: "e", base: "fragment") == "fragment-4")
        #expect(registry.slug(for: "f", base: "fragment-4") == "fragment-4-2")
    }
}
