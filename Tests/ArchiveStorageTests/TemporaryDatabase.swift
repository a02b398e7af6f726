// Real database files in a fresh temporary folder.
import ArchiveStorage
import ArchiveTestSupport

extension TemporaryFolder {
    /// A new database file in this folder.
    func database(_ name: String = "test.sqlite", mode: Database.Mode = .create) throws -> Database {
        try Database(path: path(name), mode: mode)
    }
}
