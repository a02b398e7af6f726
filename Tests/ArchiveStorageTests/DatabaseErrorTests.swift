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
        #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        #expect(error.resultCode == .SQLITE_CONSTRAINT)
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
        #expect(ResultCode.SQLITE_CONSTRAINT_UNIQUE.name == "SQLITE_CONSTRAINT_UNIQUE")
        #expect(ResultCode(rawValue: 2067) == .SQLITE_CONSTRAINT_UNIQUE)
        #expect(DatabaseError(resultCode: .SQLITE_FULL).message == "database or disk is full")
    }

    @Test func aPrimaryCodeMatchesItsExtendedCodes() {
        let unique = ResultCode.SQLITE_CONSTRAINT_UNIQUE
        #expect(unique.primaryResultCode == .SQLITE_CONSTRAINT)
        #expect(ResultCode.SQLITE_CONSTRAINT ~= unique)
        #expect(!(ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY ~= unique))
        #expect(!(ResultCode.SQLITE_BUSY ~= unique))
        let matched = switch unique {
        case .SQLITE_CONSTRAINT_FOREIGNKEY: "foreign key"
        case .SQLITE_CONSTRAINT: "constraint"
        default: "other"
        }
        #expect(matched == "constraint")
    }

    @Test func errorsAreCaughtByTheirCode() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.execute("CREATE TABLE designers (slug TEXT NOT NULL UNIQUE)")
        try db.execute("INSERT INTO designers (slug) VALUES ('repetto')")
        var caught = ""
        do {
            try db.execute("INSERT INTO designers (slug) VALUES ('repetto')")
        } catch ResultCode.SQLITE_CONSTRAINT_NOTNULL {
            caught = "not null"
        } catch ResultCode.SQLITE_CONSTRAINT {
            caught = "constraint"
        } catch {
            caught = "other"
        }
        #expect(caught == "constraint")
        #expect(!(ResultCode.SQLITE_CONSTRAINT ~= CancellationError()))
    }
}
