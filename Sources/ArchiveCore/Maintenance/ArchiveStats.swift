// `archive stats`: what the archive holds and where it stands.
import ArchiveStorage
import Glibc

public struct ArchiveStats: Sendable {
    public struct TableCount: Sendable {
        public let table: String
        public let kind: TableDescription.Kind
        public let rows: Int
    }

    public struct LastImport: Sendable {
        public let finishedAt: String
        public let source: String
        public let added: Int
        public let updated: Int
        public let unchanged: Int
    }

    public let tables: [TableCount]
    /// Bytes on disk: the file and its write-ahead log.
    public let fileBytes: Int64
    public let schemaVersion: Int
    public let sqliteVersion: String
    public let lastImport: LastImport?
    /// Images records show; the files stored (each once, however many records show it) and their bytes.
    public let images: Int
    public let imageFiles: Int
    public let imageBytes: Int64

    public init(archive: Archive) throws {
        let db = archive.database
        tables = try Tables.all.map { table in
            TableCount(table: table.name, kind: table.kind, rows: Int(try db.fetchOne("SELECT count(*) FROM \(table.name)") ?? Int64(0)))
        }
        fileBytes = ["", "-wal"].reduce(Int64(0)) { total, suffix in
            var status = stat()
            return total + (stat(archive.path + suffix, &status) == 0 ? Int64(status.st_size) : 0)
        }
        images = Int(try db.fetchOne("SELECT count(*) FROM media") ?? Int64(0))
        imageFiles = Int(try db.fetchOne("SELECT count(*) FROM media_files") ?? Int64(0))
        imageBytes = try db.fetchOne("SELECT coalesce(sum(bytes), 0) FROM media_files") ?? 0
        schemaVersion = try archive.schemaVersion()
        sqliteVersion = Database.sqliteVersion
        let statement = try db.prepare("SELECT finished_at, source, added, updated, unchanged FROM imports ORDER BY id DESC LIMIT 1")
        if let row = try statement.next() {
            lastImport = LastImport(finishedAt: row.string(at: 0) ?? "", source: row.string(at: 1) ?? "",
                                    added: row.int(at: 2) ?? 0, updated: row.int(at: 3) ?? 0, unchanged: row.int(at: 4) ?? 0)
        } else {
            lastImport = nil
        }
    }
}

extension ArchiveStats {
    /// The one JSON shape of the stats: `archive stats --format json` and the server's /api/stats.
    public var json: String {
        let quoted = JSONText.quoted
        let counts = tables.map { "\(quoted($0.table)):\($0.rows)" }.joined(separator: ",")
        let last = lastImport.map {
            "{\"finished_at\":\(quoted($0.finishedAt)),\"source\":\(quoted($0.source)),\"added\":\($0.added),\"updated\":\($0.updated),\"unchanged\":\($0.unchanged)}"
        } ?? "null"
        return "{\"tables\":{\(counts)},\"images\":{\"shown\":\(images),\"files\":\(imageFiles),\"bytes\":\(imageBytes)},"
            + "\"file_bytes\":\(fileBytes),\"schema_version\":\(schemaVersion),"
            + "\"sqlite_version\":\(quoted(sqliteVersion)),\"last_import\":\(last)}"
    }
}
