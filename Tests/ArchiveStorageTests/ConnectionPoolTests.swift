// The pool lends each connection to one borrower at a time, makes a borrower wait (or give up, when it bounds
// its wait) while every connection is out, and takes a connection back when its lease is released or dropped.
import ArchiveTestSupport
import ArchiveStorage
import Dispatch
import Testing

@Suite struct ConnectionPoolTests {
    let folder: TemporaryFolder
    let pool: ConnectionPool<Database>

    init() throws {
        folder = try TemporaryFolder()
        try folder.database().execute("CREATE TABLE v (i INTEGER)")
        let path = folder.path("test.sqlite")
        pool = try ConnectionPool(capacity: 2) { try Database(path: path, mode: .readOnly) }
    }

    @Test func eachLeaseHasAConnectionOfItsOwn() throws {
        let first = try #require(pool.borrow())
        let second = try #require(pool.borrow())
        let a = try #require(first.connection), b = try #require(second.connection)
        #expect(a !== b)
        #expect(try a.fetchOne("SELECT count(*) FROM v") == Int64(0))
        #expect(pool.capacity == 2)
    }

    @Test func aBoundedWaitGivesUpWhileEveryConnectionIsOut() throws {
        let first = try #require(pool.borrow())
        let second = try #require(pool.borrow())
        #expect(pool.borrow(waiting: 0.05) == nil)
        let connection = second.connection
        second.release()
        let again = try #require(pool.borrow(waiting: 0.05))
        #expect(again.connection === connection)
        _ = first
    }

    @Test func aReleasedLeaseHasNoConnectionAndReleasesOnce() throws {
        let lease = try #require(pool.borrow())
        lease.release()
        lease.release() // no second connection given back: the pool still holds two
        #expect(lease.connection == nil)
        let held = [pool.borrow(waiting: 0), pool.borrow(waiting: 0)]
        #expect(held.allSatisfy { $0 != nil })
        #expect(pool.borrow(waiting: 0) == nil)
    }

    @Test func aDroppedLeaseGivesItsConnectionBack() throws {
        for _ in 0..<5 {
            let lease = try #require(pool.borrow(waiting: 0))
            #expect(lease.connection != nil)
        }
        #expect(pool.borrow(waiting: 0) != nil)
    }

    @Test func aWaitingBorrowerGetsTheConnectionGivenBack() throws {
        let pool = try ConnectionPool(capacity: 1) { try Database(path: folder.path("test.sqlite"), mode: .readOnly) }
        let held = try #require(pool.borrow())
        let started = DispatchSemaphore(value: 0), borrowed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            started.signal()
            let lease = pool.borrow() // waits without bound
            if lease?.connection != nil { borrowed.signal() }
        }
        started.wait()
        // While the one connection is out, the other side cannot have it, however long it waits.
        #expect(borrowed.wait(timeout: .now() + 0.2) == .timedOut)
        held.release()
        #expect(borrowed.wait(timeout: .now() + 10) == .success)
    }
}
