// The archive's file on disk, for the CLI's bookkeeping around a command.
import ArchiveCore
import ArchiveStorage
import Glibc

enum ArchiveFile {
    /// Closes and deletes an archive this command created, with SQLite's side files, unless another process
    /// (racing to create the same file) has written to it meanwhile.
    static func remove(_ archive: Archive) {
        let counts = ["imports"] + Tables.all.map(\.name)
        let rows: Int64? = try? archive.database.fetchOne("SELECT " + counts.map { "(SELECT count(*) FROM \($0))" }.joined(separator: " + "))
        archive.close()
        guard rows == 0 else { return }
        for suffix in ["", "-wal", "-shm"] { unlink(archive.path + suffix) }
    }
}
