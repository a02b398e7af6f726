// The error users paste into bug reports: code, name, SQLite's message and the SQL; arguments only on request.
import ArchiveTestSupport
import ArchiveStorage
import Testing

@Suite struct DatabaseErrorTests {
    @Test func uniqueViolationReadsLikeGRDB() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.execute("CREATE TABLE designers (slug TEXT NOT NULL UNIQUE)")
        let sql = "INSERT INTO designers (slug) VALUES (?)"
        try db.execute(sql, ["repetto"])
        let error = try #require(throws: DatabaseError.self) { try db.execute(sql, ["repetto"]) }
        #expect(error.extendedCode == 2067)
        #expect(error.primaryCode == 19)
        #expect(error.sql == sql)
        #expect(error.description == "SQLite error 19 (SQLITE_CONSTRAINT_UNIQUE): UNIQUE constraint failed: designers.slug - while executing `INSERT INTO designers (slug) VALUES (?)`")
        #expect(!error.description.contains("repetto"))
        #expect(error.verboseDescription.hasSuffix("with arguments ['repetto']"))
    }

    @Test func syntaxErrorsCarryTheSQL() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        let error = try #require(throws: DatabaseError.self) { try db.prepare("SELEC 1") }
        #expect(error.description == "SQLite error 1 (SQLITE_ERROR): near \"SELEC\": syntax error - while executing `SELEC 1`")
    }

    @Test func codesHaveNames() {
        #expect(ResultCode.name(of: 5) == "SQLITE_BUSY")
        #expect(ResultCode.name(of: 787) == "SQLITE_CONSTRAINT_FOREIGNKEY")
        #expect(ResultCode.name(of: 1299) == "SQLITE_CONSTRAINT_NOTNULL")
        #expect(ResultCode.name(of: 99_999).contains("unknown"))
        #expect(DatabaseError(extendedCode: 13).message == "database or disk is full")
    }
}
