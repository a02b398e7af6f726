// Browse pages list records by name as people read them (case and accents folded, leading quotes and punctuation
// skipped: migration 0013's sort_key), and page by keyset both ways in every order the page offers: First,
// Previous, Next, Last, the same rows whichever way a reader walks, rows of equal names split across pages
// included. "van Hopp" is under V, as written: the key folds case, it does not reorder words.
import ArchiveCore
import Foundation
import Testing

@Suite struct ReadingOrderTests {
    /// Slugs that do not follow the names, so that slug order is not reading order either.
    static let designers = """
        slug,name
        z1,Dupont Atelier
        z2,Édouard Bénédictus
        a3,Fortuny
        a4,van Hopp
        a5,Vionnet
        a6,Zuber
        same-a,Same Name
        same-b,SAME NAME
        same-c,same name

        """
    static let collections = """
        slug,title
        q1,Runway test
        q2,"\"\"Quoted\"\" title"
        q3,Pleats test

        """

    static func fixture() throws -> WebFixture {
        try WebFixture(extra: [("designers.csv", designers), ("collections.csv", collections)])
    }

    @Test func recordsAreListedByNameAsPeopleReadThem() async throws {
        let web = try Self.fixture()
        let page = try await web.page("/browse/designers?limit=200")
        #expect(page.body.contains("Sorted by name"))
        let names = Self.cells(page.body, column: 1)
        #expect(names == names.sorted { Self.readingKey($0) < Self.readingKey($1) }, "\(names)")
        let place = { (name: String) in names.firstIndex(of: name) ?? -1 }
        #expect(place("Dupont Atelier") < place("Édouard Bénédictus") && place("Édouard Bénédictus") < place("Ferragamo"))
        #expect(place("Simone Rocha") < place("van Hopp") && place("van Hopp") < place("Vionnet") && place("Vionnet") < place("Zuber"))
        #expect(names.last == "Zuber")
        // Names alike but for case keep the slug's order; sort=name is the same page, descending its mirror.
        #expect(names.filter { $0.lowercased() == "same name" } == ["Same Name", "SAME NAME", "same name"])
        #expect(Self.cells(try await web.page("/browse/designers?limit=200&sort=name").body, column: 1) == names)
        #expect(Self.cells(try await web.page("/browse/designers?limit=200&sort=name&order=desc").body, column: 1) == names.reversed())
        // A quoted title is under the letter of its first word.
        let titles = Self.cells(try await web.page("/browse/collections?limit=200").body, column: 1)
        #expect(titles.firstIndex(of: "Pleats test")! < titles.firstIndex(of: "\"Quoted\" title")!)
        #expect(titles.firstIndex(of: "\"Quoted\" title")! < titles.firstIndex(of: "Runway test")!)
        // The API pages the same way.
        let api = try #require(try JSONSerialization.jsonObject(with: Data(try await web.page("/api/lists/designers?limit=3").body.utf8)) as? [String: Any])
        #expect((api["rows"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == Array(names.prefix(3)))
        #expect(api["next_after"] as? String == "z1" && api["previous_before"] is NSNull)
    }

    /// Every order a browse page offers, walked forwards by Next and backwards from Last by Previous, two rows a
    /// page: the same rows, each once; after any Next, Previous gives the page before again.
    @Test(arguments: ["/browse/designers", "/browse/designers?sort=name&order=desc", "/browse/designers?sort=born",
                      "/browse/designers?sort=slug&order=desc", "/browse/designers?sort=kind&order=desc", "/browse/collections?sort=year",
                      "/browse/collection_designers", "/browse/collection_designers?sort=designer", "/browse/collection_designers?sort=role&order=desc"])
    func pagesWalkBothWaysAlike(start: String) async throws {
        let web = try Self.fixture()
        let first = try await web.page(start + (start.contains("?") ? "&" : "?") + "limit=2")
        #expect(first.status == .ok)
        #expect(Self.link(first.body, "← First") == nil && Self.link(first.body, "← Previous") == nil)
        var forwards: [[String]] = [Self.rows(first.body)], page = first, pages = 0
        while let next = Self.link(page.body, "Next →"), pages < 50 {
            let following = try await web.page(next)
            #expect(following.status == .ok, "\(next)")
            // Back from here is the page just read.
            let back = try #require(Self.link(following.body, "← Previous"), "no Previous on \(next)")
            #expect(Self.rows(try await web.page(back).body) == forwards.last, "Previous of \(next)")
            #expect(Self.link(following.body, "← First") != nil)
            forwards.append(Self.rows(following.body))
            page = following
            pages += 1
        }
        #expect(Self.link(page.body, "Last →") == nil && forwards.count >= 3)
        let all = forwards.flatMap { $0 }
        #expect(Set(all).count == all.count, "a row shown twice")
        // From Last, backwards.
        var backwards: [String] = []
        page = try await web.page(try #require(Self.link(first.body, "Last →")))
        #expect(Self.link(page.body, "Next →") == nil && Self.link(page.body, "Last →") == nil)
        backwards = Self.rows(page.body)
        pages = 0
        while let previous = Self.link(page.body, "← Previous"), pages < 50 {
            page = try await web.page(previous)
            backwards = Self.rows(page.body) + backwards
            pages += 1
        }
        #expect(backwards == all, "\(start): backwards differs")
    }

    @Test func cursorsAreCheckedAndAPageAfterTheEndOffersFirstAndLast() async throws {
        let web = try Self.fixture()
        let end = try await web.page("/browse/designers?after=a6")
        #expect(end.status == .ok && Self.rows(end.body).isEmpty)
        #expect(Self.link(end.body, "← First") != nil && Self.link(end.body, "Last →") != nil)
        #expect(try await web.page("/browse/designers?after=nobody").status == .badRequest)
        #expect(try await web.page("/browse/designers?after=z1&before=z2").status == .badRequest)
        #expect(try await web.page("/browse/collection_designers?before=celine").status == .badRequest)
        // An order by slug alone pages from a slug that is gone, as it always did.
        #expect(try await web.page("/browse/designers?sort=slug&after=b").status == .ok)
    }

    /// The four museum files through Mappings/: 1,100 makers and 21,802 objects, walked whole through the API in
    /// name order: first letters never go back (IMA's lower-case titles among the others, not after Z), Édouard
    /// Bénédictus among the E, van Hopp among the V.
    @Test(.enabled(if: FacetPanelTests.museumAvailable, "skipped: ../shared/data/museum is absent (it is not part of this repository)"))
    func theMuseumArchiveBrowsesInReadingOrder() async throws {
        let web = try WebFixture { archive in
            for name in ["designers_makers", "cooperhewitt_fashion_textiles", "ima_fashion_costume", "footwear_subset"] {
                let mapping = try ImportMapping.load(FacetPanelTests.mappings.appendingPathComponent(name + ".json").path)
                _ = try Importer(archive: archive).run(try ImportFile.files(at: FacetPanelTests.museum.appendingPathComponent(name + ".csv").path, mapping: mapping))
            }
        }
        for (table, column) in [("designers", "name"), ("objects", "title")] {
            var names: [String] = [], after: String? = nil, total = 0
            repeat {
                let body = try await web.page("/api/lists/\(table)?limit=200" + (after.map { "&after=\($0)" } ?? "")).body
                let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                names += (json["rows"] as? [[String: Any]] ?? []).compactMap { $0[column] as? String }
                total = json["total"] as? Int ?? 0
                after = json["next_after"] as? String
            } while after != nil
            #expect(names.count == total)
            let initials = names.map { Self.readingKey($0).prefix(1) }
            let back = zip(initials, initials.dropFirst()).enumerated().first { $0.element.0 > $0.element.1 }
            #expect(back == nil, "\(table): \(back.map { "\(names[$0.offset]) before \(names[$0.offset + 1])" } ?? "")")
            if table == "designers" {
                let edouard = try #require(names.firstIndex { $0.hasPrefix("Édouard") })
                #expect(Self.readingKey(names[edouard - 1]) <= Self.readingKey(names[edouard]))
                #expect(Self.readingKey(names[edouard]) <= Self.readingKey(names[edouard + 1]) )
                #expect(Self.readingKey(names[names.firstIndex(of: "van Hopp") ?? 0]).hasPrefix("v"))
            } else {
                // IMA's "dress" and Cooper Hewitt's "Dress, …" side by side.
                #expect(names.contains("dress") && initials.firstIndex(of: "e")! > names.firstIndex(of: "dress")!)
            }
        }
        // The last page of objects, by Last, ends the walk.
        let last = try await web.page("/browse/objects?last=1")
        #expect(last.status == .ok && Self.link(last.body, "← Previous") != nil && Self.link(last.body, "Next →") == nil)
    }

    // MARK: - Reading pages

    /// A name as the test reads it: leading quotes and punctuation skipped, case and accents folded.
    static func readingKey(_ name: String) -> String {
        let trimmed = name.drop { !$0.isLetter && !$0.isNumber }
        return (trimmed.isEmpty ? Substring(name) : trimmed).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The body's table rows, each as its HTML.
    static func rows(_ body: String) -> [String] {
        guard let start = body.range(of: "<tbody>"), let end = body.range(of: "</tbody>", range: start.upperBound..<body.endIndex) else { return [] }
        return body[start.upperBound..<end.lowerBound].components(separatedBy: "</tr>").filter { $0.contains("<tr") }
    }

    /// The text of each row's cell `column` (0 is the first), tags removed, entities read.
    static func cells(_ body: String, column: Int) -> [String] {
        rows(body).map { row in
            let cells = row.components(separatedBy: "</td>")
            guard column < cells.count, let open = cells[column].range(of: "<td[^>]*>", options: .regularExpression) else { return "" }
            return unescape(cells[column][open.upperBound...].replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
        }
    }

    /// The address of the pager's link named `text`.
    static func link(_ body: String, _ text: String) -> String? {
        guard let nav = body.range(of: "<nav class=\"pager\""), let end = body.range(of: "</nav>", range: nav.upperBound..<body.endIndex) else { return nil }
        let pager = String(body[nav.lowerBound..<end.upperBound])
        guard let match = pager.range(of: "<a href=\"[^\"]*\"[^>]*>\(NSRegularExpression.escapedPattern(for: text))</a>", options: .regularExpression) else { return nil }
        let anchor = pager[match]
        let href = anchor.dropFirst("<a href=\"".count).prefix { $0 != "\"" }
        return unescape(String(href))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
