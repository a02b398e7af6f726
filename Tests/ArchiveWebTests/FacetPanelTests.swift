// The facets of a search page and of /api/search: for any number of hits (5,200 here, above the 5,000 past which
// there were none), labelled by name, each a link to the search with its filter added, estimates marked "≈" and
// "about", the panel before the results; the object filters they link to; and the museum files' `silk`.
import ArchiveCore
import Foundation
import Testing

@Suite struct FacetPanelTests {
    /// 5,200 collections with "velvet" (two houses, 1990–2009), and objects of two institutions with "lace".
    static let extra: [(String, String)] = {
        var collections = "slug,title,year\n", links = "collection,designer,role\n"
        for number in 0..<5_200 {
            collections += "velvet-\(number),Velvet look \(number),\(1990 + number % 20)\n"
            links += "velvet-\(number),\(number % 3 == 0 ? "celine" : "jacquemus"),house\n"
        }
        let objects = "slug,institution,title,object_type,category,earliest_year,latest_year\n"
            + "a-1,musee-a,Lace collar,Collar,lace,1880,1890\na-2,musee-a,Lace slippers,slippers,footwear,1900,1900\n"
            + "b-1,museum-b,Lace Slippers,Slippers,footwear,1905,1910\n"
        return [("collections.csv", collections), ("collection_designers.csv", links),
                ("institutions.csv", "slug,name\nmusee-a,Musée des Arts\nmuseum-b,\"Museum B, of Things\"\n"), ("objects.csv", objects)]
    }()

    private func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func aFewHitsHaveExactFacetsByNameEachALinkWithItsFilter() async throws {
        let web = try WebFixture()
        let page = try await web.page("/search?q=derby&in=collections")
        #expect(page.body.contains("<details class=\"facets\" id=\"facets\"><summary>Narrow the search"))
        // Before the results, so that on a phone the (closed) panel does not come after every hit.
        let panel = try #require(page.body.range(of: "class=\"facets\""))
        let results = try #require(page.body.range(of: "id=\"results\""))
        #expect(panel.lowerBound < results.lowerBound)
        #expect(page.body.contains("<a href=\"/search?q=derby&amp;in=collections&amp;designer=celine\">Celine</a><span class=\"count\">1</span>"))
        #expect(page.body.contains("<a href=\"/search?q=derby&amp;in=collections&amp;from=2026&amp;to=2026\">2026</a>"))
        #expect(!page.body.contains("≈") && !page.body.contains("Estimated from"))
    }

    @Test func manyHitsHaveEstimatedFacetsMarkedOnThePageAndInTheAPI() async throws {
        let web = try WebFixture(extra: Self.extra)
        let page = try await web.page("/search?q=velvet&in=collections")
        #expect(page.status == .ok)
        #expect(!page.body.contains("add a word or a filter"))
        #expect(page.body.contains("Estimated from"))
        #expect(page.body.contains(">Jacquemus</a><span class=\"count\" title=\"an estimate from a sample of the hits\">≈ 3,"))
        // Twenty years of hits: decades, each linking to its years.
        #expect(page.body.contains("<a href=\"/search?q=velvet&amp;in=collections&amp;from=1990&amp;to=1999\">1990s</a>"))

        let api = try json(try await web.page("/api/search?q=velvet&in=collections").body)
        let counts = try #require(api["facet_counts"] as? [String: Any])
        #expect(counts["count_is"] as? String == "about" && counts["hits"] as? Int == 5_200)
        #expect((counts["hits_read"] as? Int ?? 0) < 1_000)
        let facets = try #require(api["facets"] as? [[String: Any]])
        let celine = try #require(facets.first { $0["value"] as? String == "celine" })
        #expect(celine["facet"] as? String == "designer" && celine["label"] as? String == "Celine" && celine["count_is"] as? String == "about")
        #expect(abs((celine["count"] as? Int ?? 0) - 1_734) < 300)
        #expect(celine["url"] as? String == "/search?q=velvet&in=collections&designer=celine")
        let nineties = try #require(facets.first { $0["label"] as? String == "1990s" })
        #expect(nineties["facet"] as? String == "period" && nineties["from"] as? Int == 1990 && nineties["to"] as? Int == 1999)
    }

    @Test func objectsHaveFacetsByInstitutionCategoryAndTypeThatFilterTheSearch() async throws {
        let web = try WebFixture(extra: Self.extra)
        let page = try await web.page("/search?q=lace&in=objects")
        #expect(page.body.contains("<a href=\"/search?q=lace&amp;in=objects&amp;institution=musee-a\">Musée des Arts</a><span class=\"count\">2</span>"))
        #expect(page.body.contains(">Museum B, of Things</a>"))
        #expect(page.body.contains("<a href=\"/search?q=lace&amp;in=objects&amp;category=footwear\">Footwear</a><span class=\"count\">2</span>"))
        // Types as museums write them, "slippers" and "Slippers", are one.
        #expect(page.body.contains("<a href=\"/search?q=lace&amp;in=objects&amp;type=slippers\">Slippers</a><span class=\"count\">2</span>"))
        #expect(page.body.contains("<h2 id=\"facet-period\">Period</h2>"))

        let slippers = try json(try await web.page("/api/search?q=lace&in=objects&type=slippers").body)
        #expect((slippers["hits"] as? [[String: Any]])?.compactMap { $0["slug"] as? String }.sorted() == ["a-2", "b-1"])
        // A filter the search has is not a facet any more (it has one value).
        #expect((slippers["facets"] as? [[String: Any]])?.contains { $0["facet"] as? String == "type" } == false)
        let held = try json(try await web.page("/api/search?q=lace&institution=museum-b&from=1900&to=1909").body)
        #expect((held["hits"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["b-1"])
        #expect(try await web.page("/search?q=lace&in=collections&type=slippers").status == .badRequest)
    }

    static let mappings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Mappings").standardized
    static let museum = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/museum").standardized
    static var museumAvailable: Bool { FileManager.default.fileExists(atPath: museum.appendingPathComponent("SOURCE.md").path) }

    @Test(.enabled(if: museumAvailable, "skipped: ../shared/data/museum is absent (it is not part of this repository)"))
    func silkInTheMuseumFilesHasFacetsByInstitutionName() async throws {
        let web = try WebFixture { archive in
            for name in ["designers_makers", "cooperhewitt_fashion_textiles", "ima_fashion_costume", "footwear_subset"] {
                let mapping = try ImportMapping.load(Self.mappings.appendingPathComponent(name + ".json").path)
                _ = try Importer(archive: archive).run(try ImportFile.files(at: Self.museum.appendingPathComponent(name + ".csv").path, mapping: mapping))
            }
        }
        let page = try await web.page("/search?q=silk&in=objects")
        #expect(page.body.contains("<h2 id=\"facet-institution\">Institution</h2>"))
        #expect(page.body.contains("&amp;institution=cooper-hewitt\">Cooper Hewitt, Smithsonian Design Museum</a>"))
        #expect(page.body.contains("&amp;institution=ima\">Indianapolis Museum of Art (Newfields)</a>"))
        #expect(page.body.contains("≈ ") && page.body.contains("Estimated from"))
        #expect(!page.body.contains(">ima-norell-norman<") && !page.body.contains("add a word or a filter"))
        let api = try json(try await web.page("/api/search?q=silk&in=objects").body)
        let institutions = (api["facets"] as? [[String: Any]] ?? []).filter { $0["facet"] as? String == "institution" }
        // 4,168 and 1,532 of the 5,700 hits: the estimates are within a fifth.
        let byName = Dictionary(uniqueKeysWithValues: institutions.map { ($0["value"] as? String ?? "", $0["count"] as? Int ?? 0) })
        #expect(abs(Double(byName["cooper-hewitt"] ?? 0) / 4_168 - 1) < 0.2 && abs(Double(byName["ima"] ?? 0) / 1_532 - 1) < 0.2)
    }
}
