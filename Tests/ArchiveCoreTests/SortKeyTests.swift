// A record's sort_key (migration 0013) follows its name through every write: an import, a re-import that renames,
// an edit, the undo of each, and a write by another tool (SQL, as the sqlite3 CLI sends it). It stays out of the
// history's row images, so that an undo never writes it.
@testable import ArchiveCore
import ArchiveStorage
import Testing

@Suite struct SortKeyTests {
    private func key(_ slug: String, _ fixture: ArchiveFixture) throws -> String? {
        try fixture.db.fetchOne("SELECT sort_key FROM designers WHERE slug = ?", [slug])
    }

    @Test func importEditAndUndoKeepTheKeyRight() throws {
        let fixture = try ArchiveFixture()
        let newest = { () throws -> Int64 in try fixture.db.fetchOne("SELECT max(id) FROM changes") ?? 0 }
        try fixture.importPath(try fixture.write("designers.csv", "slug,name\nbenedictus,Édouard Bénédictus\nhopp,van Hopp\n"))
        let added = try newest()
        #expect(try key("benedictus", fixture) == "edouard benedictus")
        #expect(try key("hopp", fixture) == "van hopp")
        // A re-import that renames: quotes and brackets before the first letter do not count.
        try fixture.importPath(try fixture.write("designers.csv", "slug,name\nbenedictus,« Ångström » Ateliers\n"))
        let renamed = try newest()
        #expect(try key("benedictus", fixture) == "angstrom » ateliers")
        let edit = try RecordEdit.begin("benedictus", in: "designers", archive: fixture.archive)
        _ = try edit.apply(setting: [(field: "name", value: "\"Zoë\" Ørsted")], archive: fixture.archive, by: "test")
        #expect(try key("benedictus", fixture) == "zoe\" Ørsted")
        try Undo.run(on: fixture.archive, by: "test")
        #expect(try key("benedictus", fixture) == "angstrom » ateliers")
        try Undo.run(renamed, on: fixture.archive, by: "test")
        #expect(try key("benedictus", fixture) == "edouard benedictus")
        try Undo.run(added, on: fixture.archive, by: "test")
        #expect(try fixture.db.fetchOne("SELECT count(*) FROM designers WHERE slug = 'benedictus'") == Int64(0))
        // Another tool's SQL: no function of the archive's is needed to write, and the key follows.
        try fixture.db.execute("INSERT INTO designers (slug, name) VALUES ('other', 'Élan')")
        #expect(try key("other", fixture) == "elan")
        try fixture.db.execute("UPDATE designers SET name = '‘Quoted’ élan' WHERE slug = 'other'")
        #expect(try key("other", fixture) == "quoted’ elan")
        let logged: [String?] = try fixture.db.fetchColumn("SELECT name FROM pragma_table_info('designers')")
        #expect(!logged.contains("sort_key"))
    }
}
