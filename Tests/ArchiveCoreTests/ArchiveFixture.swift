// A fresh archive in a temporary folder, files to import into it, and a dump to compare content before and after.
import ArchiveTestSupport
import ArchiveCore
import ArchiveStorage
import Foundation

final class ArchiveFixture {
    let folder: TemporaryFolder
    let archive: Archive
    var db: Database { archive.database }

    init(seeded: Bool = false) throws {
        folder = try TemporaryFolder()
        archive = try Archive(path: folder.path("archive.sqlite"), access: .write)
        if seeded { _ = try Importer(archive: archive).run(ImportFile.seeds()) }
    }

    /// Writes `content` to a file named `name` in a folder of its own and returns the path.
    @discardableResult
    func write(_ name: String, _ content: String) throws -> String { try write(name, Data(content.utf8)) }

    @discardableResult
    func write(_ name: String, _ content: Data) throws -> String {
        let directory = folder.url.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try content.write(to: url)
        return url.path
    }

    var inputFolder: String { folder.path("input") }

    /// Imports the file or folder at `path`.
    @discardableResult
    func importPath(_ path: String, table: String? = nil, dryRun: Bool = false) throws -> ImportReport {
        try Importer(archive: archive).run(ImportFile.files(at: path, table: table), options: ImportOptions(dryRun: dryRun))
    }

    /// The problems an import of `path` reports (it must fail).
    func problems(importing path: String) throws -> [String] {
        do {
            try importPath(path)
            return []
        } catch let failure as ImportFailure {
            return failure.problems.map(\.description)
        }
    }

    /// Every row of every table, in rowid order, as text: equal dumps mean equal content.
    func dump(excluding excluded: Set<String> = []) throws -> [String] {
        var lines: [String] = []
        // Every table, the full-text indexes' own included; WITHOUT ROWID tables come in primary-key order.
        let list = try db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') ORDER BY name")
        var tables: [(String, Bool)] = []
        while let row = try list.next() { tables.append((row.string(at: 0)!, row.int(at: 1) == 1)) }
        for (table, withoutRowID) in tables where !excluded.contains(table) {
            let statement = try db.prepare("SELECT * FROM \(table)" + (withoutRowID ? "" : " ORDER BY rowid"))
            while let row = try statement.next() {
                lines.append(table + ": " + (0..<row.count).map { row.value(at: $0).debugDescription }.joined(separator: " | "))
            }
        }
        return lines
    }

    /// The first column of every row, as text.
    func column(_ sql: String) throws -> [String] {
        let statement = try db.prepare(sql)
        var values: [String] = []
        while let row = try statement.next() { values.append(row.string(at: 0) ?? "") }
        return values
    }

    func one<T: DatabaseValueConvertible>(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> T? {
        try db.fetchOne(sql, arguments)
    }
}
