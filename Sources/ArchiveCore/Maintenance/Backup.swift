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
        do {
            try temporary.closeDescriptor(destination) // SQLite opens the (empty) file itself
            try database.backup(to: temporary.path)
            let copy = try Database(path: temporary.path, mode: .readOnly)
            let verdict: String? = try copy.fetchOne("PRAGMA integrity_check")
            copy.close()
            guard verdict == "ok" else { throw ArchiveError(.storage, "the copy failed its integrity check: \(verdict ?? "?")") }
            try Archive.placeWithoutReplacing(temporary.path, at: target.resolved, shown: destination)
            temporary.discard()
        } catch let error as DatabaseError {
            temporary.discard()
            // A full disk or a failing device is an I/O error (74), as everywhere else.
            throw ArchiveError(error, path: destination)
        } catch {
            temporary.discard()
            throw error
        }
    }

    /// Gives the finished copy its name unless something has that name already: link(2) refuses to replace a
    /// file. Where the file system has no hard links (FAT, exFAT, some network mounts), an empty file is
    /// created exclusively to claim the name and the copy is renamed over it.
    private static func placeWithoutReplacing(_ temporary: String, at final: String, shown: String) throws {
        if link(temporary, final) == 0 { return }
        let failure = errno
        guard failure == EPERM || failure == EOPNOTSUPP || failure == ENOSYS || failure == EMLINK else {
            let reason = failure == EEXIST ? "it was created meanwhile" : String(cString: strerror(failure))
            throw ArchiveError(failure == EEXIST ? .cannotWrite : .storage, "cannot write \(shown): \(reason)")
        }
        let claim = open(final, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard claim >= 0 else {
            let reason = errno == EEXIST ? "it was created meanwhile" : String(cString: strerror(errno))
            throw ArchiveError(.cannotWrite, "cannot write \(shown): \(reason)")
        }
        Glibc.close(claim)
        guard rename(temporary, final) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(final)
            throw ArchiveError(.storage, "cannot write \(shown): \(reason)")
        }
    }
}
