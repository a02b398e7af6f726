// Incremental blob I/O and the streaming SHA-256 that image storage rests on: a value written and read back in
// pieces of any size is the value, a piece outside the blob is an error (not a silent short read), and a
// digest fed in pieces is the digest of the whole.
import ArchiveStorage
import ArchiveTestSupport
import Testing

@Suite struct BlobTests {
    /// 300,001 bytes that differ from one offset to the next.
    private let bytes: [UInt8] = (0..<300_001).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }

    @Test(arguments: [1, 7, 4096, 65_536, 1 << 20])
    func aBlobWrittenAndReadInPiecesHoldsTheBytes(pieceSize: Int) throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        try db.execute("INSERT INTO files (data) VALUES (zeroblob(?))", [bytes.count])
        let id = db.lastInsertRowID
        let writer = try db.openBlob(table: "files", column: "data", rowid: id, writable: true)
        #expect(writer.count == bytes.count)
        try bytes.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: pieceSize) {
                try writer.write(UnsafeRawBufferPointer(rebasing: all[start..<min(all.count, start + pieceSize)]), at: start)
            }
        }
        #expect(try db.fetchOne("SELECT data FROM files") == bytes)
        var read: [UInt8] = []
        try db.openBlob(table: "files", column: "data", rowid: id).read(pieceSize: pieceSize) { read.append(contentsOf: $0) }
        #expect(read == bytes)
        var middle: [UInt8] = []
        try db.openBlob(table: "files", column: "data", rowid: id).read(1000..<2500, pieceSize: pieceSize) { middle.append(contentsOf: $0) }
        #expect(middle == Array(bytes[1000..<2500]))
    }

    @Test func aPieceOutsideTheBlobOrAMissingRowIsAnError() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        try db.execute("INSERT INTO files (data) VALUES (zeroblob(10))")
        let blob = try db.openBlob(table: "files", column: "data", rowid: 1, writable: true)
        #expect(throws: DatabaseError.self) { try [UInt8](repeating: 1, count: 4).withUnsafeBytes { try blob.write($0, at: 8) } }
        #expect(throws: DatabaseError.self) { try blob.read(5..<11) { _ in } }
        #expect(throws: DatabaseError.self) { try db.openBlob(table: "files", column: "data", rowid: 2) }
        // Nothing was written by the refused piece.
        #expect(try db.fetchOne("SELECT data FROM files") == [UInt8](repeating: 0, count: 10))
    }

    @Test(arguments: [1, 3, 63, 64, 65, 1000])
    func aDigestFedInPiecesIsTheDigestOfTheWhole(pieceSize: Int) {
        var hasher = SHA256()
        bytes.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: pieceSize) {
                hasher.update(UnsafeRawBufferPointer(rebasing: all[start..<min(all.count, start + pieceSize)]))
            }
        }
        #expect(hasher.finalizeHex() == SHA256.hexDigest(bytes))
    }

    /// FIPS 180-4's long example: a million "a", fed a piece at a time.
    @Test func aMillionAsHashAsTheStandardSays() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(piece) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
