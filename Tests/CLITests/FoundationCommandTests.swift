// `archive migrate`, `archive check`, --db and its environment variable, exit codes and messages.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct MigrateAndCheckTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    @Test func migrateCreatesTheDefaultArchiveInTheCurrentDirectory() throws {
        let result = try run(["migrate"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("archive.sqlite migrated to schema version "))
        #expect(folder.exists("archive.sqlite"))

        let again = try run(["migrate"], in: folder.url)
        #expect(again.status == 0)
        #expect(again.stderr.hasPrefix("archive.sqlite is up to date (schema version "))

        let check = try run(["check"], in: folder.url)
        #expect(check.status == 0)
        #expect(check.stdout == "")
        #expect(check.stderr == "archive.sqlite: ok\n")
    }

    @Test func dbOptionBeatsTheEnvironmentVariable() throws {
        let fromEnvironment = try run(["migrate"], in: folder.url, environment: ["ARCHIVE_DB": folder.path("env.sqlite")])
        #expect(fromEnvironment.status == 0)
        #expect(folder.exists("env.sqlite"))
        #expect(!folder.exists("archive.sqlite"))

        let fromOption = try run(["migrate", "--db", "option.sqlite"], in: folder.url, environment: ["ARCHIVE_DB": folder.path("env.sqlite")])
        #expect(fromOption.status == 0)
        #expect(folder.exists("option.sqlite"))
    }

    @Test func statusListsMigrationsForPeopleAndPrograms() throws {
        try run(["migrate"], in: folder.url)
        let text = try run(["migrate", "--status"], in: folder.url)
        #expect(text.status == 0)
        let rows = text.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first == ["version", "name", "state", "applied_at"])
        #expect(rows.dropFirst().first?.prefix(3) == ["1", "core", "applied"])
        #expect(rows.dropFirst().allSatisfy { $0.count == 4 && $0[2] == "applied" && $0[3].hasPrefix("20") })

        let json = try run(["migrate", "--status", "--format", "json"], in: folder.url)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["name"] as? String == "core")
        #expect(decoded?.first?["state"] as? String == "applied")
    }

    @Test func statusOfANewFileShowsPendingMigrationsWithoutCreatingIt() throws {
        try Data().write(to: URL(fileURLWithPath: folder.path("empty.sqlite")))
        let result = try run(["migrate", "--status", "--db", "empty.sqlite"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix("pending") })
    }

    @Test func checkReportsBrokenReferencesAndExitsOne() throws {
        try run(["migrate"], in: folder.url)
        _ = try sqlite3(folder.path("archive.sqlite"),
                        "INSERT INTO shoes (slug, name) VALUES ('zizi', 'Zizi'); INSERT INTO shoe_designers VALUES (1, 7, 'maker', NULL);")
        let result = try run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout == "foreign keys: shoe_designers row 1 refers to a missing row of designers\n")
        #expect(result.stderr == "archive.sqlite: 1 problem found\n")
    }

    @Test func checkWithoutAnArchiveSaysHowToMakeOne() throws {
        let result = try run(["check"], in: folder.url)
        #expect(result.status == 66)
        #expect(result.stderr == "archive: no archive at archive.sqlite: create one with `archive import seeds` or `archive migrate`, or give --db\n")
        #expect(!folder.exists("archive.sqlite"))
    }

    @Test func aFileThatIsNotADatabaseIsOneLineAndExit65() throws {
        try Data("pas une base\n".utf8).write(to: URL(fileURLWithPath: folder.path("notes.txt")))
        for command in ["check", "migrate"] {
            let result = try run([command, "--db", "notes.txt"], in: folder.url)
            #expect(result.status == 65)
            #expect(result.stderr == "archive: notes.txt is not an SQLite database (file is not a database)\n")
            #expect(result.stdout == "")
        }
        #expect(try String(contentsOfFile: folder.path("notes.txt"), encoding: .utf8) == "pas une base\n")
    }

    @Test func aMissingDirectoryIsOneLineAndExit73() throws {
        let result = try run(["migrate", "--db", "nowhere/archive.sqlite"], in: folder.url)
        #expect(result.status == 73)
        #expect(result.stderr == "archive: cannot create nowhere/archive.sqlite: the directory nowhere does not exist\n")
    }

    @Test func usageErrorsExit64() throws {
        for arguments in [["frobnicate"], ["migrate", "--format", "xml"], ["check", "--db", ""], ["migrate", "--no-such-flag"]] {
            let result = try run(arguments, in: folder.url)
            #expect(result.status == 64, "\(arguments)")
            #expect(!result.stderr.isEmpty)
            #expect(result.stdout == "")
        }
    }

    @Test func versionAndHelp() throws {
        let version = try run(["--version"], in: folder.url)
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        let help = try run(["--help"], in: folder.url)
        #expect(help.status == 0)
        #expect(help.stdout.contains("ARCHIVE_DB"))
        #expect(help.stdout.contains("Exit codes"))
    }

    /// Every command documents itself (as sqlite-utils' test_docs does): a command without help fails here.
    @Test(arguments: ["import", "search", "show", "list", "export", "stats", "backup", "migrate", "check"])
    func everyCommandHasHelp(command: String) throws {
        let result = try run([command, "--help"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: "))
        #expect(result.stdout.contains("--db <path>"))
        let overview = result.stdout.split(separator: "\n").first ?? ""
        #expect(overview.count > "OVERVIEW: ".count + 20, "\(command) needs a real abstract")
    }

    @Test func aCopiedBinaryCarriesItsMigrations() throws {
        let elsewhere = folder.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let copy = elsewhere.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: ArchiveBinary.url, to: copy)
        let work = folder.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let result = try run(["migrate"], in: work, executable: copy)
        #expect(result.status == 0)
        #expect(try run(["check"], in: work, executable: copy).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("archive.sqlite").path))
    }
}
