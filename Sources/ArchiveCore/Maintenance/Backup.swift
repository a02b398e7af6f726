// `archive backup`: a consistent copy of the archive, safe to take while an import runs.
import ArchiveStorage
import Glibc

extension Archive {
    /// Writes a copy of the archive to `destination` (which must not exist): first to `destination.partial`,
    /// renamed once the copy is complete and passes SQLite's integrity check, so a failure leaves no copy.
    public func backup(to destination: String) throws {
        guard !Archive.fileExists(destination) else {
            throw ArchiveError(.cannotWrite, "\(destination) exists: give a new file name (a backup never overwrites)")
        }
        let partial = destination + ".partial"
        for suffix in ["", "-wal", "-shm"] { unlink(partial + suffix) }
        do {
            try database.backup(to: partial)
            let copy = try Database(path: partial, mode: .readWrite)
            let verdict: String? = try copy.fetchOne("PRAGMA integrity_check")
            copy.close()
            guard verdict == "ok" else { throw ArchiveError(.storage, "the copy failed its integrity check: \(verdict ?? "?")") }
            guard rename(partial, destination) == 0 else {
                throw ArchiveError(.cannotWrite, "cannot write \(destination): \(String(cString: strerror(errno)))")
            }
        } catch let error as DatabaseError {
            for suffix in ["", "-wal", "-shm"] { unlink(partial + suffix) }
            throw ArchiveError(.cannotWrite, "cannot back up to \(destination): \(error.message)")
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(partial + suffix) }
            throw error
        }
    }
}
