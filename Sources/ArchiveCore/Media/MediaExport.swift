// `archive media export`: the original files, byte for byte, into a folder: one folder per record
// (TABLE/SLUG/), each file named by its position and the name it was added under. Read from one snapshot and
// streamed from the blob in pieces; each file is written whole or not at all (OutputFile).
import ArchiveStorage
import Glibc

extension Media {
    /// Writes the originals of record `slug`'s images (every image when nil) under `directory`; returns the paths.
    public static func export(_ slug: String?, in table: String? = nil, to directory: String, archive: Archive) throws -> [String] {
        let db = archive.database
        let protected = ArchiveFiles(archivePath: archive.path)
        do {
            return try db.transaction(.deferred) {
                let items = try list(slug, in: table, archive: archive)
                var written: [String] = []
                for item in items {
                    let folder = directory + "/" + item.table + "/" + item.slug
                    try FilePath.makeFolders([directory, directory + "/" + item.table, folder])
                    let path = folder + "/" + fileName(item)
                    guard let fileID: Int64 = try db.fetchOne("SELECT id FROM media_files WHERE sha256 = ?", [item.sha256]) else { continue }
                    let blob = try db.openBlob(table: "media_files", column: "data", rowid: fileID)
                    try OutputFile.write(path, protecting: protected) { output in
                        try blob.read { piece in try output.write(piece.bindMemory(to: UInt8.self)) }
                        try output.flush()
                    }
                    written.append(path)
                }
                return written
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// "2-front.jpg": the position keeps the record's order in a listing; a name that could leave the folder
    /// or hide (a slash, a leading dot) is made safe, and the extension follows what the bytes are.
    static func fileName(_ item: MediaItem) -> String {
        let given = item.fileName ?? item.sha256
        var stem = given.split(separator: ".", omittingEmptySubsequences: false).count > 1 ? String(given[..<given.lastIndex(of: ".")!]) : given
        stem = String(stem.map { $0 == "/" || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true ? "_" : $0 })
        while stem.hasPrefix(".") { stem.removeFirst() }
        if stem.isEmpty { stem = String(item.sha256.prefix(12)) }
        let ext = ["image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/tiff": "tif"][item.contentType] ?? "bin"
        return "\(item.position)-\(stem).\(ext)"
    }
}
