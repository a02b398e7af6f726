// What other SQLite tools and other processes do to an archive's file: the sqlite3 CLI deleting with foreign
// keys off, a hand-dropped index or trigger, a foreign database handed to `archive`, a writer holding the
// lock while `check` runs, several processes creating one new archive at once, an export during imports.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct OtherToolsTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    var archivePath: String { folder.path("archive.sqlite") }

    @Test func deletingWithTheSqlite3CLIKeepsTheArchivesPromises() throws {
        // The sqlite3 CLI leaves foreign keys off, as SQLite does by default.
        #expect(try sqlite3(archivePath, "PRAGMA foreign_keys") == "0\n")
        _ = try sqlite3(archivePath, "DELETE FROM designers WHERE slug = 'celine'; DELETE FROM icons WHERE slug = 'kate-moss';")
        #expect(try sqlite3(archivePath, """
            SELECT count(*) FROM collection_designers WHERE designer_id NOT IN (SELECT id FROM designers);
            SELECT count(*) FROM icon_shoes WHERE icon_id NOT IN (SELECT id FROM icons);
            SELECT count(*) FROM designers_fts WHERE designers_fts MATCH 'celine' AND rowid NOT IN (SELECT id FROM designers);
            """) == "0\n0\n0\n")
        let check = try run(["check"], in: folder.url)
        #expect(check.status == 0, "\(check.stdout)")
        // The deleted icon's name is gone from the icons column of the index rows of the shoes she wore.
        #expect(try sqlite3(archivePath, "SELECT count(*) FROM shoes_fts WHERE shoes_fts MATCH 'icons : moss'") == "0\n")

        let cited = try run(["sqlite3", archivePath, "DELETE FROM sources"], in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(cited.status != 0)
        #expect(cited.stderr.contains("FOREIGN KEY constraint failed: this source is still cited"))
        #expect(try sqlite3(archivePath, "SELECT count(*) FROM sources") == "1\n")
        let renumber = try run(["sqlite3", archivePath, "UPDATE shoes SET id = id + 1000"], in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(renumber.stderr.contains("an archive record's id cannot change"))
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func checkListsEverySchemaChangeMadeByHand() throws {
        _ = try sqlite3(archivePath, """
            DROP INDEX collections_year;
            DROP TRIGGER shoes_fts_insert;
            CREATE VIEW my_view AS SELECT slug FROM shoes;
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'year BETWEEN 1 AND 9999', 'year BETWEEN 1 AND 99999') WHERE name = 'collections';
            """)
        let check = try run(["check"], in: folder.url)
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("schema: index collections_year is missing (it was dropped by another tool?)"))
        #expect(lines.contains("schema: trigger shoes_fts_insert is missing (it was dropped by another tool?)"))
        #expect(lines.contains("schema: view my_view is not part of the archive's schema (added by another tool?)"))
        #expect(lines.contains("schema: table collections differs from what the migrations create: has \"year         INTEGER CHECK (year IS NULL OR (typeof(year) = 'integer' AND year BETWEEN 1 AND 99999)),\" where the migrations have \"year         INTEGER CHECK (year IS NULL OR (typeof(year) = 'integer' AND year BETWEEN 1 AND 9999)),\""))
        #expect(lines.count == 4, "\(lines)")
        #expect(check.stderr == "archive.sqlite: 4 problems found\n")
    }

    @Test func aForeignDatabaseIsRefusedBeforeAnythingIsWrittenToIt() throws {
        let other = folder.path("other-app.sqlite")
        _ = try sqlite3(other, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');")
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        try Data("slug,name\nx,X\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        for arguments in [["import", "icons.csv"], ["import", "icons.csv", "--dry-run"], ["migrate"], ["check"], ["search", "x"]] {
            let result = try run(arguments + ["--db", other], in: folder.url)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is an SQLite database, but not an archive"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before) // header bytes 18-19 (WAL) included
        #expect(!folder.exists("other-app.sqlite-wal"))
    }

    @Test func checkReadsFromASnapshotWhileAnotherProcessHoldsTheWriteLock() throws {
        let holder = try HeldConnection.writeLock(archivePath)
        let started = Date()
        let check = try run(["check"], in: folder.url)
        let seconds = Date().timeIntervalSince(started)
        try holder.release()
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("FTS5's own integrity check of the search indexes was skipped: another process is writing"))
        #expect(check.stderr.hasSuffix("archive.sqlite: ok\n"))
        #expect(seconds < 4, "check waited \(seconds) s for the writer (the busy timeout is 5 s)")
        #expect(try run(["check"], in: folder.url).stderr == "archive.sqlite: ok\n")
    }

    @Test func processesCreatingOneNewArchiveAtOnceAllSucceed() throws {
        for round in 0..<3 {
            let name = "new-\(round).sqlite"
            // A lock holder makes the racers meet: each opens the new file and is seen waiting for the lock;
            // released, they all go.
            let holder = try HeldConnection.writeLock(folder.path(name))
            let racers = try (0..<4).map { _ in try start(["import", "seeds", "--db", name], in: folder.url) }
            let waited = racers.map { waitUntilWaitingForALock($0, on: folder.path(name)) }
            try holder.release()
            for racer in racers { racer.waitUntilExit() }
            #expect(waited == [true, true, true, true], "round \(round): not every racer was seen waiting for the lock")
            #expect(racers.map(\.terminationStatus) == [0, 0, 0, 0], "round \(round)")
            #expect(try run(["check", "--db", name], in: folder.url).status == 0)
            #expect(try sqlite3(folder.path(name), "SELECT count(*) FROM imports; SELECT count(*) FROM shoes") == "4\n8\n")
        }
        // And without a lock holder: started together on a path that does not exist yet.
        let racers = try (0..<4).map { _ in try start(["import", "seeds", "--db", "raced.sqlite"], in: folder.url) }
        for racer in racers { racer.waitUntilExit() }
        #expect(racers.map(\.terminationStatus) == [0, 0, 0, 0])
    }

    @Test func everyFileOfOneExportAllComesFromOneSnapshot() throws {
        // A writer adds designers and the collections' links to them, one import per round, while --all runs.
        var script = "set -e\n"
        for round in 0..<40 {
            let designers = (0..<3).map { "new-\(round)-\($0),New \(round) \($0),house" }.joined(separator: "\n")
            let links = (0..<8).map { "celine-ss-2026,new-\(round)-\($0 % 3),\(["house", "collaborator", "designer"][$0 / 3])" }
            script += """
                mkdir -p r\(round)
                printf 'slug,name,kind\\n\(designers)\\n' > r\(round)/designers.csv
                printf 'collection,designer,role\\n\(Set(links).sorted().joined(separator: "\\n"))\\n' > r\(round)/collection_designers.csv
                "$ARCHIVE" import r\(round) 2>/dev/null

                """
        }
        try script.write(toFile: folder.path("writer.sh"), atomically: true, encoding: .utf8)
        let writer = ChildProcess()
        writer.executableURL = URL(fileURLWithPath: "/bin/bash")
        writer.arguments = [folder.path("writer.sh")]
        writer.currentDirectoryURL = folder.url
        writer.environment = ["ARCHIVE": ArchiveBinary.url.path, "PATH": "/usr/bin:/bin"]
        try writer.run()
        var exports = 0
        var failures: [String] = []
        repeat {
            let out = "out-\(exports)"
            let export = try run(["export", "--all", out], in: folder.url)
            let reimport = try run(["import", out, "--db", "\(out).sqlite"], in: folder.url)
            if export.status != 0 || reimport.status != 0 { failures.append(export.stderr + reimport.stderr) }
            exports += 1
        } while writer.isRunning && exports < 200
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(exports > 1)
        #expect(failures.isEmpty, "\(failures.prefix(2))")
    }
}
