// `archive export`, `list`, `show` and `stats` end to end.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct ExportCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    /// Runs a bash pipeline in the test folder (for redirections a ChildProcess cannot express).
    private func shell(_ command: String) throws -> ProcessResult {
        try run(["-c", command], in: folder.url, environment: ["ARCHIVE": ArchiveBinary.url.path], executable: URL(fileURLWithPath: "/bin/bash"))
    }

    @Test func exportsATableToStdoutAsStrictCSV() throws {
        let result = try run(["export", "shoes"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let csv = try StrictCSV(result.stdout)
        #expect(csv.header == ["slug", "name", "type", "year_introduced", "description", "materials"])
        #expect(csv.rows.count == 8)
        #expect(csv.column("slug") == csv.column("slug").sorted { ($0 ?? "") < ($1 ?? "") })
    }

    @Test func writesAFileOnlyWhenComplete() throws {
        let result = try run(["export", "collections_full", "-o", "full.csv"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr == "5 rows written to full.csv\n")
        #expect(!folder.exists("full.csv.partial"))
        let csv = try StrictCSV(try String(contentsOfFile: folder.path("full.csv"), encoding: .utf8))
        let celine = try #require(csv.rows.first { $0[0] == "celine-ss-2026" })
        #expect(celine[csv.header.firstIndex(of: "creative_directors")!] == "Michael Rider")
    }

    @Test func aFullDiskIsAnErrorNotData() throws {
        let result = try shell("\"$ARCHIVE\" export shoes > /dev/full")
        #expect(result.status == 74)
        #expect(result.stderr == "archive: cannot write the export: cannot write the output: No space left on device\n")
    }

    @Test func aReaderThatStopsEarlyEndsTheExportQuietly() throws {
        // Enough rows that the export outlives `head`.
        var csv = "slug,name\n"
        for index in 0..<60_000 { csv += "icon-\(index),Icon number \(index) with a longer name to fill the pipe\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("icons.csv")))
        #expect(try run(["import", "icons.csv"], in: folder.url).status == 0)
        let result = try shell("\"$ARCHIVE\" export icons | head -n 2; echo \"status ${PIPESTATUS[0]}\"")
        #expect(result.stdout.hasPrefix("slug,name,occupation,era,nationality,description,born,died,wikidata,ulan,viaf,wikipedia\r\n"))
        #expect(result.stdout.hasSuffix("status 0\n")) // archive itself exited 0
        #expect(result.stderr == "")
    }

    @Test func exportAllThenImportIntoAFreshArchiveRoundTrips() throws {
        #expect(try run(["export", "--all", "out"], in: folder.url).status == 0)
        #expect(try run(["import", "out", "--db", "copy.sqlite"], in: folder.url).status == 0)
        #expect(try run(["export", "--all", "again", "--db", "copy.sqlite"], in: folder.url).status == 0)
        let diff = try shell("diff -r out again && echo same")
        #expect(diff.stdout == "same\n", "\(diff.stdout)")
    }

    @Test func jsonAndNDJSONFormats() throws {
        let json = try run(["export", "icons", "--format", "json"], in: folder.url)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 4)
        let ndjson = try run(["export", "icons", "--format", "ndjson"], in: folder.url)
        #expect(ndjson.stdout.split(separator: "\n").count == 4)
    }

    @Test func usageErrors() throws {
        for arguments in [["export"], ["export", "widgets"], ["export", "shoes", "--all", "x"], ["export", "--all", "x", "--format", "json"]] {
            #expect(try run(arguments, in: folder.url).status == 64, "\(arguments)")
        }
    }

    @Test func showTheZiziShoe() throws {
        let result = try run(["show", "repetto-zizi"], in: folder.url)
        #expect(result.status == 0)
        for expected in ["Repetto", "Zizi Jeanmaire", "Serge Gainsbourg", "designed_for", "wore", "balletcore-derby-article-2025"] {
            #expect(result.stdout.contains(expected), "\(expected)")
        }
        let json = try run(["show", "shoes", "repetto-zizi", "--format", "json"], in: folder.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["links"] as? [Any])?.count == 4) // maker, two icons, and the Balletcore trend
        let missing = try run(["show", "nobody"], in: folder.url)
        #expect(missing.status == 66)
        #expect(missing.stderr == "archive: no record with slug \"nobody\"; search by its words: `archive search nobody --in all`\n")
    }

    @Test func listAndStats() throws {
        let list = try run(["list", "icons"], in: folder.url)
        #expect(list.stdout.split(separator: "\n").count == 5)
        let stats = try run(["stats", "--format", "json"], in: folder.url)
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect((object?["tables"] as? [String: Int])?["collections"] == 5)
        #expect((object?["last_import"] as? [String: Any])?["source"] as? String == "seeds")
    }
}
