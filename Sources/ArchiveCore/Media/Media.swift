// `archive media`: the images a record shows. Adding stores each file once (MediaFiles) and a `media` row per
// image; removing deletes the row. Each is one change of the history, so `archive undo` reverses it exactly; the
// bytes stay in the file while a change that can be undone names them.
import ArchiveStorage

public struct MediaItem: Sendable {
    public let id: Int64
    public let table: String
    public let slug: String
    public let position: Int
    public let isPrimary: Bool
    public let caption: String?
    public let credit: String?
    public let rights: String?
    public let fileName: String?
    public let sha256: String
    public let contentType: String
    public let width: Int
    public let height: Int
    public let bytes: Int64
    /// The pixels of its renditions (upright: a photo turned by its EXIF orientation is taller than wide).
    public let display: Pixels
    public let thumbnail: Pixels

    public struct Pixels: Sendable, Equatable {
        public let width: Int
        public let height: Int
    }

    public static let columns = ["id", "table", "slug", "position", "primary", "caption", "credit", "rights", "file_name",
                                 "sha256", "content_type", "width", "height", "bytes"]

    var row: [DatabaseValue] {
        [.integer(id), .text(table), .text(slug), .integer(Int64(position)), .integer(isPrimary ? 1 : 0),
         caption.map(DatabaseValue.text) ?? .null, credit.map(DatabaseValue.text) ?? .null, rights.map(DatabaseValue.text) ?? .null,
         fileName.map(DatabaseValue.text) ?? .null, .text(sha256), .text(contentType), .integer(Int64(width)), .integer(Int64(height)),
         .integer(bytes)]
    }
}

extension RowTable {
    public init(media: [MediaItem]) { self.init(columns: MediaItem.columns, rows: media.map(\.row)) }
}

public enum Media {
    /// What a person says of the images they add.
    public struct Details: Sendable {
        public var caption: String?
        public var credit: String?
        public var rights: String?
        public var primary = false
        public init(caption: String? = nil, credit: String? = nil, rights: String? = nil, primary: Bool = false) {
            (self.caption, self.credit, self.rights, self.primary) = (caption, credit, rights, primary)
        }
    }

    public struct Added: Sendable {
        public let change: Int64
        public let items: [MediaItem]
        /// Files whose bytes were stored already (by another record or an earlier add): not stored twice.
        public let alreadyStored: Int
        /// Files of several pages or frames (a multi-page TIFF, an animated WebP), by name, with how many: the
        /// original is kept whole, its renditions show the first.
        public let pages: [(name: String, pages: Int)]
    }

    /// The rights URIs the archive takes: rightsstatements.org's statements and Creative Commons' licences.
    public static func checkRights(_ rights: String) throws {
        let prefixes = ["http://rightsstatements.org/vocab/", "https://rightsstatements.org/vocab/", "http://creativecommons.org/", "https://creativecommons.org/"]
        guard prefixes.contains(where: rights.hasPrefix), !rights.contains(where: { $0.isWhitespace }) else {
            throw ArchiveError(.invalidInput, "rights: \"\(rights)\" is not a rights statement's or a licence's URI (http://rightsstatements.org/vocab/… or https://creativecommons.org/…)")
        }
    }

    /// Adds the image files at `paths` to the record `slug` (in `table`), in order, as one change.
    public static func add(_ paths: [String], to slug: String, in table: String? = nil, details: Details, archive: Archive, by actor: String) throws -> Added {
        guard !paths.isEmpty else { throw ArchiveError(.invalidInput, "no image files were given") }
        if let rights = details.rights { try checkRights(rights) }
        for (field, value) in [("caption", details.caption), ("credit", details.credit)] where value?.isEmpty == true {
            throw ArchiveError(.invalidInput, "\(field): is empty; leave it out instead")
        }
        let db = archive.database
        do {
            return try db.transaction(.immediate) {
                let record = try RecordLocation.find(slug, in: table, command: "media add", db)
                let names = paths.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
                let log = try ChangeLog(db, command: "media add \(record.table.name) \(slug) \(names.joined(separator: " "))", by: actor)
                try log.watchUpdates(["media"])
                defer { try? log.stopWatching() }
                var ids: [Int64] = []
                var alreadyStored = 0
                var pages: [(name: String, pages: Int)] = []
                for (index, path) in paths.enumerated() {
                    let stored = try MediaFiles.store(path, name: path, db)
                    if !stored.isNew { alreadyStored += 1 }
                    if stored.pages > 1 { pages.append((names[index], stored.pages)) }
                    if let shown: Int64 = try db.fetchOne("SELECT position FROM media WHERE record_table = ? AND record_id = ? AND file_id = ?",
                                                          [record.table.name, record.id, stored.id]) {
                        throw ArchiveError(.invalidInput, "\(path): \(record.table.name) \(slug) shows this image already (position \(shown))")
                    }
                    let primary = details.primary && index == 0
                    if primary {
                        try db.execute("UPDATE media SET is_primary = 0 WHERE record_table = ? AND record_id = ? AND is_primary = 1", [record.table.name, record.id])
                    }
                    try db.execute("""
                        INSERT INTO media (record_table, record_id, file_id, position, is_primary, caption, credit, rights, file_name)
                        VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM media WHERE record_table = ?1 AND record_id = ?2), ?4, ?5, ?6, ?7, ?8)
                        """, [record.table.name, record.id, stored.id, primary, details.caption, details.credit, details.rights, names[index]])
                    let id = db.lastInsertRowID
                    try log.inserted("media", rowid: id)
                    ids.append(id)
                }
                try log.stopWatching()
                return Added(change: log.id, items: try ids.map { try item($0, db) }, alreadyStored: alreadyStored, pages: pages)
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// Removes image `id` (as `media list` numbers them) from its record, as one change; returns the change.
    public static func remove(_ id: Int64, archive: Archive, by actor: String) throws -> (change: Int64, item: MediaItem) {
        let db = archive.database
        do {
            return try db.transaction(.immediate) {
                guard try db.fetchOne("SELECT 1 FROM media WHERE id = ?", [id]) as Int64? != nil else {
                    throw ArchiveError(.notFound, "there is no image \(id): `archive media list` numbers them")
                }
                let removed = try item(id, db)
                let log = try ChangeLog(db, command: "media remove \(id) (\(removed.table) \(removed.slug) \(removed.fileName ?? removed.sha256))", by: actor)
                try log.deleting("media", rowid: id)
                try db.execute("DELETE FROM media WHERE id = ?", [id])
                return (log.id, removed)
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// The images of record `slug` (in `table`), primary first then in order; every image when `slug` is nil.
    public static func list(_ slug: String? = nil, in table: String? = nil, archive: Archive) throws -> [MediaItem] {
        let db = archive.database
        do {
            return try db.transaction(.deferred) {
                var condition = ""
                var arguments: [any DatabaseValueConvertible] = []
                if let slug {
                    let record = try RecordLocation.find(slug, in: table, command: "media list", db)
                    condition = "WHERE m.record_table = ? AND m.record_id = ?"
                    arguments = [record.table.name, record.id]
                }
                let statement = try db.prepare(selectItems + " \(condition) ORDER BY m.record_table, m.record_id, m.is_primary DESC, m.position")
                try statement.bind(arguments)
                var items: [MediaItem] = []
                while let row = try statement.next() { items.append(try item(row, db)) }
                return items
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    static let selectItems = """
        SELECT m.id, m.record_table, m.record_id, m.position, m.is_primary, m.caption, m.credit, m.rights, m.file_name,
               f.sha256, f.content_type, f.width, f.height, f.bytes, d.width, d.height, t.width, t.height
        FROM media m JOIN media_files f ON f.id = m.file_id
        LEFT JOIN media_renditions d ON d.file_id = f.id AND d.size = 'display'
        LEFT JOIN media_renditions t ON t.file_id = f.id AND t.size = 'thumbnail'
        """

    static func item(_ id: Int64, _ db: Database) throws -> MediaItem {
        let statement = try db.prepare(selectItems + " WHERE m.id = ?")
        try statement.bind([id])
        guard let row = try statement.next() else { throw ArchiveError(.notFound, "there is no image \(id)") }
        return try item(row, db)
    }

    static func item(_ row: Row, _ db: Database) throws -> MediaItem {
        let table = row.string(at: 1) ?? ""
        // record_table is one of the record tables (the schema's CHECK): safe to name in SQL.
        let slug: String = try db.fetchOne("SELECT slug FROM \(table) WHERE id = ?", [row.int64(at: 2) ?? 0]) ?? ""
        return MediaItem(id: row.int64(at: 0) ?? 0, table: table, slug: slug, position: Int(row.int64(at: 3) ?? 0),
                         isPrimary: row.int64(at: 4) == 1, caption: row.string(at: 5), credit: row.string(at: 6), rights: row.string(at: 7),
                         fileName: row.string(at: 8), sha256: row.string(at: 9) ?? "", contentType: row.string(at: 10) ?? "",
                         width: Int(row.int64(at: 11) ?? 0), height: Int(row.int64(at: 12) ?? 0), bytes: row.int64(at: 13) ?? 0,
                         display: MediaItem.Pixels(width: Int(row.int64(at: 14) ?? 0), height: Int(row.int64(at: 15) ?? 0)),
                         thumbnail: MediaItem.Pixels(width: Int(row.int64(at: 16) ?? 0), height: Int(row.int64(at: 17) ?? 0)))
    }
}
