// `archive backup`: a checked, complete copy, also while another process writes.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct BackupCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    @Test func theCopyPassesCheckAndOpensInSqlite3() throws {
        let result = try run(["backup", "copy.sqlite"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!folder.exists("copy.sqlite.partial"))
        #expect(try run(["check", "--db", "copy.sqlite"], in: folder.url).status == 0)
        #expect(try sqlite3(folder.path("copy.sqlite"), "SELECT count(*) FROM shoes") == "8\n")
        let again = try run(["backup", "copy.sqlite"], in: folder.url)
        #expect(again.status == 73)
        #expect(again.stderr == "archive: copy.sqlite exists: give a new file name (a backup never overwrites)\n")
    }

    @Test func aBackupDuringAnImportIsConsistent() throws {
        var csv = "slug,title,description\n"
        for index in 0..<40_000 { csv += "bulk-\(index),Bulk \(index),\"Organza, tulle and satin; number \(index)\"\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("collections.csv")))
        let importer = try start(["import", "collections.csv"], in: folder.url)
        usleep(150_000)
        let backup = try run(["backup", "during.sqlite"], in: folder.url)
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try run(["check", "--db", "during.sqlite"], in: folder.url).status == 0)
        // The copy holds the seeds and either none or all of the import: never a part of it.
        let stats = try run(["stats", "--db", "during.sqlite", "--format", "json"], in: folder.url)
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        let collections = (object?["tables"] as? [String: Int])?["collections"]
        #expect(collections == 5 || collections == 40_005, "\(String(describing: collections))")
    }
}
