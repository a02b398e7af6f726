// `archive backup`: a consistent copy of the archive, safe to take while an import runs.
import ArchiveStorage
import Glibc

extension Archive {
    /// Writes a copy of the archive to `destination`, which must not exist and may not be one of the archive's
    /// own files. The copy is made in a unique hidden file beside it and linked into place only once it is
    /// complete and passes SQLite's integrity check: a failure leaves no copy, and an existing file is never
    /// replaced (link(2) refuses to, even one that appeared meanwhile). A symbolic link is followed.
    public func backup(to destination: String) throws {
        let target = try FilePath(destination)
        try ArchiveFiles(archivePath: path).refuse(target, as: destination)
        guard !target.exists else {
            throw ArchiveError(.cannotWrite, "\(destination) exists: give a new file name (a backup never overwrites)")
        }
        let temporary = try TemporaryFile(beside: target)
        Glibc.close(temporary.descriptor) // SQLite opens the (empty) file itself
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary.path + suffix) }
            UnfinishedFile.set(nil)
        }
        do {
            try database.backup(to: temporary.path)
            let copy = try Database(path: temporary.path, mode: .readOnly)
            let verdict: String? = try copy.fetchOne("PRAGMA integrity_check")
            copy.close()
            guard verdict == "ok" else { throw ArchiveError(.storage, "the copy failed its integrity check: \(verdict ?? "?")") }
            guard link(temporary.path, target.resolved) == 0 else {
                let reason = errno == EEXIST ? "it was created meanwhile" : String(cString: strerror(errno))
                throw ArchiveError(errno == EEXIST ? .cannotWrite : .storage, "cannot write \(destination): \(reason)")
            }
            removeTemporary()
        } catch let error as DatabaseError {
            removeTemporary()
            // A full disk or a failing device is an I/O error (74), as everywhere else.
            throw ArchiveError(error, path: destination)
        } catch {
            removeTemporary()
            throw error
        }
    }
}
