// The rows of one run of a statement. The cursor resets its statement when it is done with it — after the last
// row, at an error, or when it and every row it gave are released — so that no caller writes
// `defer { statement.reset() }`, and a cached statement left half read cannot keep a read transaction open
// (GRDB's StatementCursor resets in its deinit for the same reason).

/// Rows read one at a time from a statement, without copying the result: `while let row = try rows.next() { … }`.
public final class RowCursor {
    let statement: Statement
    /// The statement's reset count when this run started: a later reset (another cursor, `cachedStatement`)
    /// ends this run, and the cursor then leaves the statement alone.
    private let run: Int
    private var isDone = false

    /// Starts reading `statement`, which has just been reset and bound.
    init(_ statement: Statement) {
        self.statement = statement
        run = statement.resetCount
    }

    deinit { finish() }

    /// The next row, or nil after the last. A row keeps its cursor alive: the statement is not reset under it.
    public func next() throws -> Row? {
        guard !isDone else { return nil }
        guard statement.resetCount == run else {
            isDone = true
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the statement was reset while a cursor read it", sql: statement.sql)
        }
        let hasRow: Bool
        do {
            hasRow = try statement.step()
        } catch {
            finish()
            throw error
        }
        guard hasRow else {
            finish()
            return nil
        }
        return Row(statement: statement, cursor: self)
    }

    private func finish() {
        if !isDone && statement.resetCount == run { statement.reset() }
        isDone = true
    }
}

@available(*, unavailable)
extension RowCursor: Sendable {}

extension Statement {
    /// Reads the statement from its first row, with the values bound now.
    public func rows() -> RowCursor {
        reset()
        return RowCursor(self)
    }

    /// Binds `arguments` (every parameter, in order), then reads the statement from its first row.
    public func rows(_ arguments: [any DatabaseValueConvertible]) throws -> RowCursor {
        reset()
        try bind(arguments)
        return RowCursor(self)
    }

    /// Runs the statement to completion with the values bound now, ignoring any rows, and resets it.
    public func execute() throws {
        defer { reset() }
        try run()
    }

    /// Binds `arguments` (every parameter, in order), runs the statement to completion and resets it.
    public func execute(_ arguments: [any DatabaseValueConvertible]) throws {
        reset()
        try bind(arguments)
        try execute()
    }
}
