// Migration 0006: institutions and their objects, trends and their lineage, life dates and authority ids.
import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Testing

@Suite struct ObjectsAndTrendsSchemaTests {
    @Test func objectsTrendsAndAuthoritiesImportAndTheirRulesHold() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.write("institutions.csv", "slug,name,city,country\nima,Indianapolis Museum of Art,Indianapolis,United States\n")
        try fixture.write("designers.csv", "slug,name,kind,born,died,wikidata,ulan,viaf\nchristian-dior,\"Dior, Christian\",,1905,1957,Q55462,500022435,34454848\n")
        try fixture.write("objects.csv", """
            slug,institution,accession_number,title,category,date_text,earliest_year,latest_year
            ima-1,ima,1976.123,Evening dress,garment,about 1950s,1945,1964
            ima-2,ima,TR-1,Bronze fibula,jewellery,Bronze age (ca. 1500 B.C.),-1510,-1490

            """)
        try fixture.write("object_makers.csv", "object,designer,role,qualifier\nima-1,christian-dior,Designer,\nima-1,repetto,Retailer,possibly\n")
        try fixture.write("trends.csv", "slug,name,era,earliest_year\nballet-in-fashion,Ballet's influence on fashion,since the 1830s,1830\nballetcore-test,Balletcore,2020s,2022\n")
        try fixture.write("trend_lineage.csv", "trend,ancestor,relation,source\nballetcore-test,ballet-in-fashion,derived_from,\n")
        try fixture.importPath(fixture.inputFolder)
        #expect(try fixture.one("SELECT role FROM object_makers WHERE qualifier = 'possibly'") == "retailer") // roles kept lowercase
        #expect(try fixture.one("SELECT kind IS NULL FROM designers WHERE slug = 'christian-dior'") == Int64(1)) // kind unknown
        #expect(try fixture.one("SELECT earliest_year FROM objects WHERE slug = 'ima-2'") == Int64(-1510))
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty)

        for bad in ["UPDATE designers SET wikidata = 'q55462' WHERE slug = 'christian-dior'",
                    "UPDATE designers SET wikidata = 'Q0' WHERE slug = 'christian-dior'",
                    "UPDATE designers SET ulan = '12345' WHERE slug = 'christian-dior'",
                    "UPDATE designers SET viaf = '34x' WHERE slug = 'christian-dior'",
                    "UPDATE objects SET category = 'jewelry' WHERE slug = 'ima-1'",
                    "UPDATE objects SET earliest_year = 1970 WHERE slug = 'ima-1'", // after latest_year
                    "INSERT INTO objects (slug, institution_id, accession_number, title) VALUES ('dup', 1, '1976.123', 'Same number')",
                    "INSERT INTO trend_lineage (trend_id, ancestor_id, relation) VALUES (1, 1, 'revival_of')",
                    "DELETE FROM institutions WHERE slug = 'ima'"] {
            #expect(throws: DatabaseError.self, "\(bad)") { try fixture.db.execute(bad) }
        }
        // With foreign keys off (other tools), deleting an object takes its makers along.
        try fixture.db.execute("PRAGMA foreign_keys = OFF")
        try fixture.db.execute("DELETE FROM objects WHERE slug = 'ima-1'")
        try fixture.db.execute("DELETE FROM trends WHERE slug = 'ballet-in-fashion'")
        try fixture.db.execute("PRAGMA foreign_keys = ON")
        #expect(try fixture.one("SELECT count(*) FROM object_makers") == Int64(0))
        #expect(try fixture.one("SELECT count(*) FROM trend_lineage") == Int64(0))
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty)
    }
}
