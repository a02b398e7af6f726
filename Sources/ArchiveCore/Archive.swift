// An open archive: a database file that holds (or is about to hold) the archive's schema.
// Opening for writing creates the file and brings its schema up to date; opening for reading never changes
// what the file holds, works on a write-protected file, and leaves no side file it made (readingMode).
import ArchiveStorage
import Glibc
import Synchronization

public final class Archive {
    public enum Access: Sendable {
        case read
        /// Creates the file if needed and brings its schema up to date.
        case write
        /// For a dry run: writes inside a transaction that is rolled back, but never creates or migrates the
        /// file (a missing archive is stood in for by an empty one in memory).
        case rehearse
    }

    public let path: String
    package let database: Database

    /// The page cache of a command that writes much in one transaction (an import), in KiB: pages
    /// touched again and again stay in memory instead of being spilled to the WAL and read back each time (the
    /// default 2 MiB spilled most of a 1M-row import). Bounded, within the 100 MB aim.
    static let writingCacheKiB = 16 * 1024

    /// Opens the archive at `path`. Errors are ArchiveErrors that name the file and say what to do.
    public init(path: String, access: Access) throws {
        self.path = path
        if access == .rehearse && !Archive.fileExists(path) {
            database = try Database(path: ":memory:")
            try Fingerprint.add(to: database)
            try Schema.migrator().migrate(database)
            return
        }
        try Archive.checkPath(path, access: access)
        do {
            database = try Archive.openDatabase(path: path, access: access)
            try Fingerprint.add(to: database)
        } catch let error as DatabaseError {
            throw Archive.openError(error, path: path, access: access)
        }
        do {
            // Before anything is written: some other application's database must be left byte for byte as it was.
            try checkIdentity()
            switch access {
            case .write:
                guard !database.isReadOnly else {
                    throw ArchiveError(.cannotWrite, "\(path) is read-only: this command writes to the archive")
                }
                try database.enableWriteAheadLog()
                try Schema.migrator().migrate(database)
            case .read:
                try checkSchemaIsCurrent()
            case .rehearse:
                guard !database.isReadOnly else {
                    throw ArchiveError(.cannotWrite, "\(path) is read-only: a dry run needs write access (it rolls everything back)")
                }
                try database.enableWriteAheadLog()
                try checkSchemaIsCurrent()
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: path)
        } catch let error as MigrationError {
            throw ArchiveError(.incompatibleSchema, "\(path): \(error)")
        }
    }

    /// Closes the connection now rather than when the archive is released.
    public func close() { database.close() }

    /// $ARCHIVE_DB names the archive when no --db does.
    public static let environmentVariable = "ARCHIVE_DB"
    public static let defaultPath = "archive.sqlite"

    /// The archive's path: `given` (--db), else $ARCHIVE_DB, else archive.sqlite in the current directory.
    public static func path(given: String?) -> String {
        if let given { return given }
        if let value = getenv(environmentVariable), value.pointee != 0 { return String(cString: value) }
        return defaultPath
    }

    public static func fileExists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// The newest schema version applied to this archive.
    public func schemaVersion() throws -> Int { try Schema.migrator().currentVersion(of: database) }

    // MARK: Opening

    /// Catches, before SQLite does, the cases SQLite reports only as "unable to open database file".
    private static func checkPath(_ path: String, access: Access) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw ArchiveError(.notAnArchive, "\(path) is a directory, not an archive file") }
            return
        }
        guard access == .write else {
            throw ArchiveError(.notFound, "no archive at \(path): create one with `archive import seeds` or `archive migrate`, or give --db")
        }
        let directory = Archive.directory(of: path)
        var directoryStatus = stat()
        guard stat(directory, &directoryStatus) == 0, (directoryStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw ArchiveError(.cannotWrite, "cannot create \(path): the directory \(directory) does not exist")
        }
        guard Glibc.access(directory, W_OK) == 0 else {
            throw ArchiveError(.cannotWrite, "cannot create \(path): the directory \(directory) is not writable")
        }
    }

    /// A connection to `path` as `access` needs it: for reading, one that leaves no side file it made, or that
    /// reads a WAL archive on read-only media.
    static func openDatabase(path: String, access: Access) throws -> Database {
        switch access {
        case .write: return try Database(path: path, mode: .create)
        case .rehearse: return try Database(path: path, mode: .readWrite)
        case .read: break
        }
        if readingMode(path) == .queryOnly, let database = try? Database(path: path, mode: .queryOnly) { return database }
        do {
            return try Database(path: path, mode: .readOnly)
        } catch let error as DatabaseError where error.isUnwritable {
            // A WAL archive on read-only media: its -shm file cannot be created. Nothing can write the file
            // either, so reading it as immutable is safe, unless a -wal file holds commits not yet in the
            // file: immutable would ignore them, and show old data as if it were current.
            var status = stat()
            if stat(path + "-wal", &status) == 0 && status.st_size > 0 {
                throw ArchiveError(.cannotWrite, "cannot read \(path): its -wal file holds recent changes, and the folder is read-only; open it once where it can be written (or copy it with its -wal file to a writable folder)")
            }
            return try Database(path: path, mode: .immutable)
        }
    }

    /// How this process's reading connections to `path` open, decided at the first. A WAL archive's -wal and
    /// -shm files are made by the first connection that reads it, and removed by the last to close, if that one
    /// can take the file's exclusive lock, which a read-only handle cannot: reading commands left them behind,
    /// empty. So when none of SQLite's side files is there (as a writer's close leaves the archive) and the file
    /// and its folder can be written, connections read through a handle that could write, every write refused
    /// (query_only), and SQLite removes what they made when the last closes, as it does for a writer: only when
    /// no connection of any process has the file open (the lock says so), after checkpointing into the file any
    /// commit made meanwhile; a -wal that holds data or that anyone uses is never removed. Side files found
    /// there are someone else's (an import under way, a writer that crashed, another tool): the connections are
    /// read-only and leave them as they are. One decision for all of the process's connections (the server's
    /// pools), since SQLite removes the files only at the close of the last, and only if it is not read-only.
    static func readingMode(_ path: String) -> Database.Mode {
        readingModes.withLock { modes in
            if let mode = modes[path] { return mode }
            let untouched = ["-wal", "-shm", "-journal"].allSatisfy { !fileExists(path + $0) }
            let writable = Glibc.access(path, W_OK) == 0 && Glibc.access(directory(of: path), W_OK) == 0
            let mode: Database.Mode = untouched && writable ? .queryOnly : .readOnly
            modes[path] = mode
            return mode
        }
    }

    private static let readingModes = Mutex<[String: Database.Mode]>([:])

    private static func openError(_ error: DatabaseError, path: String, access: Access) -> ArchiveError {
        if error.resultCode == .SQLITE_CANTOPEN {
            guard access == .read else {
                // Writing needs the folder too: SQLite creates the -wal and -shm files beside the archive.
                return ArchiveError(.cannotWrite, "cannot open \(path) for writing: \(error.message) (can its folder be written?)")
            }
            return ArchiveError(.notFound, "cannot open \(path): \(error.message)")
        }
        return ArchiveError(error, path: path)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Refuses some other application's database rather than adding the archive's tables to it.
    private func checkIdentity() throws {
        // One statement, one snapshot: a process creating the archive at this moment must not be seen between
        // its application id and its tables.
        let statement = try database.prepare("SELECT (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)")
        guard let row = try statement.next() else { return }
        let applicationID = row.int64(at: 0) ?? 0, tables = row.int64(at: 1) ?? 0
        if applicationID == Schema.applicationID { return }
        guard applicationID == 0 && tables == 0 else {
            throw ArchiveError(.notAnArchive, "\(path) is an SQLite database, but not an archive: give --db the path of an archive, or a new file")
        }
    }

    /// A reading command needs the schema this binary was built for: it cannot upgrade a file it may not write.
    private func checkSchemaIsCurrent() throws {
        let migrator = try Schema.migrator()
        try migrator.validate(database, checksums: false)
        let current = try migrator.currentVersion(of: database)
        if current == 0 {
            throw ArchiveError(.notFound, "\(path) is empty: create the archive with `archive import seeds` or `archive migrate`")
        }
        if current < migrator.latestVersion {
            throw ArchiveError(
                .incompatibleSchema,
                "\(path) is at schema version \(current), older than this binary's \(migrator.latestVersion): run `archive migrate` to upgrade it")
        }
    }
}

extension Archive {
    /// Closes and deletes an archive a command created, with SQLite's side files, when it is still empty and no
    /// other process has it open: one racing to create the same file may be about to commit into it. Leaving
    /// WAL mode needs every other connection gone, so it is the test of being alone.
    public func removeIfUnused() {
        let counts = ["imports"] + Tables.all.map(\.name)
        let alone = (try? database.fetchOne("PRAGMA journal_mode = DELETE") as String?) == "delete"
        let rows: Int64? = alone ? try? database.fetchOne("SELECT " + counts.map { "(SELECT count(*) FROM \($0))" }.joined(separator: " + ")) : nil
        if alone && rows != 0 { try? database.enableWriteAheadLog() }
        close()
        guard rows == 0 else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}
