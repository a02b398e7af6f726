// The bundled seeds: the article's facts, cited, and loadable twice without change.
import ArchiveCore
import ArchiveStorage
import Testing

@Suite struct SeedsTests {
    let fixture: ArchiveFixture
    init() throws { fixture = try ArchiveFixture(seeded: true) }

    @Test func everyTableHasItsSeedsAndTheArchiveChecksClean() throws {
        for (table, minimum) in [("sources", 1), ("designers", 7), ("collections", 5), ("shoes", 6), ("icons", 4)] {
            let count: Int64 = try fixture.one("SELECT count(*) FROM \(table)") ?? 0
            #expect(count >= Int64(minimum), "\(table) has \(count) rows")
        }
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty)
    }

    @Test func theZiziShoeLinksToRepettoZiziJeanmaireAndGainsbourg() throws {
        let shoe = "(SELECT id FROM shoes WHERE slug = 'repetto-zizi')"
        let makers: [String?] = try fixture.db.fetchColumn(
            "SELECT d.name FROM shoe_designers sd JOIN designers d ON d.id = sd.designer_id WHERE sd.shoe_id = \(shoe) AND sd.role = 'maker'")
        #expect(makers == ["Repetto"])
        let icons: [String?] = try fixture.db.fetchColumn(
            "SELECT i.name || ':' || s.relation FROM icon_shoes s JOIN icons i ON i.id = s.icon_id WHERE s.shoe_id = \(shoe) ORDER BY i.name")
        #expect(icons == ["Serge Gainsbourg:wore", "Zizi Jeanmaire:designed_for"])
        #expect(try fixture.one("SELECT era FROM icons WHERE slug = 'serge-gainsbourg'") == "1970s")
    }

    @Test func celineSS26HasMichaelRiderAsCreativeDirector() throws {
        #expect(try fixture.one("SELECT season || ' ' || year FROM collections WHERE slug = 'celine-ss-2026'") == "SS 2026")
        let credits: [String?] = try fixture.db.fetchColumn("""
            SELECT d.slug || ':' || cd.role FROM collection_designers cd JOIN designers d ON d.id = cd.designer_id
            WHERE cd.collection_id = (SELECT id FROM collections WHERE slug = 'celine-ss-2026') ORDER BY d.slug
            """)
        #expect(credits == ["celine:house", "michael-rider:creative_director"])
        #expect(try fixture.one("SELECT year FROM collections WHERE slug = 'jacquemus-repetto-ss-2024'") == Int64(2024))
    }

    @Test func everyRecordAndRelationCitesItsSource() throws {
        for (table, links) in [("designers", "designer_sources"), ("collections", "collection_sources"),
                               ("shoes", "shoe_sources"), ("icons", "icon_sources")] {
            let key = String(links.prefix { $0 != "_" }) + "_id"
            let uncited: Int64? = try fixture.one("SELECT count(*) FROM \(table) WHERE id NOT IN (SELECT \(key) FROM \(links))")
            #expect(uncited == 0, "\(table) has records citing no source")
        }
        for relation in ["designer_affiliations", "collection_designers", "shoe_designers", "collection_shoes", "icon_shoes", "icon_designers"] {
            #expect(try fixture.one("SELECT count(*) FROM \(relation) WHERE source_id IS NULL") == Int64(0), "\(relation)")
        }
    }

    @Test func unknownFactsStayEmpty() throws {
        // The article gives no season or year for these runway showings, and no founding years at all.
        #expect(try fixture.one("SELECT count(*) FROM collections WHERE slug = 'ferragamo-balletcore-runway' AND season IS NULL AND year IS NULL") == Int64(1))
        #expect(try fixture.one("SELECT count(*) FROM designers WHERE founded IS NOT NULL") == Int64(0))
    }

    @Test func importingTheSeedsTwiceChangesNothing() throws {
        let before = try fixture.dump(excluding: ["imports"]) // the log gains a row: the import ran
        let report = try Importer(archive: fixture.archive).run(ImportFile.seeds())
        #expect(report.changedNothing)
        var rows: Int64 = 0
        for table in Tables.all { rows += try fixture.one("SELECT count(*) FROM \(table.name)") ?? 0 }
        #expect(Int64(report.unchanged) == rows) // every record and relation was seen, and none changed
        #expect(try fixture.dump(excluding: ["imports"]) == before)
        #expect(try fixture.one("SELECT count(*) FROM imports") == Int64(2))
    }
}
