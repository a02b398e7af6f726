// `archive check`: asks SQLite whether the file is sound, every reference resolves, and the full-text
// indexes hold exactly what their records say.
import ArchiveStorage

public struct IntegrityCheck: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// Which check found it: "integrity", "foreign keys", "schema".
        public let check: String
        public let detail: String
        public var description: String { "\(check): \(detail)" }
    }

    public init() {}

    /// Runs every check and returns the problems found (none means the archive is sound).
    public func run(on archive: Archive) throws -> [Problem] {
        var problems: [Problem] = []
        do {
            try Schema.migrator().validate(archive.database)
        } catch let error as MigrationError {
            problems.append(Problem(check: "schema", detail: error.description))
        }
        problems += try integrityProblems(archive.database)
        problems += try foreignKeyProblems(archive.database)
        problems += try SearchIndex.problems(archive.database)
        problems += try ftsIntegrityProblems(archive)
        return problems
    }

    /// FTS5's own check needs a writable connection; a write-protected archive gets the read-only checks only.
    private func ftsIntegrityProblems(_ archive: Archive) throws -> [Problem] {
        guard let writer = try? Database(path: archive.path, mode: .readWrite), !writer.isReadOnly else { return [] }
        var problems: [Problem] = []
        try writer.execute("BEGIN")
        defer { try? writer.execute("ROLLBACK") }
        problems = try SearchIndex.ftsIntegrityProblems(writer)
        return problems
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
