// The errors a user of the archive can meet, each one line that says what happened and what to do.
// The CLI maps each kind to an exit code; the library never prints.
import ArchiveStorage
import Glibc

public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// The archive file does not exist (a reading command needs one).
        case notFound
        /// The file or folder cannot be created or written (missing directory, read-only file or folder).
        case cannotWrite
        /// The file is not an SQLite database, or is some other application's database.
        case notAnArchive
        /// The archive's schema cannot be used by this binary (newer, edited, or needs an upgrade).
        case incompatibleSchema
        /// Another process holds the write lock for longer than the busy timeout.
        case busy
        /// The input data is wrong (import): the message names the file, line and field.
        case invalidInput
        /// An input file cannot be read.
        case cannotRead
        /// A read ran past its time limit and was stopped.
        case timeLimit
        /// Anything else SQLite reported: an I/O error, a full disk, a corrupt file.
        case storage
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// A failure of storage (an I/O error, a damaged file) in the archive's terms; nil for any other error. For
    /// front ends, which see the library's errors but not its storage's.
    public init?(storageFailure error: any Error, path: String) {
        guard let error = error as? DatabaseError else { return nil }
        self.init(error, path: path)
    }

    /// Whether `error` is a failure of storage (see init(storageFailure:path:)).
    public static func isStorageFailure(_ error: any Error) -> Bool { error is DatabaseError }

    /// Explains a storage error in the archive's terms, naming the file at `path`.
    package init(_ error: DatabaseError, path: String) {
        switch error.extendedResultCode {
        case .SQLITE_NOTADB:
            self.init(.notAnArchive, "\(path) is not an SQLite database (\(error.message))")
        case .SQLITE_READONLY:
            self.init(.cannotWrite, "\(path) is read-only: this command writes to the archive (\(error.message))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.busy, "\(path) is locked by another process; try again when it has finished (\(error.message))")
        case .SQLITE_FULL:
            self.init(.storage, "the disk holding \(path) is full; nothing was changed (\(error.message))")
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE || [ENOSPC, EFBIG, EDQUOT].contains(error.systemErrno):
            // SQLite does not always keep the errno; a full disk or a size limit is the usual cause.
            self.init(.storage, "could not write to \(path): the disk is full, a file-size limit was reached, or the device failed; nothing was changed (\(error.codeName))")
        case .SQLITE_CORRUPT:
            self.init(.storage, "\(path) is damaged: \(error.message); restore it from a backup")
        default:
            self.init(.storage, "\(path): \(error)")
        }
    }
}
