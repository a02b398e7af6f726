// Several processes on one archive, and resource faults: readers see the old or the new data, never a mix;
// a second writer waits for the lock and then succeeds, or says the archive is locked when the lock is held past
// its busy timeout; a full disk is a clean error.
import ArchiveTestSupport
import Foundation
import Testing

@Suite(.serialized) struct ConcurrencyAndFaultTests {
    private func writeCollections(_ count: Int, prefix: String, to path: String) throws {
        var csv = "slug,title,description\n"
        for index in 0..<count { csv += "\(prefix)-\(index),\"\(prefix) \(index)\",\"Organza, satin and tulle; look \(index) of a long series of ballet-inspired pieces.\"\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func collectionCount(_ folder: TemporaryFolder) throws -> Int? {
        let stats = try run(["stats", "--format", "json"], in: folder.url)
        guard stats.status == 0 else { return nil }
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        return (object?["tables"] as? [String: Int])?["collections"]
    }

    @Test func readersDuringAnImportSeeTheOldOrTheNewDataNeverAMix() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        try writeCollections(40_000, prefix: "bulk", to: folder.path("collections.csv"))
        let importer = try start(["import", "collections.csv"], in: folder.url)
        var seen: Set<Int> = []
        var failures: [String] = []
        repeat {
            if let count = try collectionCount(folder) { seen.insert(count) } else { failures.append("stats") }
            let search = try run(["search", "organza", "--format", "csv", "--limit", "5"], in: folder.url)
            if search.status != 0 { failures.append("search: \(search.stderr)") }
            let export = try run(["export", "collections"], in: folder.url)
            if export.status != 0 { failures.append("export: \(export.stderr)") }
            let rows = export.stdout.split(separator: "\r\n").count - 1
            seen.insert(rows)
        } while importer.isRunning
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures)")
        #expect(seen.isSubset(of: [5, 40_005]), "readers saw \(seen)")
        #expect(try collectionCount(folder) == 40_005)
    }

    @Test func aSecondImportWaitsForTheWriteLockThenSucceeds() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        try Data("slug,name\nsecond-icon,Second\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        // Another writer holds the lock; the import is released only once it is seen waiting for it.
        let holder = try HeldConnection.writeLock(folder.path("archive.sqlite"))
        FileManager.default.createFile(atPath: folder.path("second.err"), contents: nil)
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path("second.err")))
        let second = try start(["import", "icons.csv"], in: folder.url, errors: errors)
        let waited = waitUntilWaitingForALock(second, on: folder.path("archive.sqlite"))
        try holder.release()
        second.waitUntilExit()
        let stderr = try String(contentsOfFile: folder.path("second.err"), encoding: .utf8)
        #expect(waited, "the second import was not seen waiting for the lock")
        #expect(second.terminationStatus == 0, "\(stderr)")
        #expect(stderr.hasSuffix("archive.sqlite: 1 added, 0 updated, 0 unchanged\n"), "\(stderr)")
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT name FROM icons WHERE slug = 'second-icon'") == "Second\n")
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func aSecondImportSaysTheArchiveIsLockedWhenTheFirstHoldsItPastTheBusyTimeout() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        try writeCollections(40_000, prefix: "first", to: folder.path("collections.csv"))
        try Data("slug,name\nsecond-icon,Second\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        // The first import is stopped inside its transaction: it holds the write lock for as long as the second
        // import waits (the busy timeout, 5 s), and longer.
        let probe = try LockProbe(folder.path("archive.sqlite"))
        let first = try start(["import", "collections.csv"], in: folder.url)
        try #require(try probe.stopWhileItHoldsTheLock(first), "the first import ended before it could be stopped inside its transaction")
        defer { kill(first.processIdentifier, SIGCONT) } // should a step below throw
        let second = try run(["import", "icons.csv"], in: folder.url)
        let stillLocked = try probe.isLocked()
        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        #expect(stillLocked)
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.hasPrefix("archive: archive.sqlite is locked by another process; try again when it has finished"), "\(second.stderr)")
        #expect(second.stderr.split(separator: "\n").count == 1, "\(second.stderr)")
        // The first completes; the second changed nothing.
        #expect(first.terminationStatus == 0)
        #expect(try collectionCount(folder) == 40_005)
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT count(*) FROM icons WHERE slug = 'second-icon'") == "0\n")
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func aFullDiskIsACleanErrorAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        try writeCollections(40_000, prefix: "big", to: folder.path("collections.csv"))
        let dumpBefore = try run(["export", "--all", "before"], in: folder.url)
        #expect(dumpBefore.status == 0)
        // ulimit -f: no file may grow past 2 MiB, as on a nearly full disk.
        let result = try run(["-c", "ulimit -f 2048; exec \"$ARCHIVE\" import collections.csv"], in: folder.url,
                             environment: ["ARCHIVE": ArchiveBinary.url.path], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(result.status == 74, "\(result.status): \(result.stderr)")
        #expect(result.stderr.hasPrefix("archive: could not write to archive.sqlite: the disk is full, a file-size limit was reached"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try run(["check"], in: folder.url).status == 0)
        #expect(try run(["export", "--all", "after"], in: folder.url).status == 0)
        let diff = try run(["-c", "diff -r before after && echo same"], in: folder.url, executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(diff.stdout == "same\n")
    }
}
