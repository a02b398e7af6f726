// `archive check` on images: each stored file and rendition hashed again and compared with its address, and
// every image's record present (media names its record by table and id, which no foreign key can check).
// Hashed from the blob in pieces: memory stays flat however large the files.
import ArchiveStorage

enum MediaCheck {
    static func problems(_ db: Database) throws -> [IntegrityCheck.Problem] {
        var problems: [IntegrityCheck.Problem] = []
        for table in ["media_files", "media_renditions"] {
            let files = try db.prepare("SELECT id, sha256, length(data) FROM \(table) ORDER BY id")
            while let row = try files.next() {
                guard let id = row.int64(at: 0), let expected = row.string(at: 1) else { continue }
                var hasher = SHA256()
                try db.openBlob(table: table, column: "data", rowid: id).read { hasher.update($0) }
                let found = hasher.finalizeHex()
                if found != expected {
                    problems.append(.init(check: "images", detail: "\(table) row \(id): its bytes hash to \(found.prefix(12))…, not to its address \(expected.prefix(12))… (damaged)"))
                }
            }
        }
        let sizes: Int64 = try db.fetchOne("SELECT count(*) FROM media_files WHERE bytes <> length(data)") ?? 0
        if sizes > 0 { problems.append(.init(check: "images", detail: "media_files: \(sizes) files are not the size they were stored with")) }
        let primaries: Int64 = try db.fetchOne("SELECT count(*) FROM (SELECT 1 FROM media WHERE is_primary = 1 GROUP BY record_table, record_id HAVING count(*) > 1)") ?? 0
        if primaries > 0 { problems.append(.init(check: "images", detail: "media: \(primaries) records have more than one primary image")) }
        for table in Tables.records.map(\.name) {
            let missing: Int64 = try db.fetchOne("SELECT count(*) FROM media WHERE record_table = ? AND record_id NOT IN (SELECT id FROM \(table))", [table]) ?? 0
            if missing > 0 { problems.append(.init(check: "images", detail: "media: \(missing) images belong to \(table) records that do not exist")) }
        }
        return problems
    }
}
