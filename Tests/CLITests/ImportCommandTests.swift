// `archive import` end to end: the bundled seeds from any directory, user files, failures and dry runs.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct ImportCommandTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    private func sqlite(_ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try sqlite3(folder.path("archive.sqlite"), sql, sourceLocation: sourceLocation)
    }

    @Test func importSeedsCreatesACitedArchiveTheSqlite3CLICanRead() throws {
        let result = try run(["import", "seeds"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains("designers"))
        #expect(result.stderr.contains("archive.sqlite: "))
        #expect(try sqlite("SELECT name FROM icons WHERE slug = 'serge-gainsbourg';") == "Serge Gainsbourg\n")
        #expect(try run(["check"], in: folder.url).status == 0)

        let again = try run(["import", "seeds"], in: folder.url)
        #expect(again.status == 0)
        #expect(again.stderr.hasSuffix("archive.sqlite: nothing to change, the archive already holds this data\n"))
    }

    @Test func aBadFileListsItsProblemsExits65AndChangesNothing() throws {
        try SeededArchive.copy(into: folder)
        let before = try sqlite(".dump")
        try Data("slug,name,kind\nchanel,Chanel,house\nbad slug,X,house\ndior,Dior,maison\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        let result = try run(["import", "designers.csv"], in: folder.url)
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            designers.csv:3: slug: "bad slug" is not a valid slug: lowercase ASCII letters and digits, words joined by single hyphens (e.g. celine-ss-2026)
            designers.csv:4: kind: "maison" is not one of house, person
            archive: import failed with 2 problems; the archive was not changed

            """)
        #expect(try sqlite(".dump") == before)
    }

    @Test func tableOptionNamesTheTableOfAFile() throws {
        try Data("slug,name\ntwiggy,Twiggy\n".utf8).write(to: URL(fileURLWithPath: folder.path("people.csv")))
        let result = try run(["import", "people.csv", "--table", "icons"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sqlite("SELECT name FROM icons;") == "Twiggy\n")
        let unknown = try run(["import", "people.csv", "--table", "widgets"], in: folder.url)
        #expect(unknown.status == 64)
    }

    @Test func dryRunWritesNothing() throws {
        try Data("slug,name\ntwiggy,Twiggy\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        #expect(try run(["migrate"], in: folder.url).status == 0)
        let result = try run(["import", "icons.csv", "--dry-run"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("dry run: nothing was written: 1 added"))
        #expect(try sqlite("SELECT count(*) FROM icons;") == "0\n")
    }

    @Test func aDryRunWithoutAnArchiveCreatesNothing() throws {
        try Data("slug,name\ntwiggy,Twiggy\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        let result = try run(["import", "icons.csv", "--dry-run"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 added"))
        #expect(!folder.exists("archive.sqlite"))
    }

    @Test func aFailedFirstImportLeavesNoArchiveBehind() throws {
        try Data("slug,name\nTwiggy!,Twiggy\n".utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        let result = try run(["import", "icons.csv"], in: folder.url)
        #expect(result.status == 65)
        #expect(!folder.exists("archive.sqlite"))
        #expect(!folder.exists("archive.sqlite-wal"))
    }

    @Test func tableWithAFolderIsAUsageError() throws {
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        #expect(try run(["import", "data", "--table", "icons"], in: folder.url).status == 64)
    }

    @Test func aMissingPathIsExit66() throws {
        let result = try run(["import", "nowhere.csv"], in: folder.url)
        #expect(result.status == 66)
        #expect(result.stderr == "archive: cannot read nowhere.csv: No such file or directory\n")
        #expect(!folder.exists("archive.sqlite")) // nothing created for an import that could not start
    }

    @Test func aFileInAFolderThatCannotBeReadIsExit66AndNothingIsImported() throws {
        // A dangling link stands in for an unreadable file: the tests run as root, who can read any mode.
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("slug,name\ntwiggy,Twiggy\n".utf8).write(to: data.appendingPathComponent("icons.csv"))
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("designers.csv").path,
                                                   withDestinationPath: "/nonexistent/designers.csv")
        #expect(try run(["migrate"], in: folder.url).status == 0)
        let result = try run(["import", "data"], in: folder.url)
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr == """
            data/designers.csv: cannot be read: No such file or directory
            archive: import failed with 1 problem; the archive was not changed

            """)
        #expect(try sqlite("SELECT count(*) FROM icons;") == "0\n")
    }

    @Test func importHasHelp() throws {
        let result = try run(["import", "--help"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("--dry-run"))
        #expect(result.stdout.contains("file:line: field: what is wrong"))
    }
}
