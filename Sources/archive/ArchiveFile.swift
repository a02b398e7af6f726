// The archive's file on disk, for the CLI's bookkeeping around a command.
import ArchiveCore
import ArchiveStorage
import Glibc

enum ArchiveFile {
    /// Closes and deletes an archive this command created, with SQLite's side files, when it is still empty
    /// and no other process has it open: one racing to create the same file may be about to commit into it.
    /// Leaving WAL mode needs every other connection gone, so it is the test of being alone.
    static func remove(_ archive: Archive) {
        let counts = ["imports"] + Tables.all.map(\.name)
        let alone = (try? archive.database.fetchOne("PRAGMA journal_mode = DELETE") as String?) == "delete"
        let rows: Int64? = alone ? try? archive.database.fetchOne("SELECT " + counts.map { "(SELECT count(*) FROM \($0))" }.joined(separator: " + ")) : nil
        if alone && rows != 0 { try? archive.database.enableWriteAheadLog() }
        archive.close()
        guard rows == 0 else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(archive.path + suffix) }
    }
}
