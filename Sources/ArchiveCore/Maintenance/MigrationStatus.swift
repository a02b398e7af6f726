// What `archive migrate --status` reports: every migration compiled into this binary and whether the file has
// it, read without changing the file (so that it works on a write-protected or not yet upgraded archive).
import ArchiveStorage

public struct MigrationStatus: Sendable {
    public let version: Int
    public let name: String
    /// applied, pending, or edited (applied, but its text has changed since).
    public let state: String
    /// When it was applied (UTC, ISO 8601).
    public let appliedAt: String?

    public var json: String {
        "{\"version\":\(version),\"name\":\(JSONText.quoted(name)),\"state\":\(JSONText.quoted(state)),"
            + "\"applied_at\":\(appliedAt.map(JSONText.quoted) ?? "null")}"
    }

    /// Every migration's status in the archive at `path`.
    public static func all(path: String) throws -> [MigrationStatus] {
        let database: Database
        do {
            database = try Archive.openDatabase(path: path, access: .read)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            throw ArchiveError(.notFound, "cannot open \(path): \(error.message)")
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: path)
        }
        defer { database.close() }
        do {
            return try Schema.migrator().status(of: database).map {
                MigrationStatus(version: $0.version, name: $0.name, state: $0.state.rawValue, appliedAt: $0.appliedAt)
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: path)
        }
    }
}
