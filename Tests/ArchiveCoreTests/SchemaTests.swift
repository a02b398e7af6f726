// The schema's rules hold in the database itself, whatever program writes to it.
import ArchiveTestSupport
import ArchiveCore
import ArchiveStorage
import Foundation
import Testing

@Suite struct SchemaTests {
    let folder: TemporaryFolder
    let db: Database

    init() throws {
        folder = try TemporaryFolder()
        db = try Archive(path: folder.path("archive.sqlite"), access: .write).database
        try db.executeScript("""
            INSERT INTO sources (slug, title, year) VALUES ('article', 'Balletcore article', 2025);
            INSERT INTO designers (slug, name, kind) VALUES ('repetto', 'Repetto', 'house');
            INSERT INTO designers (slug, name, kind) VALUES ('michael-rider', 'Michael Rider', 'person');
            INSERT INTO collections (slug, title, season, year) VALUES ('celine-ss-2026', 'Celine SS26', 'SS', 2026);
            INSERT INTO shoes (slug, name) VALUES ('zizi', 'Zizi');
            """)
    }

    /// The migrations compiled into the binary are exactly the files in Migrations/ (the plugin is not stale).
    @Test func theBinaryCarriesEveryMigrationFileAsItIs() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Migrations").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!files.isEmpty)
        #expect(Schema.migrations.map { $0.identifier + ".sql" } == files)
        for (file, migration) in zip(files, Schema.migrations) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(migration.sql == text, "\(file) differs from the embedded copy")
        }
        #expect(throws: Never.self) { try Schema.migrator() }
    }

    private func expectConstraint(_ sql: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: DatabaseError.self, sourceLocation: sourceLocation) { try db.execute(sql) }
        #expect(error?.codeName == name, "\(sql)", sourceLocation: sourceLocation)
    }

    @Test func slugsMustBeLowercaseWordsJoinedByHyphens() throws {
        for bad in ["Repetto", "re petto", "-repetto", "repetto-", "re--petto", "céline", "", "a_b"] {
            expectConstraint("INSERT INTO designers (slug, name, kind) VALUES ('\(bad)', 'X', 'house')", "SQLITE_CONSTRAINT_CHECK")
        }
        try db.execute("INSERT INTO designers (slug, name, kind) VALUES ('jw-anderson-2', 'JW Anderson', 'house')")
        expectConstraint("INSERT INTO designers (slug, name, kind) VALUES ('repetto', 'Again', 'house')", "SQLITE_CONSTRAINT_UNIQUE")
    }

    @Test func valuesMustHaveTheirTypeAndVocabulary() {
        expectConstraint("INSERT INTO collections (slug, title, year) VALUES ('x', 'X', 'nineteen')", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO collections (slug, title, year) VALUES ('x', 'X', 2026.5)", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO collections (slug, title, season) VALUES ('x', 'X', 'Summer')", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO collections (slug, title, season) VALUES ('x', 'X', 'unknown')", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO designers (slug, name, kind) VALUES ('x', 'X', 'brand')", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO designers (slug, name, kind, founded) VALUES ('x', 'X', 'person', 1947)", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO designers (slug, name, kind, active_from, active_to) VALUES ('x', 'X', 'person', 2000, 1990)", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO shoes (slug, name, description) VALUES ('x', 'X', '')", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO shoes (slug, name) VALUES ('x', NULL)", "SQLITE_CONSTRAINT_NOTNULL")
        expectConstraint("INSERT INTO icon_shoes (icon_id, shoe_id, relation) VALUES (1, 1, 'wore')", "SQLITE_CONSTRAINT_FOREIGNKEY")
    }

    @Test func relationsNeedBothEndsAndAKnownRole() throws {
        let collection = "(SELECT id FROM collections WHERE slug = 'celine-ss-2026')"
        let rider = "(SELECT id FROM designers WHERE slug = 'michael-rider')"
        try db.execute("INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (\(collection), \(rider), 'creative_director')")
        expectConstraint("INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (\(collection), \(rider), 'muse')", "SQLITE_CONSTRAINT_CHECK")
        expectConstraint("INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (\(collection), \(rider), 'creative_director')", "SQLITE_CONSTRAINT_PRIMARYKEY")
        expectConstraint("INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (999, \(rider), 'house')", "SQLITE_CONSTRAINT_FOREIGNKEY")
    }

    @Test func deletingARecordRemovesItsRelationsButACitedSourceStays() throws {
        try db.executeScript("""
            INSERT INTO shoe_designers (shoe_id, designer_id, role, source_id) VALUES (1, 1, 'maker', 1);
            INSERT INTO shoe_sources (shoe_id, source_id) VALUES (1, 1);
            """)
        // Migration 0005's trigger refuses first, in the words of a foreign key, saying what to do.
        let error = try #require(throws: DatabaseError.self) { try db.execute("DELETE FROM sources WHERE slug = 'article'") }
        #expect(error.message == "FOREIGN KEY constraint failed: this source is still cited; remove the citations first")
        try db.execute("DELETE FROM shoes WHERE slug = 'zizi'")
        #expect(try db.fetchOne("SELECT count(*) FROM shoe_designers") == Int64(0))
        #expect(try db.fetchOne("SELECT count(*) FROM shoe_sources") == Int64(0))
        #expect(try db.fetchOne("SELECT count(*) FROM designers") == Int64(2)) // the maker stays
        try db.execute("DELETE FROM sources WHERE slug = 'article'") // no longer cited
    }

    @Test func everyForeignKeyColumnIsIndexed() throws {
        let statement = try db.prepare("""
            SELECT m.name, f."from" FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table'
            """)
        var unindexed: [String] = []
        while let row = try statement.next() {
            let table = row.string(at: 0)!, column = row.string(at: 1)!
            let leading: Int64? = try db.fetchOne("""
                SELECT count(*) FROM pragma_index_list(?) AS l, pragma_index_info(l.name) AS i
                WHERE i.seqno = 0 AND i.name = ?
                """, [table, column])
            if leading == 0 { unindexed.append("\(table).\(column)") }
        }
        #expect(unindexed.isEmpty, "foreign keys without an index: \(unindexed)")
    }

    @Test func theCheckFindsABrokenReference() throws {
        let path = folder.path("archive.sqlite")
        try db.executeScript("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO shoe_designers (shoe_id, designer_id, role) VALUES (1, 404, 'maker');
            PRAGMA foreign_keys = ON;
            """)
        let problems = try IntegrityCheck().run(on: Archive(path: path, access: .read))
        #expect(problems.map(\.description) == ["foreign keys: shoe_designers row 1 refers to a missing row of designers"])
    }
}

/// Migration 0004 rewrites the vocabulary CHECKs as OR chains in sqlite_schema: the rules must be the same
/// rules, and an archive that has rows must come through it whole.
@Suite struct VocabularyCheckMigrationTests {
    @Test func everyVocabularyStillRefusesAnUnknownWordAndAcceptsItsOwn() throws {
        let folder = try TemporaryFolder()
        let db = try Archive(path: folder.path("archive.sqlite"), access: .write).database
        try db.executeScript("""
            INSERT INTO designers (slug, name, kind) VALUES ('repetto', 'Repetto', 'house'), ('rose', 'Rose Repetto', 'person');
            INSERT INTO collections (slug, title, season) VALUES ('c', 'C', NULL);
            INSERT INTO shoes (slug, name) VALUES ('zizi', 'Zizi');
            INSERT INTO icons (slug, name) VALUES ('serge', 'Serge Gainsbourg');
            """)
        let vocabularies: [(table: String, insert: (String) -> String, words: [String])] = [
            ("designers", { "INSERT INTO designers (slug, name, kind) VALUES ('v' || lower(hex('\($0)')), 'D', '\($0)')" }, ["house", "person"]),
            ("designer_affiliations", { "INSERT INTO designer_affiliations (person_id, house_id, role) VALUES (2, 1, '\($0)')" },
             ["founder", "creative_director", "designer", "collaborator"]),
            ("collections", { "INSERT INTO collections (slug, title, season) VALUES ('v' || lower(hex('\($0)')), 'C', '\($0)')" },
             ["SS", "AW", "Resort", "Pre-Fall", "Couture"]),
            ("collection_designers", { "INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (1, 1, '\($0)')" },
             ["house", "creative_director", "collaborator", "designer"]),
            ("shoe_designers", { "INSERT INTO shoe_designers (shoe_id, designer_id, role) VALUES (1, 1, '\($0)')" }, ["maker", "designer", "collaborator"]),
            ("icon_shoes", { "INSERT INTO icon_shoes (icon_id, shoe_id, relation) VALUES (1, 1, '\($0)')" },
             ["wore", "designed_for", "popularised", "muse", "inspired"]),
            ("icon_designers", { "INSERT INTO icon_designers (icon_id, designer_id, relation) VALUES (1, 1, '\($0)')" },
             ["wore", "designed_for", "popularised", "muse", "inspired", "collaborated"]),
        ]
        for vocabulary in vocabularies {
            let text: String = try #require(try db.fetchOne("SELECT sql FROM sqlite_schema WHERE name = ?", [vocabulary.table]))
            #expect(!text.contains(" IN ("), "\(vocabulary.table) still has an IN list")
            for bad in ["unknown", "House", "", "SS ", "wore; muse"] {
                let error = #expect(throws: DatabaseError.self) { try db.execute(vocabulary.insert(bad)) }
                #expect(error?.codeName == "SQLITE_CONSTRAINT_CHECK", "\(vocabulary.table) took \(bad.debugDescription)")
            }
            for word in vocabulary.words {
                try db.execute(vocabulary.insert(word))
            }
        }
        #expect(try db.fetchOne("SELECT count(*) FROM icon_designers") == Int64(6))
        #expect(try db.fetchOne("PRAGMA integrity_check") == "ok")
    }

    @Test func anArchiveWithRowsComesThroughWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("archive.sqlite")
        do { // an archive as the previous release left it: schema version 3, with rows
            let db = try Database(path: path)
            _ = try Migrator(migrations: Array(Schema.migrations.prefix(3))).migrate(db)
            try db.executeScript("""
                INSERT INTO designers (slug, name, kind) VALUES ('repetto', 'Repetto', 'house');
                INSERT INTO collections (slug, title, season, year) VALUES ('celine-ss-2026', 'Celine SS26', 'SS', 2026);
                INSERT INTO collection_designers (collection_id, designer_id, role) VALUES (1, 1, 'collaborator');
                """)
        }
        let archive = try Archive(path: path, access: .write)
        let db = archive.database
        #expect(try db.fetchOne("SELECT max(version) FROM schema_migrations") == Int64(Schema.migrations.count))
        #expect(try db.fetchOne("SELECT role FROM collection_designers") == "collaborator")
        #expect(try IntegrityCheck().run(on: archive).isEmpty)
        #expect(try db.fetchOne("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (''%'") == Int64(0))
        #expect(throws: DatabaseError.self) { try db.execute("UPDATE collection_designers SET role = 'muse'") }
    }
}

@Suite struct SlugTests {
    @Test(arguments: ["repetto", "celine-ss-2026", "a", "1970s", "jw-anderson"])
    func valid(_ slug: String) { #expect(Slug.isValid(slug)) }

    @Test(arguments: ["", "-a", "a-", "a--b", "A", "céline", "a b", "a_b", "a/b", "🩰"])
    func invalid(_ slug: String) { #expect(!Slug.isValid(slug)) }
}
