// Opening, configuring and closing connections on real files.
import ArchiveTestSupport
import ArchiveStorage
import Foundation
import Testing

@Suite struct DatabaseTests {
    @Test func createsTheFileAndConfiguresTheConnection() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        #expect(FileManager.default.fileExists(atPath: folder.path("test.sqlite")))
        #expect(try db.fetchOne("PRAGMA foreign_keys") == Int64(1))
        // Opening writes nothing to the file: the journal mode is the caller's choice.
        #expect(try db.fetchOne("PRAGMA journal_mode") == "delete")
        try db.enableWriteAheadLog()
        #expect(try db.fetchOne("PRAGMA journal_mode") == "wal")
        #expect(try db.fetchOne("PRAGMA synchronous") == Int64(1)) // NORMAL
        #expect(db.isReadOnly == false)
    }

    @Test func doubleQuotedStringLiteralsAreAnError() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.execute("CREATE TABLE t (name TEXT)")
        let error = try #require(throws: DatabaseError.self) { try db.execute("SELECT * FROM t WHERE name = \"a typo\"") }
        #expect(error.message.contains("no such column: a typo"))
    }

    @Test func foreignKeysAreEnforced() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.executeScript("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));
            """)
        let error = try #require(throws: DatabaseError.self) { try db.execute("INSERT INTO child VALUES (42)") }
        #expect(error.codeName == "SQLITE_CONSTRAINT_FOREIGNKEY")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAtOpen() throws {
        let folder = try TemporaryFolder()
        try Data("these are not the pages of a database, just a note\n".utf8).write(to: URL(fileURLWithPath: folder.path("note.sqlite")))
        let error = try #require(throws: DatabaseError.self) { try folder.database("note.sqlite") }
        #expect(error.resultCode == .SQLITE_NOTADB)
        #expect(error.codeName == "SQLITE_NOTADB")
    }

    @Test func aMissingDirectoryCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: DatabaseError.self) { try Database(path: folder.path("missing/archive.sqlite")) }
        #expect(error.resultCode == .SQLITE_CANTOPEN)
        #expect(error.message.contains("missing/archive.sqlite"))
    }

    @Test func readOnlyModeRefusesWrites() throws {
        let folder = try TemporaryFolder()
        do {
            let db = try folder.database()
            try db.execute("CREATE TABLE t (x INTEGER)")
        }
        let reader = try folder.database(mode: .readOnly)
        #expect(reader.isReadOnly)
        let error = try #require(throws: DatabaseError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
        #expect(error.resultCode == .SQLITE_READONLY)
    }

    @Test func readWriteModeDoesNotCreateAFile() throws {
        let folder = try TemporaryFolder()
        #expect(throws: DatabaseError.self) { try folder.database("absent.sqlite", mode: .readWrite) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("absent.sqlite")))
    }

    @Test func immutableModeReadsAPathThatNeedsEscaping() throws {
        let folder = try TemporaryFolder()
        let name = "odd ?#% näme.sqlite"
        do {
            let db = try folder.database(name)
            try db.execute("CREATE TABLE t (x INTEGER)")
            try db.execute("INSERT INTO t VALUES (7)")
        }
        let reader = try folder.database(name, mode: .immutable)
        #expect(try reader.fetchOne("SELECT x FROM t") == Int64(7))
    }

    @Test func aClosedConnectionThrowsMisuse() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        db.close()
        let error = try #require(throws: DatabaseError.self) { try db.execute("SELECT 1") }
        #expect(error.codeName == "SQLITE_MISUSE")
    }

    @Test func changesAndLastInsertRowID() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
        try db.execute("INSERT INTO t (x) VALUES (?)", [10])
        try db.execute("INSERT INTO t (x) VALUES (?)", [20])
        #expect(db.lastInsertRowID == 2)
        try db.execute("UPDATE t SET x = x + 1")
        #expect(db.changes == 2)
        #expect(db.totalChanges == 4)
    }

    @Test func scriptsRunEveryStatementAndNameTheOneThatFails() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.executeScript("""
            -- a comment first
            CREATE TABLE a (x INTEGER);
            INSERT INTO a VALUES (1);
            INSERT INTO a VALUES (2); -- trailing comment
            """)
        #expect(try db.fetchOne("SELECT sum(x) FROM a") == Int64(3))
        let error = try #require(throws: DatabaseError.self) {
            try db.executeScript("INSERT INTO a VALUES (3);\nINSERT INTO nowhere VALUES (4);\nINSERT INTO a VALUES (5);")
        }
        #expect(error.sql == "INSERT INTO nowhere VALUES (4);")
        #expect(try db.fetchOne("SELECT count(*) FROM a") == Int64(3)) // no transaction: the first ran, the third did not
    }

    @Test func aQueryOnlyConnectionRefusesWritesAndRemovesTheSideFilesItMadeWhenLast() throws {
        let folder = try TemporaryFolder()
        let writer = try folder.database()
        try writer.enableWriteAheadLog()
        try writer.execute("CREATE TABLE t (x)")
        writer.close()
        let sideFiles = { ["test.sqlite-wal", "test.sqlite-shm"].filter(folder.exists) }
        #expect(sideFiles().isEmpty)

        let reader = try folder.database(mode: .queryOnly)
        let other = try folder.database(mode: .readOnly)
        #expect(try reader.fetchOne("SELECT count(*) FROM t") == Int64(0))
        #expect(sideFiles() == ["test.sqlite-wal", "test.sqlite-shm"])
        let error = try #require(throws: DatabaseError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
        #expect(error.resultCode == .SQLITE_READONLY)
        // Not the last connection: the files stay for the other one.
        reader.close()
        #expect(sideFiles() == ["test.sqlite-wal", "test.sqlite-shm"])
        // A read-only connection closing last cannot take the lock that would let it remove them.
        other.close()
        #expect(sideFiles() == ["test.sqlite-wal", "test.sqlite-shm"])
        let last = try folder.database(mode: .queryOnly)
        _ = try last.fetchOne("SELECT count(*) FROM t") as Int64?
        last.close()
        #expect(sideFiles().isEmpty)
    }
}
