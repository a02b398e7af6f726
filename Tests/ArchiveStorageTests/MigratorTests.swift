// Migrations apply once, in order, each with its bookkeeping row; edited and newer schemas are refused.
import ArchiveTestSupport
import ArchiveStorage
import Testing

@Suite struct MigratorTests {
    let folder: TemporaryFolder
    let v1 = Migration(version: 1, name: "core", sql: "CREATE TABLE designers (slug TEXT NOT NULL UNIQUE);")
    let v2 = Migration(version: 2, name: "shoes", sql: """
        CREATE TABLE shoes (slug TEXT NOT NULL UNIQUE);
        INSERT INTO shoes VALUES ('zizi');
        """)

    init() throws { folder = try TemporaryFolder() }

    private func tables(_ db: Database) throws -> [String?] {
        try db.fetchColumn("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    }

    @Test func appliesEachMigrationOnceAndRecordsIt() throws {
        let db = try folder.database()
        let migrator = try Migrator(migrations: [v2, v1])
        #expect(try migrator.migrate(db).map(\.version) == [1, 2])
        #expect(try migrator.migrate(db).isEmpty)
        #expect(try tables(db) == ["designers", "schema_migrations", "shoes"])
        #expect(try db.fetchOne("SELECT count(*) FROM shoes") == Int64(1)) // not inserted twice
        #expect(try db.fetchOne("PRAGMA user_version") == Int64(2))
        let statement = try db.prepare("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
        let row = try #require(try statement.next())
        #expect(row.int(at: 0) == 1)
        #expect(row.string(at: 1) == "core")
        #expect(row.string(at: 2) == v1.checksum)
        #expect(row.string(at: 3)?.hasSuffix("Z") == true)
        #expect(try migrator.status(of: db).map(\.state) == [.applied, .applied])
    }

    @Test func upgradesADatabaseAtAnOlderVersion() throws {
        let db = try folder.database()
        try Migrator(migrations: [v1]).migrate(db)
        try db.execute("INSERT INTO designers VALUES ('repetto')")
        let newer = try Migrator(migrations: [v1, v2])
        #expect(try newer.status(of: db).map(\.state) == [.applied, .pending])
        #expect(try newer.currentVersion(of: db) == 1)
        #expect(try newer.migrate(db).map(\.version) == [2])
        #expect(try newer.currentVersion(of: db) == 2)
        #expect(try db.fetchOne("SELECT slug FROM designers") == "repetto") // data kept
    }

    @Test func refusesAnEditedMigration() throws {
        let db = try folder.database()
        try Migrator(migrations: [v1]).migrate(db)
        let edited = Migration(version: 1, name: "core", sql: v1.sql + "\nCREATE INDEX x ON designers(slug);")
        let migrator = try Migrator(migrations: [edited, v2])
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect("\(error)".contains("migration 0001_core was changed after it was applied"))
        #expect(try tables(db) == ["designers", "schema_migrations"]) // v2 was not applied either
        #expect(try migrator.status(of: db).map(\.state) == [.edited, .pending])
    }

    @Test func refusesADatabaseFromANewerBinary() throws {
        let db = try folder.database()
        try Migrator(migrations: [v1, v2]).migrate(db)
        let older = try Migrator(migrations: [v1])
        let error = try #require(throws: MigrationError.self) { try older.migrate(db) }
        #expect("\(error)" == "this database is at schema version 2, newer than this binary knows (1): use a newer version of the program")
        #expect(throws: MigrationError.self) { try older.validate(db) }
    }

    @Test func aFailingMigrationIsRolledBackWhole() throws {
        let db = try folder.database()
        let broken = Migration(version: 2, name: "broken", sql: """
            CREATE TABLE shoes (slug TEXT);
            INSERT INTO nowhere VALUES (1);
            """)
        let migrator = try Migrator(migrations: [v1, broken])
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect("\(error)".contains("migration 0002_broken failed and was rolled back"))
        #expect("\(error)".contains("no such table: nowhere"))
        #expect(try tables(db) == ["designers", "schema_migrations"]) // v1 kept, no half of v2
        #expect(try migrator.currentVersion(of: db) == 1)
    }

    @Test func aMigrationThatBreaksForeignKeysIsRolledBack() throws {
        let db = try folder.database()
        let breaking = Migration(version: 2, name: "orphans", sql: """
            PRAGMA defer_foreign_keys = ON;
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent(id));
            INSERT INTO child VALUES (9);
            """)
        let migrator = try Migrator(migrations: [v1, breaking])
        #expect(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(try migrator.currentVersion(of: db) == 1)
    }

    @Test func statusReadsAReadOnlyDatabaseWithoutBookkeeping() throws {
        _ = try folder.database()
        let reader = try folder.database(mode: .readOnly)
        #expect(try Migrator(migrations: [v1]).status(of: reader).map(\.state) == [.pending])
    }

    @Test func readsVersionAndNameFromFileNames() {
        #expect(Migration(fileName: "0001_core.sql", sql: "")?.version == 1)
        #expect(Migration(fileName: "0012_full_text_search.sql", sql: "")?.name == "full_text_search")
        #expect(Migration(fileName: "0012_full_text_search.sql", sql: "")?.identifier == "0012_full_text_search")
        #expect(Migration(fileName: "core.sql", sql: "") == nil)
        #expect(Migration(fileName: "0001_core.txt", sql: "") == nil)
        #expect(Migration(fileName: "0000_zero.sql", sql: "") == nil)
        #expect(Migration(fileName: "0001_.sql", sql: "") == nil)
    }

    @Test func twoMigrationsWithOneVersionAreRefused() {
        #expect(throws: MigrationError.self) { try Migrator(migrations: [v1, Migration(version: 1, name: "again", sql: "")]) }
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func checksumsAreSHA256(text: String, digest: String) {
        #expect(Migration(version: 1, name: "x", sql: text).checksum == digest)
    }
}
