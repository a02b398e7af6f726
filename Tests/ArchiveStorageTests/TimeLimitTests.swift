// A time budget SQLite itself enforces: a statement past its deadline stops with SQLITE_INTERRUPT.
import ArchiveTestSupport
import ArchiveStorage
import Foundation
import Testing

@Suite struct TimeLimitTests {
    @Test func aStatementPastItsDeadlineIsInterrupted() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        // Counting to ten billion would take minutes.
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT count(*) FROM n"
        let started = Date()
        let error = try #require(throws: DatabaseError.self) {
            try db.withTimeLimit(0.05) { _ = try db.fetchOne(endless) as Int64? }
        }
        #expect(error.isInterruption)
        #expect(Date().timeIntervalSince(started) < 2)
        // The handler is gone afterwards, and the connection works on.
        #expect(try db.fetchOne("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT count(*) FROM n") == Int64(100_000))
        #expect(try db.withTimeLimit(10) { try db.fetchOne("SELECT 42") as Int64? } == 42)
        // Any Double is a limit: not finite or huge is none, negative is zero.
        for unlimited in [Double.infinity, .nan, 1e300] {
            #expect(try db.withTimeLimit(unlimited) { try db.fetchOne("SELECT 1") as Int64? } == 1)
        }
        let immediate = try #require(throws: DatabaseError.self) { try db.withTimeLimit(-1e20) { _ = try db.fetchOne(endless) as Int64? } }
        #expect(immediate.isInterruption)
    }

    /// A search's short limit inside a page's longer one: the outer limit is in force again afterwards (it was
    /// dropped, so everything after the first search ran without one), and an inner limit never extends it.
    @Test func anOuterLimitHoldsAgainAfterANestedOne() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT count(*) FROM n"
        let started = Date()
        let afterInner = try #require(throws: DatabaseError.self) {
            try db.withTimeLimit(0.2) {
                #expect(try db.withTimeLimit(5) { try db.fetchOne("SELECT 7") as Int64? } == 7)
                _ = try db.fetchOne(endless) as Int64?
            }
        }
        #expect(afterInner.isInterruption)
        #expect(Date().timeIntervalSince(started) < 3, "the outer 0.2 s limit stopped the statement, not the inner 5 s one")
        // An inner limit longer than the outer one does not extend it.
        let insideLonger = try #require(throws: DatabaseError.self) {
            try db.withTimeLimit(0.1) { try db.withTimeLimit(60) { _ = try db.fetchOne(endless) as Int64? } }
        }
        #expect(insideLonger.isInterruption)
        #expect(Date().timeIntervalSince(started) < 6)
        // And none is left once the outermost returns.
        #expect(try db.fetchOne("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT count(*) FROM n") == Int64(300_000))
    }
}
