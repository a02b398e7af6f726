// Migration 0011: homes for what museum files carry (classification, rights, place, tags with their ids, a
// maker's nationality and museum id), their rules, and the promises of 0005 for the new tables.
import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Testing

@Suite struct MuseumFieldsSchemaTests {
    @Test func museumFieldsAndTagsImportAndTheirRulesHold() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.write("institutions.csv", "slug,name\nmet,The Metropolitan Museum of Art\n")
        try fixture.write("designers.csv", "slug,name,kind,nationality,museum_id\nmet-worth,House of Worth,house,\"French, founded 1858\",16\n")
        try fixture.write("tags.csv", "slug,name,aat,wikidata\nwomen,Women,300025943,Q467\ndresses,Dresses,300046159,\n")
        try fixture.write("objects.csv", """
            slug,institution,title,classification,accession_year,wikidata,public_domain,rights,place,city,country,region
            met-1,met,Evening dress,Costume,1946,Q1234,1,,Paris,Paris,France,Île-de-France
            met-2,met,Gown,Costume,,,0,© Estate of someone,,,,

            """)
        try fixture.write("object_tags.csv", "object,tag\nmet-1,women\nmet-1,dresses\nmet-2,women\n")
        try fixture.importPath(fixture.inputFolder)
        #expect(try fixture.one("SELECT count(*) FROM object_tags JOIN tags ON tags.id = tag_id WHERE tags.slug = 'women'") == Int64(2))
        #expect(try fixture.one("SELECT region FROM objects WHERE slug = 'met-1'") == "Île-de-France")
        #expect(try fixture.one("SELECT public_domain FROM objects WHERE slug = 'met-2'") == Int64(0))
        #expect(try fixture.one("SELECT museum_id FROM designers WHERE slug = 'met-worth'") == "16")
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty)

        for bad in ["UPDATE objects SET public_domain = 2 WHERE slug = 'met-1'",
                    "UPDATE objects SET wikidata = 'q1234' WHERE slug = 'met-1'",
                    "UPDATE objects SET accession_year = 0 WHERE slug = 'met-1'",
                    "UPDATE objects SET rights = '' WHERE slug = 'met-1'",
                    "UPDATE tags SET aat = '500025943' WHERE slug = 'women'",
                    "UPDATE tags SET wikidata = 'Q' WHERE slug = 'women'",
                    "UPDATE tags SET id = 99 WHERE slug = 'women'",
                    "INSERT INTO object_tags (object_id, tag_id) SELECT object_id, tag_id FROM object_tags LIMIT 1",
                    "UPDATE designers SET nationality = '' WHERE slug = 'met-worth'"] {
            #expect(throws: DatabaseError.self, "\(bad)") { try fixture.db.execute(bad) }
        }
        // With foreign keys off (other tools), deleting an object or a tag takes its links along, and a cited
        // source cannot go.
        try fixture.db.execute("PRAGMA foreign_keys = OFF")
        try fixture.db.execute("DELETE FROM objects WHERE slug = 'met-1'")
        #expect(try fixture.one("SELECT count(*) FROM object_tags") == Int64(1))
        try fixture.db.execute("DELETE FROM tags WHERE slug = 'women'")
        #expect(try fixture.one("SELECT count(*) FROM object_tags") == Int64(0))
        try fixture.db.execute("INSERT INTO object_tags (object_id, tag_id, source_id) SELECT o.id, t.id, (SELECT min(id) FROM sources) FROM objects o, tags t")
        #expect(throws: DatabaseError.self) { try fixture.db.execute("DELETE FROM sources") }
    }
}
