// A search's download: every hit of one kind, best first, with that kind's full columns (as its *_full view),
// through the export writer, in a file named after the words.
import Foundation
import Testing

@Suite struct SearchDownloadTests {
    let web: WebFixture
    static let hits = 1_500

    /// 1,500 silk objects (more than the 1,000 a download used to stop at); the first few say silk more often.
    init() throws {
        var objects = "slug,institution,accession_number,title,date_text,earliest_year,latest_year,medium\n"
        for number in 1...Self.hits {
            let title = number <= 3 ? "Silk silk silk dress \(number)" : number == 4 ? "=HYPERLINK(\"x\") silk" : "Dress \(number)"
            objects += "o\(number),m,A.\(number),\"\(title.replacingOccurrences(of: "\"", with: "\"\""))\",ca. 1919,1914,1924,silk and cotton\n"
        }
        web = try WebFixture(extra: [("institutions.csv", "slug,name\nm,Museum of Silk\n"), ("objects.csv", objects),
                                     ("designers.csv", "slug,name,kind\nmaker,Mme Maker,person\n"),
                                     ("object_makers.csv", "object,designer,role\no1,maker,designer\n")])
    }

    @Test func theCSVHasEveryHitBestFirstWithTheObjectsFullColumns() async throws {
        let page = try await web.page("/api/search?q=silk&in=objects&format=csv")
        #expect(page.status == .ok)
        #expect(page.contentType == "text/csv; charset=utf-8")
        #expect(page.headers[.contentDisposition] == "attachment; filename=\"search-silk-objects.csv\"")
        let lines = page.body.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "slug,institution,accession_number,title,object_type,category,date_text,earliest_year,latest_year,makers,"
                + "culture,medium,dimensions,credit_line,description,url,sources")
        #expect(lines.count == Self.hits + 1)
        #expect(lines.contains("o1,Museum of Silk,A.1,Silk silk silk dress 1,,,ca. 1919,1914,1924,Mme Maker (designer),,silk and cotton,,,,,"))
        // The formula guard of the export writer.
        #expect(lines.contains { $0.hasPrefix("o4,Museum of Silk,A.4,\"'=HYPERLINK(\"\"x\"\") silk\"") })
        // Best first, as the page ranks them; hits of equal score by slug (the page, past 1,000 matches, ranks
        // them column by column, so only the distinct scores are compared).
        let api = try await web.page("/api/search?q=silk&in=objects&limit=4")
        let json = try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any]
        let ranked = (json?["hits"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        let slugs = lines.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ranked.count == 4 && Array(slugs.prefix(4)) == ranked)
        #expect(Array(slugs.dropFirst(4).prefix(4)) == ["o10", "o100", "o1000", "o1001"])
    }

    @Test func jsonNDJSONAndALimitWork() async throws {
        let pages = try await web.get("/api/search?q=silk&in=objects&format=json", "/api/search?q=silk&in=objects&format=ndjson&limit=10",
                                      "/api/search?q=silk+dress&in=objects&institution=m&from=1900&format=csv")
        let rows = try JSONSerialization.jsonObject(with: Data(pages[0].body.utf8)) as? [[String: Any]]
        #expect(rows?.count == Self.hits)
        #expect(rows?.first?["institution"] as? String == "Museum of Silk" && rows?.first?["date_text"] as? String == "ca. 1919")
        #expect(pages[1].body.split(separator: "\n").count == 10)
        // The filters apply; the name says the words and the kind.
        #expect(pages[2].headers[.contentDisposition] == "attachment; filename=\"search-silk-dress-objects.csv\"")
        #expect(pages[2].body.components(separatedBy: "\r\n").dropLast().count == Self.hits) // all but the formula, which says no dress
    }

    @Test(arguments: [("q=C%C3%A9line+%E2%99%A5&in=collections", "search-celine-collections.csv"), ("q=%E2%99%A5&in=shoes", "search-shoes.csv"),
                      ("q=%22ballet+flat%22&in=shoes", "search-ballet-flat-shoes.csv"),
                      ("q=" + String(repeating: "word+", count: 30) + "&in=trends", "search-" + Array(repeating: "word", count: 12).joined(separator: "-") + "-trends.csv")])
    func theFileIsNamedAfterTheWordsInASCII(_ query: String, _ name: String) async throws {
        let page = try await web.page("/api/search?\(query)&format=csv")
        #expect(page.status == .ok, "\(page.body)")
        #expect(page.headers[.contentDisposition] == "attachment; filename=\"\(name)\"")
    }

    @Test func eachKindIsItsOwnDownloadAndTheSearchPageLinksEachKindWithHits() async throws {
        let all = try await web.page("/api/search?q=silk&format=csv")
        #expect(all.status == .badRequest)
        #expect(all.body.contains("a download holds one kind of record") && all.body.contains("in=objects"))
        let shoes = try await web.page("/api/search?q=ballet&in=shoes&format=csv")
        #expect(shoes.body.hasPrefix("slug,name,type,year_introduced,makers,designers,collections,icons,materials,description,sources\r\n"))
        let designers = try await web.page("/api/search?q=repetto&in=designers&format=csv")
        #expect(designers.body.hasPrefix("slug,name,kind,"))
        let page = try await web.page("/search?q=ballet")
        #expect(page.body.contains("href=\"/api/search?q=ballet&amp;in=shoes&amp;format=csv\""))
        #expect(page.body.contains("href=\"/api/search?q=ballet&amp;in=collections&amp;format=ndjson\""))
        #expect(page.body.contains("aria-label=\"Shoes as CSV\">CSV</a>"))
        #expect(!page.body.contains("in=objects&amp;format=csv"))
        #expect(!page.body.contains("limit=1000"))
    }
}
