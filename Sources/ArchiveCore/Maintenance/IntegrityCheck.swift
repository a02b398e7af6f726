// `archive check`: asks SQLite whether the file is sound, every reference resolves, the schema is the one the
// migrations create, and the full-text indexes hold exactly what their records say. It only reads: every
// check but FTS5's own runs in one read transaction (a snapshot), so a writer neither blocks it nor changes
// what it sees halfway.
import ArchiveStorage

public struct IntegrityCheck: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// Which check found it: "integrity", "foreign keys", "schema", "search".
        public let check: String
        public let detail: String
        public var description: String { "\(check): \(detail)" }
        public var json: String { "{\"check\":\(JSONText.quoted(check)),\"detail\":\(JSONText.quoted(detail))}" }
    }

    public struct Report: Sendable {
        public let problems: [Problem]
        /// Checks that could not run now, and why (not problems of the archive).
        public let skipped: [String]
    }

    public init() {}

    /// Runs every check and returns the problems found (none means the archive is sound).
    public func run(on archive: Archive) throws -> [Problem] { try report(on: archive).problems }

    /// Every check's findings; a file too damaged to be checked is an ArchiveError, not a problem found.
    public func report(on archive: Archive) throws -> Report {
        do {
            return try checkedReport(on: archive)
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    private func checkedReport(on archive: Archive) throws -> Report {
        let db = archive.database
        var problems: [Problem] = try db.transaction(.deferred) {
            var problems: [Problem] = []
            do {
                try Schema.migrator().validate(db)
            } catch let error as MigrationError {
                problems.append(Problem(check: "schema", detail: error.description))
            }
            problems += try SchemaComparison.differences(db)
            problems += try integrityProblems(db)
            problems += try foreignKeyProblems(db)
            problems += try SearchIndex.problems(db)
            problems += try MediaCheck.problems(db)
            return problems
        }
        var skipped: [String] = []
        switch try ftsIntegrityProblems(archive) {
        case .checked(let found): problems += found
        case .skipped(let why): skipped.append("FTS5's own integrity check of the search indexes was skipped: \(why)")
        }
        return Report(problems: problems, skipped: skipped)
    }

    private enum FTSOutcome { case checked([Problem]), skipped(String) }

    /// FTS5's own check is an INSERT command, so it needs a writable connection and the write lock (in a
    /// transaction that is rolled back: it changes nothing). It never waits for the lock: when another process
    /// writes, it is skipped and said so, rather than `check` waiting on a writer or failing as busy.
    private func ftsIntegrityProblems(_ archive: Archive) throws -> FTSOutcome {
        let writer: Database
        do {
            writer = try Database(path: archive.path, mode: .readWrite, busyTimeout: 0)
        } catch let error as DatabaseError {
            return .skipped(error.isUnwritable
                ? "the archive (or its folder) is write-protected" : "it cannot be opened for writing (\(error.message))")
        }
        guard !writer.isReadOnly else { return .skipped("the archive is write-protected") }
        do {
            try writer.execute("BEGIN IMMEDIATE")
        } catch let error as DatabaseError where error.isBusy {
            return .skipped("another process is writing to the archive; run check again when it has finished")
        }
        defer { try? writer.execute("ROLLBACK") }
        return .checked(try SearchIndex.ftsIntegrityProblems(writer))
    }

    private func integrityProblems(_ db: Database) throws -> [Problem] {
        let statement = try db.prepare("PRAGMA integrity_check")
        var problems: [Problem] = []
        while let row = try statement.next() {
            guard let message = row.string(at: 0), message != "ok" else { continue }
            problems.append(Problem(check: "integrity", detail: message))
        }
        return problems
    }

    private func foreignKeyProblems(_ db: Database) throws -> [Problem] {
        let statement = try db.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
        var problems: [Problem] = []
        while let row = try statement.next() {
            let table = row.string(at: 0) ?? "?"
            let rowid = row.int64(at: 1).map(String.init) ?? "?"
            let parent = row.string(at: 2) ?? "?"
            problems.append(Problem(check: "foreign keys", detail: "\(table) row \(rowid) refers to a missing row of \(parent)"))
        }
        return problems
    }
}
