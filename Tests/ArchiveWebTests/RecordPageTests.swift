// An object's page reads as a museum's does, not as a row: the title once, makers with roles under it, the
// institution by name linking to its page, "View at" the institution, labels in the catalogue's words, the credit
// line, the rights its source's licence gives (IMA's required credit, CC0), public domain in words, tags as links,
// identifiers last.
import Foundation
import Testing

@Suite struct RecordPageTests {
    let web: WebFixture

    init() throws { web = try WebFixture(extra: MuseumFiles.files()) }

    /// The text of `page` from `start` on.
    private func after(_ start: String, in page: String) -> Substring {
        page.range(of: start).map { page[$0.lowerBound...] } ?? ""
    }

    @Test func anObjectShowsItsMakersInstitutionAndDateUnderItsTitleInWords() async throws {
        let page = try await web.page("/records/objects/ima-59989")
        #expect(page.status == .ok)
        let main = String(after("<main", in: page.body))
        // The title once, as the heading; no field named by its column.
        #expect(main.contains("<h1>ball gown</h1>") && !main.contains("<dd>ball gown</dd>"))
        for column in ["<dt>slug</dt>", "<dt>title</dt>", "<dt>institution</dt>", "<dt>date text</dt>", "<dt>credit line</dt>", ">ima</a>"] {
            #expect(!main.contains(column), "\(column)")
        }
        // Makers with their roles, then the date, the holder by name and the accession number, before the fields.
        let makers = try #require(main.range(of: "<ul class=\"byline\" aria-label=\"Makers\">"))
        let fields = try #require(main.range(of: "<h2 id=\"about\">About this object</h2>"))
        #expect(makers.lowerBound < fields.lowerBound)
        #expect(main.contains("<a href=\"/records/designers/ima-dior-christian\">Dior, Christian</a><span class=\"role\">designer</span>"))
        #expect(main.contains("<a href=\"/records/designers/ima-the-house-of-dior\">The House of Dior</a><span class=\"role\">retailer</span>"))
        #expect(main.contains("<span class=\"date\">ca. 1957 (1955–1959)</span>"))
        #expect(main.contains("Held by <a href=\"/records/institutions/ima\">Indianapolis Museum of Art (Newfields)</a>"))
        #expect(main.contains("Accession number 2002.144"))
        #expect(main.contains("<a class=\"visit\" href=\"http://imamuseum.org/mercury/load-artwork/59989\" rel=\"noopener noreferrer\">View at Indianapolis Museum of Art (Newfields)</a>"))
        // Labels from the catalogue, values in words; the credit line; tags as links.
        #expect(main.contains("<dt>Type</dt><dd>gown</dd>"))
        #expect(main.contains("<dt>Category</dt><dd>Garment</dd>"))
        #expect(main.contains("<dt>Credit line</dt><dd>Gift of the Alliance of the Indianapolis Museum of Art</dd>"))
        #expect(main.contains("<dt>Tags</dt><dd><ul class=\"tags\"><li><a href=\"/records/tags/women\" class=\"chip\">Women</a></li></ul></dd>"))
        // The makers and tags are not listed again among the relations.
        #expect(!main.contains("Designers — designer") && !main.contains("<h3>Tags</h3>"))
        // The rights the source gives, with IMA's required credit; identifiers last.
        #expect(main.contains("Record data from “<a href=\"/records/sources/ima-open-access\">Collection data © Indianapolis Museum of Art (Newfields), CC BY 3.0</a>”, under <a href=\"https://creativecommons.org/licenses/by/3.0/\" rel=\"noopener noreferrer\">CC BY 3.0 (attribution required)</a>."))
        let identifiers = try #require(main.range(of: "<h2 id=\"identifiers\">Identifiers</h2>"))
        #expect(identifiers.lowerBound > fields.lowerBound)
        #expect(main[identifiers.lowerBound...].contains("<dt>Slug</dt><dd><code>ima-59989</code></dd>"))
        #expect(main[identifiers.lowerBound...].contains("<dt>Accession number</dt><dd><code>2002.144</code></dd>"))
    }

    @Test func publicDomainIsSaidInWordsAndCC0IsTheRightsOfCooperHewitt() async throws {
        let cameo = try await web.page("/records/objects/ch-18065729")
        #expect(cameo.body.contains("<dt>Public domain</dt><dd>Yes, says the institution</dd>"))
        #expect(cameo.body.contains("View at Cooper Hewitt, Smithsonian Design Museum</a>"))
        #expect(cameo.body.contains("under <a href=\"https://creativecommons.org/publicdomain/zero/1.0/\" rel=\"noopener noreferrer\">CC0 1.0 (attribution to Cooper Hewitt asked as a courtesy)</a>."))
        let hat = try await web.page("/records/objects/ima-60001")
        #expect(hat.body.contains("<dt>Public domain</dt><dd>No, says the institution</dd>"))
        // No url: no "View at"; a qualified maker says how sure the attribution is.
        #expect(!hat.body.contains("View at"))
        #expect(hat.body.contains("<li>Attributed to <a href=\"/records/designers/ima-christian-dior-couture\">Christian Dior Couture</a><span class=\"role\">maker</span></li>"))
        #expect(hat.body.contains("<span class=\"date\">1960s</span>"), "the years say nothing the text does not")
    }

    @Test func labelsComeFromTheCatalogue() async throws {
        let designer = try await web.page("/records/designers/ima-dior-christian")
        #expect(designer.body.contains("<dt>Born</dt><dd>1905</dd>"))
        #expect(designer.body.contains("<dt>Getty ULAN</dt><dd><a href=\"https://vocab.getty.edu/page/ulan/500032519\" rel=\"noopener noreferrer\">500032519</a></dd>"))
        let collection = try await web.page("/records/collections/celine-ss-2026")
        #expect(collection.body.contains("<dt>Season</dt><dd>Spring/Summer</dd>"))
        let institution = try await web.page("/records/institutions/ima")
        #expect(institution.body.contains("<dt>Web site</dt><dd><a href=\"https://discovernewfields.org\" rel=\"noopener noreferrer\">https://discovernewfields.org</a></dd>"))
        // A record without sources does not send the reader to "the sources above".
        #expect(!institution.body.contains("Cite the sources above"))
    }
}
