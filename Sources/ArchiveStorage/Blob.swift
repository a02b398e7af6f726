// SQLite's incremental blob I/O (https://sqlite.org/c3ref/blob_open.html): a large value written and read in
// pieces, so that memory never grows with its size. A blob is opened on one row's column of a rowid table; its
// size is fixed when the row is written (`zeroblob(N)`):
// > This function may only modify the contents of the BLOB; it is not possible to increase the size of a BLOB
// > using this API.
import CSQLite

public final class Blob {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    /// Its size in bytes.
    public let count: Int

    /// Opens `table.column` of row `rowid` for reading, or for writing too.
    init(_ connection: OpaquePointer, table: String, column: String, rowid: Int64, writable: Bool) throws {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(connection, "main", table, column, rowid, writable ? 1 : 0, &blob)
        guard code == SQLITE_OK, let blob else {
            sqlite3_blob_close(blob)
            throw DatabaseError(connection: connection, code: code, sql: "blob \(table).\(column) of row \(rowid)")
        }
        self.handle = blob
        self.connection = connection
        self.count = Int(sqlite3_blob_bytes(blob))
    }

    deinit { sqlite3_blob_close(handle) }

    /// Writes `bytes` at `offset` (which, with the bytes, must lie inside the blob).
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let code = sqlite3_blob_write(handle, base, Int32(bytes.count), Int32(offset))
        guard code == SQLITE_OK else { throw DatabaseError(connection: connection, code: code, sql: "blob write") }
    }

    /// Reads `buffer.count` bytes from `offset` into `buffer`.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        let code = sqlite3_blob_read(handle, base, Int32(buffer.count), Int32(offset))
        guard code == SQLITE_OK else { throw DatabaseError(connection: connection, code: code, sql: "blob read") }
    }

    /// Reads the bytes of `range` in pieces of at most `pieceSize`, handing each to `body`: bounded memory
    /// whatever the blob's size.
    public func read(_ range: Range<Int>? = nil, pieceSize: Int = 64 * 1024, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let range = range ?? 0..<count
        guard range.lowerBound >= 0, range.upperBound <= count else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "bytes \(range) lie outside a blob of \(count)")
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(pieceSize, range.count)), alignment: 1)
        defer { buffer.deallocate() }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, range.upperBound - offset)])
            try read(into: piece, at: offset)
            try body(UnsafeRawBufferPointer(piece))
            offset += piece.count
        }
    }
}

extension Database {
    /// Opens a blob for reading (and writing, when `writable`): `table` must be a rowid table.
    public func openBlob(table: String, column: String, rowid: Int64, writable: Bool = false) throws -> Blob {
        try Blob(try handle, table: table, column: column, rowid: rowid, writable: writable)
    }
}
