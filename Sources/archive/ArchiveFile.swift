// The archive's file on disk, for the CLI's bookkeeping around a command.
import ArchiveCore
import Glibc

enum ArchiveFile {
    /// Closes and deletes an archive this command created, with SQLite's side files.
    static func remove(_ archive: Archive) {
        archive.close()
        for suffix in ["", "-wal", "-shm"] { unlink(archive.path + suffix) }
    }
}
