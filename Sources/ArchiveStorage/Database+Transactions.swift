// Transactions: `transaction { }` commits when the body returns and rolls back when it throws; a nested call
// becomes a savepoint, so an inner failure can be undone without losing the outer work.
import CSQLite

extension Database {
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at the first write: may fail with SQLITE_BUSY midway.
        case deferred = "DEFERRED"
        /// Takes the write lock at once (waiting up to the busy timeout): the right kind for writers.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction (or, when already in one, a savepoint) and returns its result.
    /// Any error thrown by `body` or by COMMIT rolls the work back and is rethrown.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try savepoint(body) }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT TRANSACTION")
            return result
        } catch {
            rollbackIfStillOpen()
            throw error
        }
    }

    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        transactionDepth += 1
        let name = "archive_savepoint_\(transactionDepth)"
        defer { transactionDepth -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            // > The ROLLBACK TO command reverts the state of the database back to what it was just after the
            // > corresponding SAVEPOINT. [It] does not cancel the transaction: RELEASE then drops the savepoint.
            if isInTransaction {
                try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(name)")
                try? execute("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
    }

    private func rollbackIfStillOpen() {
        // > If certain kinds of errors occur within a transaction, the transaction may or may not be rolled back
        // > automatically. (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM) — so ask before rolling back.
        guard isInTransaction else { return }
        try? execute("ROLLBACK TRANSACTION")
    }
}

extension Database {
    /// Runs `body` (which opens its own transaction) with foreign keys not enforced row by row: the caller checks
    /// them itself before it commits (`foreignKeyViolation(in:)`). The pragma is a no-op inside a transaction
    /// (sqlite.org/pragma.html#pragma_foreign_keys), so it is set around one; it is the connection's, never the file's.
    public func withForeignKeysCheckedByCaller<T>(_ body: () throws -> T) throws -> T {
        guard transactionDepth == 0 else { return try body() }
        try execute("PRAGMA foreign_keys = OFF")
        defer { try? execute("PRAGMA foreign_keys = ON") }
        return try body()
    }

    /// The first row of `table` whose foreign key names a missing row, as (rowid, parent table); nil when none does.
    public func foreignKeyViolation(in table: String) throws -> (rowid: Int64, parent: String)? {
        let statement = try prepare("SELECT rowid, parent FROM pragma_foreign_key_check(?) LIMIT 1")
        guard let row = try statement.rows([table]).next() else { return nil }
        return (row.int64(at: 0) ?? 0, row.string(at: 1) ?? "")
    }
}
