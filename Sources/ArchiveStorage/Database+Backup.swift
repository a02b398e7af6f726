// SQLite's online backup: a consistent copy of the database while other connections read and write it.
import CSQLite

extension Database {
    /// Copies the whole database into a new file at `path` (which must not exist), as one snapshot: with WAL,
    /// copying every page in one step holds a read transaction, so writers go on and the copy is consistent.
    public func backup(to path: String) throws {
        let destination = try Database(path: path, mode: .create)
        let target = try destination.handle
        guard let backup = sqlite3_backup_init(target, "main", try handle, "main") else {
            throw DatabaseError(connection: target, code: sqlite3_errcode(target))
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(50) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw DatabaseError(connection: target, code: code == SQLITE_DONE ? finish : code)
        }
        destination.close()
    }
}
