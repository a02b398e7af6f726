// `archive search` end to end: output for people and programs, exit codes, hostile text.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct SearchCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    @Test func printsATableOfHitsWithSnippets() throws {
        let result = try run(["search", "Michael", "Rider"], in: folder.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("slug") == true)
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("celine-ss-2026") == true)
        #expect(lines.last?.contains("[Michael] [Rider]") == true) // brackets: stdout is not a terminal
    }

    /// Help says negative years are BC, but `--from -500` failed with "Missing value for '--from'" (only
    /// `--from=-500` worked): a year option takes the next word as its value, whatever it starts with.
    @Test func aNegativeYearIsAValueNotAnOption() throws {
        let search = try run(["search", "derby", "--from", "-500", "--to", "2030"], in: folder.url)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("celine-ss-2026"))
        let bc = try run(["search", "derby", "--year", "-500", "--in", "collections"], in: folder.url)
        #expect(bc.status == 0 && !bc.stdout.contains("celine-ss-2026"), "\(bc.stderr)")
        let timeline = try run(["timeline", "--from", "-500", "--to", "-1"], in: folder.url)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        let missing = try run(["search", "derby", "--from"], in: folder.url)
        #expect(missing.status == 64)
    }

    @Test func machineFormatsHaveTheSameColumnsEveryTime() throws {
        let csv = try run(["search", "derby", "--format", "csv"], in: folder.url)
        #expect(csv.stdout.hasPrefix("kind,slug,title,season,year,score,snippet\r\n"))
        #expect(csv.stdout.contains("collection,celine-ss-2026,Celine Spring/Summer 2026,SS,2026,"))
        let json = try run(["search", "derby", "--format", "json"], in: folder.url)
        let hits = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(hits?.count == 2)
        #expect(Set(hits?.first?.keys.map { $0 } ?? []) == ["kind", "slug", "title", "season", "year", "score", "snippet"])
        let ndjson = try run(["search", "zizi", "--in", "all", "--format", "ndjson"], in: folder.url)
        for line in ndjson.stdout.split(separator: "\n") {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        let empty = try run(["search", "nothingmatchesthis", "--format", "json"], in: folder.url)
        #expect(empty.stdout == "[]\n")
        #expect(empty.stderr == "no matches for nothingmatchesthis\n")
        #expect(empty.status == 0)
    }

    @Test func facetsCountByDesignerAndPeriodWithNames() throws {
        let result = try run(["search", "derby", "--facets", "--format", "csv"], in: folder.url)
        #expect(result.stdout.hasPrefix("facet,value,label,count,count_is\r\n"))
        #expect(result.stdout.contains("designer,celine,Celine,1,exact\r\n"))
        #expect(result.stdout.contains("period,2026/2026,2026,1,exact\r\n"))
    }

    @Test(arguments: ["\"", "NEAR(", "title:", "'; DROP TABLE collections; --", "^", "*", "AND", "🩰", "(ballet", "-derby"])
    func hostileQueriesNeverFail(_ text: String) throws {
        let result = try run(["search", "--", text], in: folder.url)
        #expect(result.status == 0, "\(text): \(result.stderr)")
        #expect(!result.stderr.contains("syntax"))
    }

    @Test func rawMatchSyntaxErrorsAreOneLineAndExit2() throws {
        let result = try run(["search", "--match", "NEAR("], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("archive: the --match query is not valid FTS5 syntax"))
        #expect(try run(["search", "--match", "title: tulle"], in: folder.url).stdout.contains("simone-rocha-romantic-tulle"))
    }

    @Test func usageErrorsExit64() throws {
        for arguments in [["search"], ["search", "  "], ["search", "x", "--limit", "0"], ["search", "x", "--season", "Summer"],
                          ["search", "x", "--in", "icons", "--season", "SS"], ["search", "x", "--from", "2020", "--to", "2000"]] {
            let result = try run(arguments, in: folder.url)
            #expect(result.status == 64, "\(arguments)")
        }
    }

    @Test func checkIncludesTheSearchIndexes() throws {
        #expect(try run(["check"], in: folder.url).status == 0)
        _ = try sqlite3(folder.path("archive.sqlite"), "DELETE FROM collections_fts WHERE rowid = 1;")
        let result = try run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("search: collections_fts: 1 records are missing or out of date"))
    }
}
