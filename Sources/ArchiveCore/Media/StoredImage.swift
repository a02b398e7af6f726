// An image as the web serves it: an original or one of its renditions, found by the original's SHA-256, only
// while a record shows it (an image removed from its record, kept for `undo`, is not served), read from its blob
// in pieces. An original is served only where the rights of a record that shows it allow its reuse.
import ArchiveStorage

public struct StoredImage: Sendable {
    public enum Size: String, Sendable, CaseIterable {
        case thumbnail, display, original
    }

    public let size: Size
    public let contentType: String
    /// Bytes in all.
    public let count: Int
    /// The SHA-256 of these bytes: a strong validator (the same bytes, the same tag).
    public let sha256: String
    /// The name the original was added under, for a download.
    public let fileName: String?
    /// For an original: whether a record that shows it gives rights that allow its reuse.
    public let mayDownload: Bool

    /// The image `sha256` (an original's address) in `size`, while some record shows it; nil otherwise. An
    /// original is nil where no record that shows it allows its download.
    public static func find(_ sha256: String, size: Size, archive: Archive) throws -> StoredImage? {
        guard Media.isAddress(sha256) else { return nil }
        let db = archive.database
        let statement = try db.cachedStatement("""
            SELECT f.content_type, f.bytes, f.sha256, m.file_name, r.content_type, length(r.data), r.sha256,
                   (SELECT group_concat(coalesce(rights, ''), char(31)) FROM media WHERE file_id = f.id)
            FROM media_files f JOIN media m ON m.file_id = f.id
            LEFT JOIN media_renditions r ON r.file_id = f.id AND r.size = ?2
            WHERE f.sha256 = ?1 ORDER BY m.id LIMIT 1
            """)
        guard let row = try statement.rows([sha256, size.rawValue]).next() else { return nil }
        let rights = (row.string(at: 7) ?? "").split(separator: "\u{1F}").map(String.init)
        let mayDownload = rights.contains { Media.allowsReuse($0) }
        if size == .original {
            guard mayDownload else { return nil }
            return StoredImage(size: size, contentType: row.string(at: 0) ?? "", count: Int(row.int64(at: 1) ?? 0), sha256: sha256,
                               fileName: row.string(at: 3), mayDownload: true)
        }
        guard let type = row.string(at: 4), let count = row.int64(at: 5), let tag = row.string(at: 6) else { return nil }
        return StoredImage(size: size, contentType: type, count: Int(count), sha256: tag, fileName: row.string(at: 3), mayDownload: mayDownload)
    }

    /// Reads `range` of the bytes (all when nil) in pieces of at most 64 KiB. Throws when the image is no longer
    /// the one found (dropped, or another in its place): a reply that began must not go on with other bytes.
    public func read(_ range: Range<Int>? = nil, archive: Archive, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let db = archive.database
        let (table, rowid): (String, Int64?) = size == .original
            ? ("media_files", try db.fetchOne("SELECT id FROM media_files WHERE sha256 = ?", [sha256]))
            : ("media_renditions", try db.fetchOne("SELECT id FROM media_renditions WHERE sha256 = ? AND size = ?", [sha256, size.rawValue]))
        guard let rowid else { throw ArchiveError(.notFound, "the image is no longer in the archive") }
        try db.openBlob(table: table, column: "data", rowid: rowid).read(range ?? 0..<count, body)
    }

    /// The bytes of `range` (all when nil), for a reply small enough to hold.
    public func bytes(_ range: Range<Int>? = nil, archive: Archive) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range?.count ?? count)
        try read(range, archive: archive) { bytes.append(contentsOf: $0) }
        return bytes
    }
}

extension Media {
    /// Rights that allow reuse, and so the original's download: a Creative Commons licence or public-domain
    /// tool, or a rightsstatements.org statement of no copyright (NoC-…, NKC).
    public static func allowsReuse(_ rights: String) -> Bool {
        let lowered = rights.lowercased()
        if lowered.contains("://creativecommons.org/") { return true }
        guard let range = lowered.firstRange(of: "://rightsstatements.org/vocab/") else { return false }
        let code = lowered[range.upperBound...].prefix { $0 != "/" }
        return code.hasPrefix("noc-") || code == "nkc"
    }

    /// A rights URI as a person reads it: "CC BY 4.0", "CC0 1.0", "In Copyright – Educational Use Permitted".
    public static func rightsLabel(_ rights: String) -> String {
        let lowered = rights.lowercased()
        if let range = lowered.firstRange(of: "creativecommons.org/") {
            let parts = lowered[range.upperBound...].split(separator: "/").map(String.init)
            if parts.count >= 3, parts[0] == "publicdomain" {
                return parts[1] == "zero" ? "CC0 \(parts[2]) (public domain)" : parts[1] == "mark" ? "Public Domain Mark \(parts[2])" : rights
            }
            if parts.count >= 3, parts[0] == "licenses" { return "CC \(parts[1].uppercased()) \(parts[2])" }
            return rights
        }
        guard let range = lowered.firstRange(of: "rightsstatements.org/vocab/") else { return rights }
        let code = String(rights[range.upperBound...].prefix { $0 != "/" })
        return rightsStatements[code] ?? rights
    }

    /// rightsstatements.org's twelve statements, by their codes.
    private static let rightsStatements = [
        "InC": "In Copyright", "InC-OW-EU": "In Copyright – EU Orphan Work", "InC-EDU": "In Copyright – Educational Use Permitted",
        "InC-NC": "In Copyright – Non-Commercial Use Permitted", "InC-RUU": "In Copyright – Rights-holder(s) Unlocatable or Unidentifiable",
        "NoC-CR": "No Copyright – Contractual Restrictions", "NoC-NC": "No Copyright – Non-Commercial Use Only",
        "NoC-OKLR": "No Copyright – Other Known Legal Restrictions", "NoC-US": "No Copyright – United States",
        "CNE": "Copyright Not Evaluated", "UND": "Copyright Undetermined", "NKC": "No Known Copyright",
    ]

    /// The images a record's page shows, primary first, then in order (in the caller's read).
    public static func shown(by table: String, slug: String, archive: Archive) throws -> [MediaItem] {
        guard Tables.records.contains(where: { $0.name == table }) else { return [] }
        let statement = try archive.database.cachedStatement(
            selectItems + " WHERE m.record_table = ?1 AND m.record_id = (SELECT id FROM \(table) WHERE slug = ?2) ORDER BY m.is_primary DESC, m.position")
        let rows = try statement.rows([table, slug])
        var items: [MediaItem] = []
        while let row = try rows.next() { items.append(try item(row, archive.database)) }
        return items
    }
}

extension Media {
    /// Whether `text` can be an image's address: 64 lowercase hexadecimal digits (what media_files.sha256 holds).
    public static func isAddress(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// An image a record shows, by its address (the first record to show it, for its caption and rights).
    public static func showing(_ sha256: String, archive: Archive) throws -> MediaItem? {
        guard isAddress(sha256) else { return nil }
        let rows = try archive.database.cachedStatement(selectItems + " WHERE f.sha256 = ? ORDER BY m.id LIMIT 1").rows([sha256])
        guard let row = try rows.next() else { return nil }
        return try item(row, archive.database)
    }
}
