// Applies versioned migrations in order and records each in `schema_migrations`. Storage knows nothing of
// shoes: the domain hands it the list. Each migration and its bookkeeping row share one transaction, so a
// crash leaves a migration either wholly applied and recorded, or not at all.

public struct Migrator: Sendable {
    public let migrations: [Migration]

    /// Fails when two migrations share a version.
    public init(migrations: [Migration]) throws {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(previous.identifier, next.identifier)
        }
        self.migrations = sorted
    }

    /// The newest schema version this binary knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    // MARK: Status

    public struct Status: Sendable, Equatable {
        public enum State: String, Sendable { case applied, pending, edited }
        public let version: Int
        public let name: String
        public let state: State
        /// When it was applied (UTC, ISO 8601), for applied and edited migrations.
        public let appliedAt: String?
    }

    /// Every known migration with its state in `db`. Read-only: works on a write-protected archive.
    public func status(of db: Database) throws -> [Status] {
        let applied = try appliedMigrations(in: db)
        return migrations.map { migration in
            guard let row = applied[migration.version] else {
                return Status(version: migration.version, name: migration.name, state: .pending, appliedAt: nil)
            }
            let state: Status.State = row.checksum == migration.checksum ? .applied : .edited
            return Status(version: migration.version, name: migration.name, state: state, appliedAt: row.appliedAt)
        }
    }

    /// The highest version applied to `db` (0 for a new database).
    public func currentVersion(of db: Database) throws -> Int {
        try appliedMigrations(in: db).keys.max() ?? 0
    }

    /// Throws when `db` cannot be used by this binary: the database holds migrations this binary does not know
    /// (it was written by a newer version), or, with `checksums`, an applied migration was edited. Reading
    /// skips the checksums (hashing every migration's text at each start-up cost more than the query);
    /// writing and `archive check` compare them.
    public func validate(_ db: Database, checksums: Bool = true) throws {
        let applied = try appliedMigrations(in: db)
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        if let unknown = applied.keys.filter({ known[$0] == nil }).max() {
            throw MigrationError.newerDatabase(databaseVersion: unknown, knownVersion: latestVersion)
        }
        guard checksums else { return }
        for (version, row) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[version], migration.checksum != row.checksum else { continue }
            throw MigrationError.edited(migration.identifier)
        }
    }

    // MARK: Migrating

    /// Applies every pending migration, oldest first, and returns those it applied.
    @discardableResult
    public func migrate(_ db: Database) throws -> [Migration] {
        try validate(db)
        // > If foreign key constraints are enabled, disable them using PRAGMA foreign_keys=OFF. [...] 12. If
        // > foreign key constraints were originally enabled, reenable them now. (sqlite.org/lang_altertable.html)
        // The pragma is a no-op inside a transaction, so it is set around them: a migration that rebuilds a
        // table must not fire ON DELETE CASCADE. Each migration is checked with foreign_key_check instead.
        try db.execute("PRAGMA foreign_keys = OFF")
        defer { try? db.execute("PRAGMA foreign_keys = ON") }
        var applied: [Migration] = []
        for migration in migrations {
            let didApply = try db.transaction(.immediate) { () throws -> Bool in
                // The bookkeeping table is created with the first migration, in its transaction: another process
                // creating the same new file sees it empty or migrated, never a file holding this table alone.
                try db.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version     INTEGER PRIMARY KEY,
                        name        TEXT NOT NULL,
                        checksum    TEXT NOT NULL,
                        applied_at  TEXT NOT NULL
                    )
                    """)
                // Checked again inside the write lock: another process may have applied it meanwhile.
                let done: Int64? = try db.fetchOne("SELECT 1 FROM schema_migrations WHERE version = ?", [migration.version])
                guard done == nil else { return false }
                do {
                    try db.executeScript(migration.sql)
                } catch let error as DatabaseError {
                    throw MigrationError.failed(migration.identifier, error)
                }
                try db.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    [migration.version, migration.name, migration.checksum])
                // user_version mirrors the schema version for other SQLite tools; it is written in this transaction.
                try db.execute("PRAGMA user_version = \(migration.version)")
                let violations: Int64? = try db.fetchOne("SELECT count(*) FROM pragma_foreign_key_check")
                if let violations, violations > 0 {
                    throw MigrationError.foreignKeyViolations(migration.identifier, count: Int(violations))
                }
                return true
            }
            if didApply { applied.append(migration) }
        }
        return applied
    }

    // MARK: Bookkeeping

    private struct AppliedRow { let checksum: String; let appliedAt: String }

    private func hasBookkeepingTable(_ db: Database) throws -> Bool {
        let found: Int64? = try db.fetchOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
        return found != nil
    }

    private func appliedMigrations(in db: Database) throws -> [Int: AppliedRow] {
        guard try hasBookkeepingTable(db) else { return [:] }
        let rows = try db.cachedStatement("SELECT version, checksum, applied_at FROM schema_migrations").rows()
        var applied: [Int: AppliedRow] = [:]
        while let row = try rows.next() {
            guard let version = row.int(at: 0) else { continue }
            applied[version] = AppliedRow(checksum: row.string(at: 1) ?? "", appliedAt: row.string(at: 2) ?? "")
        }
        return applied
    }
}

public enum MigrationError: Error, CustomStringConvertible, Sendable {
    case duplicateVersion(String, String)
    case edited(String)
    case newerDatabase(databaseVersion: Int, knownVersion: Int)
    case failed(String, DatabaseError)
    case foreignKeyViolations(String, count: Int)

    public var description: String {
        switch self {
        case .duplicateVersion(let first, let second):
            "migrations \(first) and \(second) share a version number"
        case .edited(let identifier):
            "migration \(identifier) was changed after it was applied to this database (its checksum differs); "
                + "a shipped migration must never be edited: restore it and add a new migration instead"
        case .newerDatabase(let databaseVersion, let knownVersion):
            "this database is at schema version \(databaseVersion), newer than this binary knows (\(knownVersion)): "
                + "use a newer version of the program"
        case .failed(let identifier, let error):
            "migration \(identifier) failed and was rolled back: \(error)"
        case .foreignKeyViolations(let identifier, let count):
            "migration \(identifier) would leave \(count) foreign key violations; it was rolled back"
        }
    }
}
