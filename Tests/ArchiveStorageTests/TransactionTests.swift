// transaction { } commits or rolls back; nested calls are savepoints.
import ArchiveTestSupport
import ArchiveStorage
import Testing

private struct Abort: Error {}

@Suite struct TransactionTests {
    let db: Database
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        db = try folder.database()
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
    }

    private func count() throws -> Int64? { try db.fetchOne("SELECT count(*) FROM t") }

    /// A bulk load leaves foreign keys to its own check at the end; the connection enforces them again after,
    /// whether the body returns or throws, and the check finds a row that names a missing one.
    @Test func foreignKeysCheckedByTheCallerAreEnforcedAgainAfter() throws {
        try db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        try db.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))")
        let dangling: (rowid: Int64, parent: String)? = try db.withForeignKeysCheckedByCaller {
            try db.transaction {
                try db.execute("INSERT INTO child (id, parent_id) VALUES (7, 42)") // accepted: not checked row by row
                let violation = try db.foreignKeyViolation(in: "child")
                try db.execute("DELETE FROM child")
                return violation
            }
        }
        #expect(dangling?.rowid == 7)
        #expect(dangling?.parent == "parent")
        #expect(try db.fetchOne("PRAGMA foreign_keys") == Int64(1))
        #expect(throws: Abort.self) { try db.withForeignKeysCheckedByCaller { throw Abort() } }
        #expect(try db.fetchOne("PRAGMA foreign_keys") == Int64(1))
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO child (id, parent_id) VALUES (8, 42)") }
        #expect(try db.foreignKeyViolation(in: "child") == nil)
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let result = try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(db.isInTransaction)
            return "done"
        }
        #expect(result == "done")
        #expect(!db.isInTransaction)
        #expect(try count() == 1)
        // Visible to another connection: it was committed.
        let other = try folder.database()
        #expect(try other.fetchOne("SELECT count(*) FROM t") == Int64(1))
    }

    @Test func rollsBackAndRethrowsWhenTheBodyThrows() throws {
        try db.execute("INSERT INTO t VALUES (0)")
        #expect(throws: Abort.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try count() == 1)
    }

    @Test func rollsBackWhenAStatementFails() throws {
        #expect(throws: DatabaseError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (NULL)")
            }
        }
        #expect(try count() == 0)
    }

    @Test func aFailedSavepointKeepsTheOuterWork() throws {
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(throws: Abort.self) {
                try db.transaction {
                    try db.execute("INSERT INTO t VALUES (2)")
                    throw Abort()
                }
            }
            try db.transaction { try db.execute("INSERT INTO t VALUES (3)") }
        }
        #expect(try db.fetchColumn("SELECT x FROM t ORDER BY x") == [Int64(1), Int64(3)])
    }

    @Test func anOuterRollbackUndoesReleasedSavepoints() throws {
        #expect(throws: Abort.self) {
            try db.transaction {
                try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
                try db.transaction { try db.transaction { try db.execute("INSERT INTO t VALUES (2)") } }
                throw Abort()
            }
        }
        #expect(try count() == 0)
    }

    @Test func immediateTransactionsWaitForTheWriterThenFailBusy() throws {
        let other = try Database(path: folder.path("test.sqlite"), busyTimeout: 50)
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            let error = try #require(throws: DatabaseError.self) { try other.transaction { try other.execute("INSERT INTO t VALUES (2)") } }
            #expect(error.resultCode == .SQLITE_BUSY)
            // WAL: a reader is not blocked by the writer and sees the last committed state.
            #expect(try other.fetchOne("SELECT count(*) FROM t") == Int64(0))
        }
        #expect(try other.fetchOne("SELECT count(*) FROM t") == Int64(1))
    }
}
