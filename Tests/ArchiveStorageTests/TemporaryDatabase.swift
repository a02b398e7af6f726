// Real database files in a fresh temporary folder, removed when the test ends.
import ArchiveStorage
import Foundation

final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A new database file in this folder.
    func database(_ name: String = "test.sqlite", mode: Database.Mode = .create) throws -> Database {
        try Database(path: path(name), mode: mode)
    }
}
