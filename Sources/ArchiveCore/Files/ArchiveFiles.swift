// The files that make up an archive on disk: the database and its companions (-wal, -shm, -journal).
// Nothing the archive writes for a user (an export, a backup) may land on one of them, however the path is
// spelled: another folder's name for it, a symbolic link, a hard link.
import Glibc

public struct ArchiveFiles {
    /// The companion files SQLite keeps beside a database, and what each is for a message.
    static let companions: [(suffix: String, what: String)] = [
        ("", "the archive itself"), ("-wal", "the archive's write-ahead log"),
        ("-shm", "the archive's shared-memory index"), ("-journal", "the archive's rollback journal"),
    ]

    private let archivePath: String
    /// Canonical paths of the database and its companions, whether or not they exist now.
    private let names: [(path: String, what: String)]
    /// The identities of those that exist now.
    private let identities: [(status: stat, what: String)]

    public init(archivePath: String) {
        self.archivePath = archivePath
        let base = (try? FilePath(archivePath))?.resolved ?? archivePath
        names = ArchiveFiles.companions.map { (base + $0.suffix, $0.what) }
        identities = names.compactMap { name in
            var status = stat()
            return stat(name.path, &status) == 0 ? (status, name.what) : nil
        }
    }

    /// Throws (cannotWrite) when the open `descriptor`, which the user called `path`, is one of the archive's files.
    func refuse(descriptor: Int32, as path: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0,
              let what = identities.first(where: { $0.status.st_dev == status.st_dev && $0.status.st_ino == status.st_ino })?.what else { return }
        throw ArchiveError(.cannotWrite, "refusing to write \(path): it is \(what) (\(archivePath)); choose another file, nothing was written")
    }

    /// Throws (cannotWrite) when `target`, which the user called `path`, is one of the archive's files.
    func refuse(_ target: FilePath, as path: String) throws {
        let what = names.first { $0.path == target.resolved }?.what
            ?? identities.first { target.isSameFile(as: $0.status) }?.what
        guard let what else { return }
        throw ArchiveError(.cannotWrite, "refusing to write \(path): it is \(what) (\(archivePath)); choose another file, nothing was written")
    }
}
