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

    @Test func aBackupDuringAnImportHoldsNoneOfItAndOneAfterHoldsAll() throws {
        var csv = "slug,title,description\n"
        for index in 0..<40_000 { csv += "bulk-\(index),Bulk \(index),\"Organza, tulle and satin; number \(index)\"\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("collections.csv")))
        // The import is stopped inside its transaction (it holds the write lock, certainly, while the backup runs).
        let probe = try LockProbe(folder.path("archive.sqlite"))
        let importer = try start(["import", "collections.csv"], in: folder.url)
        try #require(try probe.stopWhileItHoldsTheLock(importer), "the import ended before it could be stopped inside its transaction")
        let backup = try run(["backup", "during.sqlite"], in: folder.url)
        let stillLocked = try probe.isLocked()
        kill(importer.processIdentifier, SIGCONT)
        importer.waitUntilExit()
        #expect(stillLocked)
        #expect(importer.terminationStatus == 0)
        // The backup did not wait for the writer; its copy holds the seeds and none of the import, never a part.
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try run(["check", "--db", "during.sqlite"], in: folder.url).status == 0)
        #expect(try collections(in: "during.sqlite") == 5)
        // Once the import has committed, a backup holds all of it.
        #expect(try run(["backup", "after.sqlite"], in: folder.url).status == 0)
        #expect(try run(["check", "--db", "after.sqlite"], in: folder.url).status == 0)
        #expect(try collections(in: "after.sqlite") == 40_005)
    }

    private func collections(in copy: String) throws -> Int? {
        let stats = try run(["stats", "--db", copy, "--format", "json"], in: folder.url)
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        return (object?["tables"] as? [String: Int])?["collections"]
    }
}
