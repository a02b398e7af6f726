// Stores an image file's bytes in media_files, once per content (Migrations/0014_media.sql), with its
// renditions. The file is read twice in 1 MiB pieces: once to hash it (is it stored already?), once to copy it
// into a blob while hashing again, so that memory stays flat whatever its size and a file changed between the
// two readings is refused rather than stored under another file's address. (Hashing first is what keeps memory
// flat: a row given its address after its bytes would be rewritten whole by the UPDATE, 594 MB of RSS for a
// 288 MB master where this takes 115.)
import ArchiveStorage
import Glibc

enum MediaFiles {
    struct Stored {
        let id: Int64
        let sha256: String
        /// False when the same bytes were stored already.
        let isNew: Bool
        /// Its pages or frames, of which the renditions show the first.
        var pages = 1
    }

    /// Stores the file at `path` (named `name` in messages) unless its bytes are stored already; in the
    /// caller's transaction.
    static func store(_ path: String, name: String, _ db: Database) throws -> Stored {
        let file = try InputImage(path, name: name)
        defer { file.close() }
        let header = try ImageFile.header(path, name: name)
        guard header.width * header.height <= MediaLimits.maxPixels else {
            throw ArchiveError(.invalidInput, "\(name): \(header.width) × \(header.height) pixels is more than an image may have (\(MediaLimits.summary))")
        }
        let sha256 = try file.hash()
        if let id: Int64 = try db.fetchOne("SELECT id FROM media_files WHERE sha256 = ?", [sha256]) {
            return Stored(id: id, sha256: sha256, isNew: false, pages: header.pages)
        }
        try db.execute("INSERT INTO media_files (sha256, content_type, width, height, bytes, data) VALUES (?, ?, ?, ?, ?, zeroblob(?))",
                       [sha256, header.contentType, Int64(header.width), Int64(header.height), Int64(file.size), Int64(file.size)])
        let id = db.lastInsertRowID
        let blob = try db.openBlob(table: "media_files", column: "data", rowid: id, writable: true)
        let copied = try file.hash { piece, offset in try blob.write(piece, at: offset) }
        guard copied == sha256 else {
            throw ArchiveError(.invalidInput, "\(name): the file changed while it was being read; nothing was stored")
        }
        // The master is decoded once, for the display size; the thumbnail is made from that.
        let display = try ImageFile.rendition(path, box: MediaLimits.displayBox, name: name)
        let thumbnail = try ImageFile.rendition(of: display, box: MediaLimits.thumbnailBox, name: name)
        for (size, made) in [("thumbnail", thumbnail), ("display", display)] {
            try db.execute("INSERT INTO media_renditions (file_id, size, content_type, width, height, sha256, data) VALUES (?, ?, 'image/jpeg', ?, ?, ?, ?)",
                           [id, size, Int64(made.width), Int64(made.height), SHA256.hexDigest(made.bytes), made.bytes])
        }
        return Stored(id: id, sha256: sha256, isNew: true, pages: header.pages)
    }

    /// Files that no record shows and that no change still in the history names (its rows were pruned, or it
    /// never had any): dropped with their renditions. Returns how many went.
    @discardableResult
    static func dropUnused(_ db: Database) throws -> Int {
        try db.execute("""
            DELETE FROM media_files WHERE id NOT IN (SELECT file_id FROM media)
              AND id NOT IN (SELECT json_extract(coalesce(before, after), '$.file_id') FROM change_rows
                             WHERE table_name = 'media' AND json_extract(coalesce(before, after), '$.file_id') IS NOT NULL)
            """)
        return db.changes
    }
}

/// An image file opened for reading: a regular file (a FIFO or a device is refused, never waited on), of a
/// size the archive takes.
private final class InputImage {
    let descriptor: Int32
    let size: Int
    let name: String

    init(_ path: String, name: String) throws {
        self.name = name
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw ArchiveError(.cannotRead, "\(name): cannot be read (\(reason))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(descriptor)
            throw ArchiveError(.cannotRead, "\(name): is not a regular file")
        }
        guard status.st_size > 0, status.st_size <= MediaLimits.maxBytes else {
            Glibc.close(descriptor)
            throw ArchiveError(.invalidInput, status.st_size == 0 ? "\(name): is empty"
                : "\(name): \(status.st_size) bytes is more than a file may have (\(MediaLimits.summary))")
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    /// Reads the whole file from its start, handing each piece and its offset to `body`; returns its SHA-256.
    func hash(_ body: (UnsafeRawBufferPointer, Int) throws -> Void = { _, _ in }) throws -> String {
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            let count = pread(descriptor, buffer.baseAddress, min(buffer.count, size - offset), off_t(offset))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw ArchiveError(.cannotRead, "\(name): " + (count == 0 ? "the file changed while it was being read (it is shorter)" : "cannot be read (\(String(cString: strerror(errno))))"))
            }
            let piece = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            hasher.update(piece)
            try body(piece, offset)
            offset += count
        }
        return hasher.finalizeHex()
    }

    func close() { Glibc.close(descriptor) }
}
