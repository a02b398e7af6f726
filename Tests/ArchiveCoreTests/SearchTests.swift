// Full-text search on the seeds: expected hits and order, accents, hostile queries, and an index that follows
// every change.
@testable import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Testing

@Suite struct SearchTests {
    let fixture: ArchiveFixture
    let searcher: Searcher

    init() throws {
        fixture = try ArchiveFixture(seeded: true)
        searcher = Searcher(archive: fixture.archive)
    }

    private func slugs(_ text: String, in scopes: [SearchScope] = [.collections], filters: SearchFilters = SearchFilters()) throws -> [String] {
        try searcher.search(SearchQuery(text), in: scopes, filters: filters).map(\.slug)
    }

    @Test func tulleFindsSimoneRochaFirst() throws {
        #expect(try slugs("tulle").first == "simone-rocha-romantic-tulle")
    }

    @Test func derbyFindsCelineAndTheJacquemusRepettoCollaboration() throws {
        let hits = try slugs("derby")
        #expect(Set(hits.prefix(2)) == ["celine-ss-2026", "jacquemus-repetto-ss-2024"])
    }

    @Test func designerNamesFindTheirCollections() throws {
        #expect(try slugs("Rider") == ["celine-ss-2026"])
        #expect(try slugs("Michael Rider") == ["celine-ss-2026"])
        #expect(try slugs("Repetto").contains("jacquemus-repetto-ss-2024"))
    }

    @Test(arguments: ["celine", "céline", "CELINE", "CÉLINE", "Céline"])
    func accentsAndCaseDoNotMatter(_ text: String) throws {
        #expect(try slugs(text).first == "celine-ss-2026")
    }

    @Test func prefixesAndPhrases() throws {
        #expect(try slugs("balle*").count >= 4)
        #expect(try slugs("\"prima ballerinas\"") == ["simone-rocha-romantic-tulle"])
        #expect(try slugs("\"ballerinas prima\"").isEmpty)
        #expect(try slugs("tulle derby").isEmpty) // every word must appear
    }

    @Test func snippetsMarkTheMatches() throws {
        let hit = try #require(try searcher.search(SearchQuery("Rider"), in: [.collections]).first)
        #expect(hit.snippet.contains("[Rider]"))
        let bold = try #require(try searcher.search(SearchQuery("Rider"), in: [.collections], highlight: .bold).first)
        #expect(bold.snippet.contains("\u{1B}[1mRider\u{1B}[0m"))
    }

    @Test func filtersNarrowTheHits() throws {
        #expect(try slugs("derby", filters: SearchFilters(designer: "celine")) == ["celine-ss-2026"])
        #expect(try slugs("derby", filters: SearchFilters(year: 2024)) == ["jacquemus-repetto-ss-2024"])
        #expect(try slugs("derby", filters: SearchFilters(from: 2025, to: 2030)) == ["celine-ss-2026"])
        #expect(try slugs("ballet", filters: SearchFilters(season: .springSummer)) == ["jacquemus-repetto-ss-2024"])
        #expect(try slugs("ballet", filters: SearchFilters(designer: "nobody")).isEmpty)
    }

    @Test func limitAndOffsetPageThroughTheSameOrder() throws {
        let all = try slugs("balle*")
        let page = try searcher.search(SearchQuery("balle*"), in: [.collections], limit: 2, offset: 1).map(\.slug)
        #expect(page == Array(all.dropFirst().prefix(2)))
    }

    @Test func otherScopesAndAll() throws {
        #expect(try slugs("Gainsbourg", in: [.icons]).first == "serge-gainsbourg")
        #expect(try slugs("Jeanmaire", in: [.shoes]) == ["repetto-zizi"])
        #expect(try slugs("Rider", in: [.designers]).contains("michael-rider"))
        let kinds = Set(try searcher.search(SearchQuery("zizi"), in: SearchScope.allCases).map(\.kind))
        #expect(kinds == ["collection", "shoe", "designer", "icon"])
    }

    static let hostileQueries = [
        "\"", "\"\"", "\"\"\"", "*", "**", "a*b", "*ballet", "AND", "OR", "NOT", "ballet AND", "AND ballet", "NEAR(",
        "NEAR(ballet derby)", "ballet NEAR/2 derby", "title:", "title: ballet", "{title}: ballet", "-", "-ballet", "+ballet",
        "ballet -derby", ":", "^", "^ballet", "(", ")", "(ballet", "ballet)", "[", "'", "';", "'; DROP TABLE collections; --",
        "\"; DROP TABLE collections; --", "\\", "%", "_", "ballet\"derby", "\"unbalanced phrase", "🩰", "👞 ballet 🩰",
        "\u{0}", "ballet\u{0}", "\t\n", "  ballet  ", "—", "“ballet”", "ｂａｌｌｅｔ", String(repeating: "tulle ", count: 2_000),
        String(repeating: "x", count: 10_000), String(repeating: "\"", count: 1_001), "rowid", "collections_fts", "* AND *",
    ]

    @Test(arguments: hostileQueries)
    func hostileTextNeverBreaksASearch(_ text: String) throws {
        let query: SearchQuery
        do {
            query = try SearchQuery(text)
        } catch {
            #expect(error == .emptyQuery) // only blank text (white space and control characters) is refused
            #expect(!text.unicodeScalars.contains { !$0.properties.isWhitespace && $0.value >= 0x20 })
            return
        }
        _ = try searcher.search(query, in: SearchScope.allCases)
        _ = try searcher.facets(query, in: SearchScope.allCases)
        #expect(try fixture.one("SELECT count(*) FROM collections") == Int64(5))
    }

    @Test func rawMatchSyntaxErrorsAreSearchErrors() throws {
        #expect(throws: SearchError.self) { try searcher.search(SearchQuery(match: "NEAR("), in: [.collections]) }
        #expect(try searcher.search(SearchQuery(match: "title: tulle"), in: [.collections]).map(\.slug) == ["simone-rocha-romantic-tulle"])
    }

    @Test func queriesTranslateToQuotedTerms() throws {
        #expect(try SearchQuery("ballet  derby").expression == "\"ballet\" AND \"derby\"")
        #expect(try SearchQuery("balle* \"flat derby\"").expression == "\"balle\"* AND \"flat derby\"")
        #expect(try SearchQuery("say \"\"hi").expression == "\"say\" AND \"hi\"")
        #expect(try SearchQuery("a\"b").expression == "\"a\" AND \"b\"")
        #expect(try SearchQuery("🩰 —").expression == nil)
        #expect(throws: SearchError.emptyQuery) { try SearchQuery("   ") }
    }

    @Test func onlyPrefixesTheIndexDoesNotKeepAreUnindexed() throws {
        #expect(try !SearchQuery("ballet derby").hasUnindexedPrefix)
        #expect(try !SearchQuery("bal*").hasUnindexedPrefix)
        #expect(try !SearchQuery("\"flat bal\"* tulle").hasUnindexedPrefix) // the prefix is the phrase's last word
        #expect(try SearchQuery("balle*").hasUnindexedPrefix)
        #expect(try SearchQuery("ba*").hasUnindexedPrefix)
        #expect(try SearchQuery("tulle balle*").hasUnindexedPrefix)
        #expect(try SearchQuery("t-sh*").hasUnindexedPrefix) // "t" then the prefix "sh"
        #expect(try SearchQuery(match: "title: ba*").hasUnindexedPrefix)
        #expect(try !SearchQuery(match: "title: ballet").hasUnindexedPrefix)
    }
}

@Suite struct SearchIndexTests {
    private func expectIndexSound(_ fixture: ArchiveFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try IntegrityCheck().run(on: fixture.archive)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    private func slugs(_ fixture: ArchiveFixture, _ text: String, in scope: SearchScope = .collections) throws -> [String] {
        try Searcher(archive: fixture.archive).search(SearchQuery(text), in: [scope]).map(\.slug)
    }

    @Test func updatesAndDeletesAreFollowed() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.db.execute("UPDATE collections SET description = 'Organza and satin only' WHERE slug = 'simone-rocha-romantic-tulle'")
        #expect(try slugs(fixture, "organza") == ["simone-rocha-romantic-tulle"])
        #expect(try slugs(fixture, "dreamlike").isEmpty)
        try fixture.db.execute("DELETE FROM collections WHERE slug = 'celine-ss-2026'")
        #expect(try slugs(fixture, "Rider").isEmpty)
        try expectIndexSound(fixture)
    }

    @Test func aDesignerRenameReachesEveryIndexThatShowsIt() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.db.execute("UPDATE designers SET name = 'Maison Repettö' WHERE slug = 'repetto'")
        #expect(try slugs(fixture, "repetto").contains("jacquemus-repetto-ss-2024")) // still in the title
        #expect(try slugs(fixture, "maison") == ["jacquemus-repetto-ss-2024"])
        #expect(try slugs(fixture, "repettö", in: .shoes).contains("repetto-zizi"))
        #expect(try slugs(fixture, "maison", in: .icons).contains("serge-gainsbourg"))
        try expectIndexSound(fixture)
    }

    @Test func relationsAddedAndRemovedAreFollowed() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.write("icon_shoes.csv", "icon,shoe,relation\nalexa-chung,berluti-ballet-sneaker,wore\n")
        try fixture.importPath(fixture.inputFolder)
        #expect(try slugs(fixture, "Alexa", in: .shoes).contains("berluti-ballet-sneaker"))
        try fixture.db.execute("DELETE FROM icon_shoes WHERE shoe_id = (SELECT id FROM shoes WHERE slug = 'berluti-ballet-sneaker')")
        #expect(try !slugs(fixture, "Alexa", in: .shoes).contains("berluti-ballet-sneaker"))
        try expectIndexSound(fixture)
    }

    @Test func aBulkImportRebuildsTheIndexOnce() throws {
        let fixture = try ArchiveFixture(seeded: true)
        var csv = "slug,title,year,description\n"
        for index in 0..<300 { csv += "bulk-\(index),Bulk \(index),\(1990 + index % 30),Organza study number \(index)\n" }
        try fixture.write("collections.csv", csv)
        let schemaBefore: [String] = try fixture.column("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
        let report = try Importer(archive: fixture.archive).run(
            ImportFile.files(at: fixture.inputFolder), options: ImportOptions(bulkLoad: .always))
        #expect(report.counts(for: "collections")?.added == 300)
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty) // every trigger back, as the migrations made it
        // The secondary indexes dropped for the load are back, word for word.
        #expect(try fixture.column("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name") == schemaBefore)
        #expect(try fixture.one("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'collections_year'") == 1)
        #expect(try Searcher(archive: fixture.archive).search(SearchQuery("organza"), in: [.collections], limit: 1000).count == 300)
        #expect(try slugs(fixture, "Rider") == ["celine-ss-2026"]) // rows from before are still indexed
        try expectIndexSound(fixture)
    }

    /// A word in more rows than `exactScoringLimit` is ranked column by column: title matches first, then the
    /// lighter columns, never a hit twice, and the page still filled when the title tier runs short.
    @Test func aCommonWordIsRankedTitleFirstWithoutScoringEveryMatch() throws {
        let fixture = try ArchiveFixture(seeded: true)
        var csv = "slug,title,keywords,description\n"
        for index in 0..<60 { csv += "plain-\(index),Study \(index),,A long description of organza number \(index) and tulle\n" }
        for index in 0..<3 { csv += "titled-\(index),Organza \(index),,Pleats\n" }
        for index in 0..<4 { csv += "keyed-\(index),Look \(index),organza,Pleats\n" }
        try fixture.write("collections.csv", csv)
        try fixture.importPath(fixture.inputFolder)
        var automatic = Searcher(archive: fixture.archive)
        automatic.exactScoringLimit = 10
        automatic.tierScoringLimit = 5
        var exact = Searcher(archive: fixture.archive)
        exact.ranking = .exact
        let query = try SearchQuery("organza")
        let hits = try automatic.search(query, in: [.collections], limit: 20).map(\.slug)
        let exactHits = try exact.search(query, in: [.collections], limit: 20).map(\.slug)
        #expect(hits.count == 20)
        #expect(Set(hits).count == 20)
        #expect(Array(hits.prefix(3)).sorted() == ["titled-0", "titled-1", "titled-2"])
        #expect(Array(hits[3..<7]).sorted() == ["keyed-0", "keyed-1", "keyed-2", "keyed-3"])
        #expect(hits.allSatisfy { $0.hasPrefix("titled-") || $0.hasPrefix("keyed-") || $0.hasPrefix("plain-") })
        // Exact bm25 agrees on what comes first here; the two differ only in which plain rows fill the page.
        #expect(Array(exactHits.prefix(7)) == Array(hits.prefix(7)))
        // Paging through every match finds each row once, past the end of every tier.
        var paged: [String] = []
        for offset in stride(from: 0, to: 80, by: 10) {
            paged += try automatic.search(query, in: [.collections], limit: 10, offset: offset).map(\.slug)
        }
        #expect(paged.count == 67)
        #expect(Set(paged).count == 67)
    }

    @Test(arguments: ["organ*", "org*", "organza", "or*"])
    func hitsAndSnippetsAreThoseOfSQLitesOwnBm25Query(_ text: String) throws {
        // Unindexed prefixes (organ*, or*) take their snippets from one pass over the index, the others from
        // one lookup per hit: both must give what a plain FTS5 query gives. Rows spread over the rowids, with
        // non-matching rows between, so that the pass has rows to skip.
        let fixture = try ArchiveFixture(seeded: true)
        var csv = "slug,title,keywords,description\n"
        for index in 0..<40 {
            let word = ["organza", "organic", "organdie", "orchid", "plain"][index % 5]
            csv += "look-\(index),Look \(index) \(index % 7 == 0 ? word : ""),\(index % 3 == 0 ? word : ""),A \(word) dress with \(index) pleats\n"
        }
        try fixture.write("collections.csv", csv)
        try fixture.importPath(fixture.inputFolder)
        let query = try SearchQuery(text)
        let expression = try #require(query.expression)
        let hits = try Searcher(archive: fixture.archive).search(query, in: [.collections], limit: 100)
        let weights = SearchScope.collections.weights.map { String($0) }.joined(separator: ", ")
        let statement = try fixture.archive.database.prepare("""
            SELECT c.slug || ' ' || snippet(collections_fts, -1, '[', ']', '…', 16) FROM collections_fts
            JOIN collections c ON c.id = collections_fts.rowid WHERE collections_fts MATCH ?
            ORDER BY bm25(collections_fts, \(weights)), c.slug
            """)
        try statement.bind([expression])
        var expected: [String] = []
        while let row = try statement.next() { expected.append(row.string(at: 0) ?? "") }
        #expect(expected.count >= 8)
        #expect(hits.map { "\($0.slug) \($0.snippet)" } == expected)
    }

    @Test func onlyALargeImportIntoASmallerArchiveIsABulkLoad() {
        let policy = BulkLoadPolicy.automatic
        #expect(policy.applies(inputBytes: 4 << 20, archiveBytes: 0))
        #expect(!policy.applies(inputBytes: (4 << 20) - 1, archiveBytes: 0))
        #expect(policy.applies(inputBytes: 100 << 20, archiveBytes: 800 << 20))
        #expect(!policy.applies(inputBytes: 100 << 20, archiveBytes: 1700 << 20)) // rebuilding 1.7 GB costs more
        #expect(BulkLoadPolicy.always.applies(inputBytes: 0, archiveBytes: 1 << 40))
        #expect(!BulkLoadPolicy.never.applies(inputBytes: 1 << 40, archiveBytes: 0))
    }

    /// A bulk load checks the foreign keys of the tables it writes once, at the end: a row that names a missing
    /// record (here made by a trigger behind the import's back) fails the import and leaves the archive as it was.
    @Test func aBulkImportChecksForeignKeysBeforeItCommits() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.write("collection_designers.csv", "collection,designer,role\nferragamo-balletcore-runway,jw-anderson,collaborator\n")
        _ = try Importer(archive: fixture.archive).run(ImportFile.files(at: fixture.inputFolder), options: ImportOptions(bulkLoad: .always))
        #expect(try fixture.one("PRAGMA foreign_keys") == Int64(1))
        try fixture.db.execute("""
            CREATE TEMP TRIGGER dangling AFTER INSERT ON main.collection_designers WHEN NEW.role = 'designer'
            BEGIN INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (NEW.collection_id, 999999, 'house'); END
            """)
        let before = try fixture.dump()
        try fixture.write("collection_designers.csv", "collection,designer,role\nferragamo-balletcore-runway,simone-rocha,designer\n")
        let error = #expect(throws: (any Error).self) {
            try Importer(archive: fixture.archive).run(ImportFile.files(at: fixture.inputFolder), options: ImportOptions(bulkLoad: .always))
        }
        #expect(String(describing: error).contains("collection_designers row"))
        #expect(try fixture.dump() == before)
        #expect(try fixture.one("PRAGMA foreign_keys") == Int64(1))
    }

    @Test func aFailedBulkImportLeavesTheIndexAsItWas() throws {
        let fixture = try ArchiveFixture(seeded: true)
        let before = try fixture.dump()
        try fixture.write("collections.csv", "slug,title,year\nfine,Fine,2000\nbroken,Broken,year\n")
        #expect(throws: ImportFailure.self) {
            try Importer(archive: fixture.archive).run(ImportFile.files(at: fixture.inputFolder), options: ImportOptions(bulkLoad: .always))
        }
        #expect(try fixture.dump() == before)
        try expectIndexSound(fixture)
    }

    @Test func theCheckFindsAStaleIndex() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.db.execute("DROP TRIGGER collections_fts_update")
        try fixture.db.execute("UPDATE collections SET title = 'Renamed' WHERE slug = 'celine-ss-2026'")
        let problems = try IntegrityCheck().run(on: fixture.archive).map(\.description)
        #expect(problems.contains("schema: trigger collections_fts_update is missing (it was dropped by another tool?)"))
        #expect(problems.contains("search: collections_fts: 1 records are missing or out of date"))
    }
}

@Suite struct SearchQueryFuzzFindings {
    /// Found by fuzz-query: a quote followed by a combining mark is one Swift Character but still a quote to
    /// FTS5; splitting and escaping by Character left it unescaped ("unterminated string").
    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        let fixture = try ArchiveFixture(seeded: true)
        for text in ["a\"\u{0596}b", "\"\u{0301}", "tulle\"\u{0596} \"ballet\u{0301}\"", "x\"\u{0596}\"\u{0596}y"] {
            let query = try SearchQuery(text)
            _ = try Searcher(archive: fixture.archive).search(query, in: SearchScope.allCases)
        }
        #expect(try SearchQuery("a\"\u{0596}b").expression == "\"a\" AND \"\u{0596}b\"")
    }
}
