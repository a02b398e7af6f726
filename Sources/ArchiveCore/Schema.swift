// The archive's schema: the migrations compiled into the binary from the top-level Migrations/ folder.
import ArchiveMigrations
import ArchiveStorage

public enum Schema {
    /// Marks a database file as an archive (`PRAGMA application_id`, 'FARC'); set by the first migration.
    public static let applicationID: Int64 = 0x4641_5243

    /// Every migration the binary carries, in version order.
    public static let migrations: [Migration] = embeddedFiles.compactMap { Migration(fileName: $0.name, sql: $0.text) }

    /// The migrator over them. Two files with one version number are a build mistake, caught by the tests.
    package static func migrator() throws -> Migrator { try Migrator(migrations: migrations) }

    /// The tables that hold records, in the order that references allow them to be filled.
    public static let recordTables = ["sources", "institutions", "designers", "collections", "shoes", "icons", "tags", "objects", "trends"]
}
