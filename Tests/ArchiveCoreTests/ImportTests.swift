// `archive import` of a user's files: formats, upserts, and every kind of bad input rejected with its place,
// leaving the archive exactly as it was.
import ArchiveCore
import ArchiveStorage
import Foundation
import Testing

@Suite struct ImportTests {
    let fixture: ArchiveFixture
    init() throws { fixture = try ArchiveFixture(seeded: true) }

    @Test func csvJSONAndNDJSONAllImport() throws {
        try fixture.write("designers.csv", "slug,name,kind,country\nchanel,Chanel,house,France\n")
        try fixture.write("icons.json", #"[{"slug": "audrey-hepburn", "name": "Audrey Hepburn", "occupation": "actress"}]"#)
        try fixture.write("icon_designers.ndjson", #"{"icon": "audrey-hepburn", "designer": "chanel", "relation": "wore"}"# + "\n")
        let report = try fixture.importPath(fixture.inputFolder)
        #expect(report.counts(for: "designers") == .init(table: "designers", added: 1, updated: 0, unchanged: 0))
        #expect(report.counts(for: "icons")?.added == 1)
        #expect(report.counts(for: "icon_designers")?.added == 1)
        #expect(try fixture.one("SELECT country FROM designers WHERE slug = 'chanel'") == "France")
    }

    @Test func aChangedFieldUpdatesInPlaceAndOthersStay() throws {
        let id: Int64? = try fixture.one("SELECT id FROM designers WHERE slug = 'repetto'")
        let name: String? = try fixture.one("SELECT name FROM designers WHERE slug = 'repetto'")
        try fixture.write("designers.csv", "slug,country\nrepetto,France\n")
        let report = try fixture.importPath(fixture.inputFolder)
        #expect(report.counts(for: "designers") == .init(table: "designers", added: 0, updated: 1, unchanged: 0))
        #expect(try fixture.one("SELECT country FROM designers WHERE slug = 'repetto'") == "France")
        #expect(try fixture.one("SELECT name FROM designers WHERE slug = 'repetto'") == name) // not in the file: kept
        #expect(try fixture.one("SELECT id FROM designers WHERE slug = 'repetto'") == id) // updated, not replaced
        // Relations that point at the record survived: it was never deleted.
        #expect(try fixture.one("SELECT count(*) FROM shoe_designers WHERE designer_id = ?", [id]) ?? 0 > Int64(0))
        #expect(try fixture.importPath(fixture.inputFolder).changedNothing)
    }

    @Test func nestedListsInJSONBecomeRelations() throws {
        try fixture.write("collections.json", """
            [{"slug": "chanel-couture-2024", "title": "Chanel Couture 2024", "season": "couture", "year": 2024,
              "designers": [{"designer": "chanel", "role": "house"}],
              "sources": [{"source": "museum-notes", "note": "p. 3"}]}]
            """)
        try fixture.write("designers.csv", "slug,name,kind\nchanel,Chanel,house\n")
        try fixture.write("sources.json", #"[{"slug": "museum-notes", "title": "Museum notes"}]"#)
        let report = try fixture.importPath(fixture.inputFolder)
        #expect(report.counts(for: "collection_designers")?.added == 1)
        #expect(report.counts(for: "collection_sources")?.added == 1)
        #expect(try fixture.one("SELECT season FROM collections WHERE slug = 'chanel-couture-2024'") == "Couture") // case folded to the vocabulary
        #expect(try fixture.one("SELECT note FROM collection_sources WHERE source_id = (SELECT id FROM sources WHERE slug = 'museum-notes')") == "p. 3")
    }

    @Test func dryRunReportsButWritesNothing() throws {
        let before = try fixture.dump()
        try fixture.write("designers.csv", "slug,name,kind\nchanel,Chanel,house\nrepetto,Repetto SA,house\n")
        let report = try fixture.importPath(fixture.inputFolder, dryRun: true)
        #expect(report.dryRun)
        #expect(report.counts(for: "designers") == .init(table: "designers", added: 1, updated: 1, unchanged: 0))
        #expect(try fixture.dump() == before)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        try fixture.write("designers.csv", Data([0xEF, 0xBB, 0xBF]) + Data("slug,name,kind\r\nchanel,Chanel,house\r\ndior,\"Christian\r\nDior\",house\r\n".utf8))
        try fixture.write("icons.ndjson", Data([0xEF, 0xBB, 0xBF]) + Data("{\"slug\":\"twiggy\",\"name\":\"Twiggy\"}\r\n".utf8))
        try fixture.importPath(fixture.inputFolder)
        #expect(try fixture.one("SELECT name FROM designers WHERE slug = 'chanel'") == "Chanel")
        #expect(try fixture.one("SELECT name FROM designers WHERE slug = 'dior'") == "Christian\r\nDior") // inside quotes: kept as is
        #expect(try fixture.one("SELECT name FROM icons WHERE slug = 'twiggy'") == "Twiggy")
    }

    @Test func identifiersStayText() throws {
        try fixture.write("sources.csv", "slug,title,notes\nmuseum-card,Accession card,0047\n")
        try fixture.write("icons.json", #"[{"slug": "x-1", "name": "X", "era": 1970}]"#)
        try fixture.importPath(fixture.inputFolder)
        #expect(try fixture.one("SELECT notes FROM sources WHERE slug = 'museum-card'") == "0047")
        #expect(try fixture.one("SELECT typeof(era) || ':' || era FROM icons WHERE slug = 'x-1'") == "text:1970")
    }

    @Test func hostileTextIsStoredLiterally() throws {
        let values = [
            "'); DROP TABLE designers; --",
            "Céline — “ballet” ‘flats’, 🩰 emoji, and a comma",
            "line one\nline two, \"quoted\"\r\nline three",
            "=HYPERLINK(\"http://example.com\")",
            String(repeating: "tulle ", count: 200_000), // 1.2 MB
        ]
        var csv = "slug,name,kind,description\n"
        for (index, value) in values.enumerated() {
            csv += "hostile-\(index),Name \(index),house,\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
        }
        try fixture.write("designers.csv", csv)
        try fixture.importPath(fixture.inputFolder)
        for (index, value) in values.enumerated() {
            #expect(try fixture.one("SELECT description FROM designers WHERE slug = ?", ["hostile-\(index)"]) == value)
        }
        #expect(try fixture.one("SELECT count(*) FROM designers WHERE slug = 'repetto'") == Int64(1)) // the table is still there
    }

    @Test(arguments: ["designers.csv", "designers.json", "designers.ndjson"])
    func anEmptyFileImportsNothing(name: String) throws {
        let before = try fixture.dump(excluding: ["imports"])
        try fixture.write(name, "")
        let report = try fixture.importPath(fixture.inputFolder)
        #expect(report.changedNothing)
        #expect(try fixture.dump(excluding: ["imports"]) == before)
    }

    @Test func aHeaderOnlyCSVAndAnEmptyArrayImportNothing() throws {
        try fixture.write("designers.csv", "slug,name,kind\n")
        try fixture.write("shoes.json", " [ ] \n")
        #expect(try fixture.importPath(fixture.inputFolder).changedNothing)
    }

    @Test func oneBadRowRollsBackTheWholeImport() throws {
        let before = try fixture.dump()
        var csv = "slug,name,kind\n"
        for index in 1...500 { csv += "house-\(index),House \(index),house\n" }
        csv += "house-501,House 501,maison\n"
        try fixture.write("designers.csv", csv)
        let problems = try fixture.problems(importing: fixture.inputFolder)
        #expect(problems == ["\(fixture.inputFolder)/designers.csv:502: kind: \"maison\" is not one of house, person"])
        #expect(try fixture.dump() == before)
    }

    @Test func problemsAreListedUpToFifty() throws {
        var csv = "slug,name,kind\n"
        for index in 1...80 { csv += "bad_\(index),Bad,house\n" }
        try fixture.write("designers.csv", csv)
        do {
            try fixture.importPath(fixture.inputFolder)
            Issue.record("the import should fail")
        } catch let failure as ImportFailure {
            #expect(failure.problems.count == 50)
            #expect(failure.truncated)
            #expect(failure.problems.first?.line == 2)
            #expect(failure.problems.last?.line == 51)
        }
    }

    @Test func keysInAnyOrderShareOneStatement() throws {
        let keys = ["slug", "name", "kind", "country", "description"]
        var lines: [String] = []
        for index in 0..<400 {
            let values = ["\"slug\": \"house-\(index)\"", "\"name\": \"House \(index)\"", "\"kind\": \"house\"",
                          "\"country\": \"France\"", "\"description\": \"d\""]
            var order = Array(values.indices)
            order.shuffle()
            lines.append("{" + order.map { values[$0] }.joined(separator: ", ") + "}")
        }
        #expect(keys.count == 5)
        try fixture.write("designers.ndjson", lines.joined(separator: "\n"))
        let before = fixture.db.cachedStatementCount
        try fixture.importPath(fixture.inputFolder)
        #expect(fixture.db.cachedStatementCount - before < 10) // not one statement per key order (120 orders)
        #expect(try fixture.one("SELECT count(*) FROM designers WHERE slug LIKE 'house-%'") == Int64(400))
    }

    @Test func rowsWithNegativeOrHugeIDsImport() throws {
        try fixture.db.execute("INSERT INTO designers (id, slug, name, kind) VALUES (-5, 'negative', 'N', 'house')")
        try fixture.db.execute("INSERT INTO designers (id, slug, name, kind) VALUES (1000000000000, 'huge', 'H', 'house')")
        try fixture.write("designers.csv", "slug,name,kind\nnegative,N2,house\nhuge,H2,house\nfresh,F,house\n")
        let report = try fixture.importPath(fixture.inputFolder)
        #expect(report.counts(for: "designers") == .init(table: "designers", added: 1, updated: 2, unchanged: 0))
        try fixture.write("designers.csv", "slug,name,kind\nhuge,H3,house\nhuge,H4,house\n")
        #expect(try fixture.problems(importing: fixture.inputFolder).first?.hasSuffix("the slug \"huge\" appears more than once in this import") == true)
    }

    @Test func aBadNestedParentIsReportedOnce() throws {
        try fixture.write("designers.ndjson", """
            {"slug": "chanel", "name": "Chanel", "kind": "maison", "sources": [{"source": "balletcore-derby-article-2025"}], "affiliations": [{"house": "repetto", "role": "designer"}]}
            {"slug": "dior", "name": "Dior", "kind": "house"}
            {"slug": "broken",
            """)
        let problems = try fixture.problems(importing: fixture.inputFolder).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        #expect(problems == [
            "designers.ndjson:1: record 1 (chanel): kind: \"maison\" is not one of house, person",
            "designers.ndjson:3: record 3: expected a key in quotes, found the end of the line",
        ])
    }

    @Test func aRecordMayBeUpdatedWithoutItsRequiredFieldsButNotCreated() throws {
        try fixture.write("designers.json", #"[{"slug": "repetto", "country": "France"}, {"slug": "newcomer", "country": "Japan"}]"#)
        let problems = try fixture.problems(importing: fixture.inputFolder)
        #expect(problems == [
            "\(fixture.inputFolder)/designers.json:1: record 2 (newcomer): name: is required but missing",
        ]) // (a designer's kind may be unknown since migration 0006)
    }
}
