// Is the archive's schema the one its migrations create? Another tool can drop an index, a trigger or a
// CHECK, or add its own objects, without touching schema_migrations: the checksums would still pass. So the
// migrations are applied to a new in-memory database and every row of sqlite_schema is compared.
import ArchiveStorage

enum SchemaComparison {
    /// Every object missing, changed or added, and a user_version that disagrees, as problems.
    static func differences(_ db: Database) throws -> [IntegrityCheck.Problem] {
        let migrator = try Schema.migrator()
        let version = try migrator.currentVersion(of: db)
        let reference = try Database(path: ":memory:")
        defer { reference.close() }
        try Migrator(migrations: migrator.migrations.filter { $0.version <= version }).migrate(reference)
        let expected = try objects(reference)
        let actual = try objects(db)
        var problems: [IntegrityCheck.Problem] = []
        for (key, sql) in expected.sorted(by: { $0.key < $1.key }) {
            guard let found = actual[key] else {
                problems.append(.init(check: "schema", detail: "\(key.type) \(key.name) is missing (it was dropped by another tool?)"))
                continue
            }
            if found != sql {
                problems.append(.init(check: "schema", detail: "\(key.type) \(key.name) differs from what the migrations create: \(firstDifference(found, sql))"))
            }
        }
        for key in actual.keys.sorted() where expected[key] == nil {
            problems.append(.init(check: "schema", detail: "\(key.type) \(key.name) is not part of the archive's schema (added by another tool?)"))
        }
        let userVersion: Int64 = try db.fetchOne("PRAGMA user_version") ?? 0
        if userVersion != Int64(version) {
            problems.append(.init(check: "schema", detail: "PRAGMA user_version is \(userVersion), but the applied schema version is \(version)"))
        }
        return problems
    }

    /// The first line where two CREATE statements part, on one line each: what is there, what should be.
    private static func firstDifference(_ found: String?, _ expected: String?) -> String {
        let foundLines = (found ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = (expected ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(foundLines.count, expectedLines.count)).first { foundLines[$0] != expectedLines[$0] } ?? min(foundLines.count, expectedLines.count)
        func line(_ lines: [Substring]) -> String {
            guard index < lines.count else { return "(nothing)" }
            let text = String(lines[index]).trimmingWhitespace()
            return text.count > 160 ? String(text.prefix(159)) + "…" : text
        }
        return "has \"\(line(foundLines))\" where the migrations have \"\(line(expectedLines))\""
    }

    struct Key: Hashable, Comparable {
        let type: String
        let name: String
        static func < (a: Key, b: Key) -> Bool { (a.type, a.name) < (b.type, b.name) }
    }

    /// sqlite_schema as a map, less what SQLite adds of its own accord (ANALYZE's statistics tables).
    private static func objects(_ db: Database) throws -> [Key: String?] {
        let statement = try db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'")
        var objects: [Key: String?] = [:]
        while let row = try statement.next() {
            objects[Key(type: row.string(at: 0) ?? "", name: row.string(at: 1) ?? "")] = row.string(at: 2)
        }
        return objects
    }
}
