// SIGKILL at random moments: during an import (a bulk one, whose search triggers are dropped and rebuilt inside
// its transaction) and during an export. After every kill `archive check` passes and the content is exactly
// the state before the import, or exactly the state after it. A few kills run in CI; set
// ARCHIVE_CRASH_KILLS=50 (or more) for the full count.
import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Foundation
import Glibc
import Testing

@Suite(.serialized) struct CrashSafetyTests {
    static let kills = Int(ProcessInfo.processInfo.environment["ARCHIVE_CRASH_KILLS"] ?? "") ?? 6

    private func dump(_ path: String) throws -> String {
        // The import log and the history carry the time of the import: the same content, a different clock.
        try sqlite3(path, ".dump").split(separator: "\n")
            .filter { !$0.hasPrefix("INSERT INTO imports ") && !$0.hasPrefix("INSERT INTO changes ") }.joined(separator: "\n")
    }

    /// Starts `archive` with `arguments`, kills it after `delay` seconds (if still running), waits.
    private func killed(_ arguments: [String], in folder: URL, after delay: Double) throws -> Int32 {
        let process = try start(arguments, in: folder)
        usleep(UInt32(delay * 1_000_000))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func killsDuringAnImportLeaveTheBeforeOrTheAfterState() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        // Over 4 MiB, so the import takes the bulk path (triggers dropped, indexes rebuilt, all in one transaction).
        var csv = "slug,title,season,year,description,keywords\n"
        for index in 0..<30_000 {
            csv += "crash-\(index),\"Crash test \(index) — “tulle”\",SS,\(1950 + index % 70),\"Organza, satin and tulle; a ballet-inspired look number \(index), with ribbons and pleats.\",ballet; tulle\n"
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("collections.csv")))
        let seeded = folder.path("seeded.sqlite")
        try FileManager.default.copyItem(atPath: folder.path("archive.sqlite"), toPath: seeded)
        let before = try dump(seeded)

        // The after-state, and how long a whole import takes.
        try FileManager.default.copyItem(atPath: seeded, toPath: folder.path("full.sqlite"))
        let start = Date()
        try #require(try run(["import", "collections.csv", "--db", "full.sqlite"], in: folder.url).status == 0)
        let duration = Date().timeIntervalSince(start)
        let after = try dump(folder.path("full.sqlite"))
        #expect(before != after)

        var generator = SystemRandomNumberGenerator()
        var outcomes = (before: 0, after: 0)
        for kill in 0..<Self.kills {
            let work = "work-\(kill).sqlite"
            try FileManager.default.copyItem(atPath: seeded, toPath: folder.path(work))
            let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
            _ = try killed(["import", "collections.csv", "--db", work], in: folder.url, after: delay)
            let check = try run(["check", "--db", work], in: folder.url)
            #expect(check.status == 0, "kill \(kill) after \(delay) s: \(check.stdout) \(check.stderr)")
            let state = try dump(folder.path(work))
            #expect(state == before || state == after, "kill \(kill) after \(delay) s left a third state")
            if state == before { outcomes.before += 1 } else if state == after { outcomes.after += 1 }
        }
        print("crash safety: \(Self.kills) kills over \(duration) s imports: \(outcomes.before) before-states, \(outcomes.after) after-states")
    }

    @Test func killsDuringAnExportLeaveTheArchiveUntouched() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let before = try dump(folder.path("archive.sqlite"))
        for kill in 0..<max(2, Self.kills / 2) {
            _ = try killed(["export", "--all", "out-\(kill)"], in: folder.url, after: Double(kill) * 0.004)
            #expect(try run(["check"], in: folder.url).status == 0)
            #expect(try dump(folder.path("archive.sqlite")) == before)
        }
    }
}

@Suite(.serialized) struct MigrationCrashTests {
    /// An archive at schema version 1 (as an older binary left it), holding the seeds' sources.
    private func oldArchive(at path: String) throws {
        let db = try Database(path: path)
        try db.enableWriteAheadLog() // as every archive is
        try Migrator(migrations: Array(Schema.migrations.prefix(1))).migrate(db)
        try db.execute("INSERT INTO sources (slug, title) VALUES ('article', 'An article')")
        db.close()
    }

    @Test func killsDuringAMigrationLeaveAnArchiveThatMigratesCleanly() throws {
        let folder = try TemporaryFolder()
        var versions: Set<Int> = []
        for kill in 0..<max(4, CrashSafetyTests.kills) {
            let path = folder.path("old-\(kill).sqlite")
            try oldArchive(at: path)
            let process = try start(["migrate", "--db", path], in: folder.url)
            usleep(UInt32(kill % 8) * 2_000)
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            // Whatever was applied is whole: the archive is at some version, and finishing the upgrade works.
            let db = try Database(path: path, mode: .readOnly)
            let version = try Migrator(migrations: Schema.migrations).currentVersion(of: db)
            versions.insert(version)
            db.close()
            let migrate = try run(["migrate", "--db", path], in: folder.url)
            #expect(migrate.status == 0, "\(migrate.stderr)")
            #expect(try run(["check", "--db", path], in: folder.url).status == 0)
            let slug = try run(["show", "article", "--db", path], in: folder.url)
            #expect(slug.status == 0) // the data from before the upgrade is there
        }
        #expect(versions.isSubset(of: Set([1] + Schema.migrations.map(\.version))))
    }
}

@Suite struct UnwritableFolderTests {
    /// Makes the folder `name` in `directory` unwritable, even for root (chattr +i where that works, chmod 555
    /// otherwise); returns whether that succeeded.
    private static func protect(_ name: String, in directory: URL, _ flag: String = "+i") throws -> Bool {
        try run(["-c", "chattr \(flag) \(name) 2>/dev/null || chmod \(flag == "+i" ? "555" : "755") \(name)"], in: directory,
                executable: URL(fileURLWithPath: "/bin/bash")).status == 0
    }

    /// Whether a file can be created in a folder so protected: root ignores chmod, and chattr +i needs a file
    /// system that has the attribute (and the capability to set it).
    private static func canCreateAFile(in name: String, of directory: URL) throws -> Bool {
        try run(["-c", "touch \(name)/probe 2>/dev/null"], in: directory, executable: URL(fileURLWithPath: "/bin/bash")).status == 0
    }

    /// Whether this machine lets a test make a folder unwritable for itself, tried once on a folder of its own.
    static let canProtectFolders: Bool = {
        guard let folder = try? TemporaryFolder(),
              (try? FileManager.default.createDirectory(at: folder.url.appendingPathComponent("probe"), withIntermediateDirectories: true)) != nil,
              (try? protect("probe", in: folder.url)) == true else { return false }
        defer { _ = try? protect("probe", in: folder.url, "-i") }
        return (try? canCreateAFile(in: "probe", of: folder.url)) == false
    }()

    @Test(.enabled(if: canProtectFolders, "skipped: cannot make a folder unwritable here (root without chattr +i on this file system)"))
    func anImportIntoAFolderThatCannotBeWrittenFailsCleanly() throws {
        let folder = try TemporaryFolder()
        let locked = folder.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try SeededArchive.copy(into: folder, name: "locked/archive.sqlite")
        try Data("slug,name\ntwiggy,Twiggy\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        try #require(try Self.protect("locked", in: folder.url))
        defer { _ = try? Self.protect("locked", in: folder.url, "-i") }
        try #require(try !Self.canCreateAFile(in: "locked", of: folder.url), "the folder could be written after all")
        let result = try run(["import", "icons.csv", "--db", "locked/archive.sqlite"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try run(["check", "--db", "locked/archive.sqlite"], in: folder.url).status == 0)
        let search = try run(["search", "twiggy", "--in", "icons", "--db", "locked/archive.sqlite"], in: folder.url)
        #expect(search.stderr == "no matches for twiggy\n")
    }
}
