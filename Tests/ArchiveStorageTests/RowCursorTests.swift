// A cursor resets its statement when done with it, in every path: no caller resets by hand, and a statement
// read only in part cannot keep its read lock.
import ArchiveTestSupport
import ArchiveStorage
import Testing

@Suite struct RowCursorTests {
    let db: Database
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        db = try folder.database() // rollback journal: a statement mid-read holds a lock that stops writers
        try db.execute("CREATE TABLE v (i INTEGER)")
        try db.execute("INSERT INTO v VALUES (1), (2), (3)")
    }

    @Test func aWriteIsNotBlockedAfterReadingOnlyPartOfTheRows() throws {
        let writer = try Database(path: folder.path("test.sqlite"), mode: .readWrite, busyTimeout: 0)
        let statement = try db.cachedStatement("SELECT i FROM v ORDER BY i")
        var rows: RowCursor? = statement.rows()
        #expect(try rows?.next()?.int(at: 0) == 1)
        // While the cursor is alive, the reader's lock is held: the overlap is certain.
        let error = try #require(throws: DatabaseError.self) { try writer.execute("INSERT INTO v VALUES (4)") }
        #expect(error.resultCode == .SQLITE_BUSY)
        rows = nil
        try writer.execute("INSERT INTO v VALUES (4)")
        #expect(try db.fetchOne("SELECT count(*) FROM v") == Int64(4))
    }

    @Test func aStatementReadToTheEndCanBeBoundAgain() throws {
        let statement = try db.prepare("SELECT i FROM v WHERE i >= ? ORDER BY i")
        let rows = try statement.rows([2])
        var seen: [Int?] = []
        while let row = try rows.next() { seen.append(row.int(at: 0)) }
        #expect(seen == [2, 3])
        #expect(try rows.next() == nil)
        // Binding a statement that was stepped and not reset is SQLITE_MISUSE.
        try statement.bind([3])
        #expect(try statement.rows().next()?.int(at: 0) == 3)
    }

    @Test func aStatementLeftMidReadIsResetWhenItsCursorGoes() throws {
        let statement = try db.prepare("SELECT i FROM v WHERE i >= ? ORDER BY i")
        do {
            let rows = try statement.rows([1])
            #expect(try rows.next()?.int(at: 0) == 1)
        }
        try statement.bind([2])
        #expect(try statement.rows().next()?.int(at: 0) == 2)
    }

    @Test func aRowKeepsItsCursorAndItsRunAlive() throws {
        let row = try #require(try db.cachedStatement("SELECT i, i * 10 FROM v ORDER BY i").rows().next())
        #expect(row.int(at: 0) == 1)
        #expect(row.int(at: 1) == 10)
    }

    @Test func anOlderCursorLeavesANewerRunAlone() throws {
        let statement = try db.cachedStatement("SELECT i FROM v ORDER BY i")
        var first: RowCursor? = statement.rows()
        #expect(try first?.next()?.int(at: 0) == 1)
        let second = statement.rows()
        #expect(try second.next()?.int(at: 0) == 1)
        let error = try #require(throws: DatabaseError.self) { try first?.next() }
        #expect(error.resultCode == .SQLITE_MISUSE)
        first = nil // must not reset the statement under `second`
        #expect(try second.next()?.int(at: 0) == 2)
        #expect(try second.next()?.int(at: 0) == 3)
    }

    @Test func aFailedRunIsResetAndTheStatementRunsAgain() throws {
        try db.execute("CREATE TABLE u (slug TEXT NOT NULL UNIQUE)")
        let insert = try db.prepare("INSERT INTO u VALUES (?)")
        try insert.execute(["repetto"])
        #expect(throws: DatabaseError.self) { try insert.execute(["repetto"]) }
        try insert.execute(["celine"])
        #expect(try db.fetchOne("SELECT count(*) FROM u") == Int64(2))
    }

    @Test func theDatabaseClosesAfterAHalfReadCachedStatement() throws {
        let path = folder.path("test.sqlite")
        do {
            let reader = try Database(path: path)
            let rows = try reader.cachedStatement("SELECT i FROM v").rows()
            _ = try rows.next()
            reader.close()
        }
        // Every lock of the closed connection is gone: an exclusive transaction can start at once.
        let writer = try Database(path: path, mode: .readWrite, busyTimeout: 0)
        try writer.transaction(.exclusive) { try writer.execute("DELETE FROM v") }
        #expect(try db.fetchOne("SELECT count(*) FROM v") == Int64(0))
    }
}
