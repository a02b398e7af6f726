// Opening archives: creating, upgrading, refusing what is not an archive.
import ArchiveTestSupport
import ArchiveCore
import ArchiveStorage
import Foundation
import Testing

@Suite struct ArchiveTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    @Test func writingCreatesTheFileWithTheWholeSchema() throws {
        let archive = try Archive(path: folder.path("archive.sqlite"), access: .write)
        let tables: [String?] = try archive.database.fetchColumn(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        for table in ["sources", "designers", "designer_affiliations", "collections", "collection_designers", "shoes",
                      "shoe_designers", "collection_shoes", "icons", "icon_shoes", "icon_designers", "designer_sources",
                      "collection_sources", "shoe_sources", "icon_sources", "schema_migrations"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(try archive.database.fetchOne("PRAGMA application_id") == Schema.applicationID)
        #expect(try archive.schemaVersion() == Schema.migrations.last?.version)
        #expect(try IntegrityCheck().run(on: archive).isEmpty)
    }

    @Test func openingAgainChangesNothing() throws {
        let path = folder.path("archive.sqlite")
        _ = try Archive(path: path, access: .write)
        let reopened = try Archive(path: path, access: .write)
        #expect(try reopened.database.fetchOne("SELECT count(*) FROM schema_migrations") == Int64(Schema.migrations.count))
        let reader = try Archive(path: path, access: .read)
        #expect(reader.database.isReadOnly)
    }

    @Test func readingAMissingArchiveSaysHowToCreateOne() throws {
        let error = try #require(throws: ArchiveError.self) { try Archive(path: folder.path("none.sqlite"), access: .read) }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("archive migrate"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }

    @Test func writingIntoAMissingDirectoryIsRefused() throws {
        let error = try #require(throws: ArchiveError.self) { try Archive(path: folder.path("no/such/dir/a.sqlite"), access: .write) }
        #expect(error.kind == .cannotWrite)
        #expect(error.message.hasSuffix("the directory \(folder.path("no/such/dir")) does not exist"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        let path = folder.path("notes.txt")
        let content = Data("Balletcore notes\n".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        for access in [Archive.Access.read, .write] {
            let error = try #require(throws: ArchiveError.self) { try Archive(path: path, access: access) }
            #expect(error.kind == .notAnArchive)
            #expect(error.message == "\(path) is not an SQLite database (file is not a database)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let path = folder.path("other.sqlite")
        do {
            let other = try Database(path: path)
            try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        }
        let error = try #require(throws: ArchiveError.self) { try Archive(path: path, access: .write) }
        #expect(error.kind == .notAnArchive)
        let other = try Database(path: path)
        #expect(try other.fetchOne("SELECT count(*) FROM sqlite_schema") == Int64(1)) // no archive tables added
    }

    @Test func aDirectoryIsNotAnArchive() throws {
        let error = try #require(throws: ArchiveError.self) { try Archive(path: folder.url.path, access: .read) }
        #expect(error.kind == .notAnArchive)
    }

    @Test func anArchiveFromANewerBinaryIsRefused() throws {
        let path = folder.path("archive.sqlite")
        do {
            let archive = try Archive(path: path, access: .write)
            try archive.database.execute(
                "INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 'x', '2030-01-01T00:00:00Z')")
        }
        for access in [Archive.Access.read, .write] {
            let error = try #require(throws: ArchiveError.self) { try Archive(path: path, access: access) }
            #expect(error.kind == .incompatibleSchema)
            #expect(error.message.contains("schema version 9999, newer than this binary knows"))
        }
    }

    @Test func anArchiveWithAnEditedMigrationIsRefused() throws {
        let path = folder.path("archive.sqlite")
        do {
            let archive = try Archive(path: path, access: .write)
            try archive.database.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        }
        let error = try #require(throws: ArchiveError.self) { try Archive(path: path, access: .write) }
        #expect(error.kind == .incompatibleSchema)
        #expect(error.message.contains("0001_core was changed after it was applied"))
    }
}
