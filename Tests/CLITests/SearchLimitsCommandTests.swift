// `archive search` with hostile arguments: every integer option at any value, control characters, thousands
// of words or prefixes, a query that would run long; and the page note of the table format.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct SearchLimitsCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    @Test(arguments: [
        ["--offset", "9223372036854775788"], ["--offset", "-1"], ["--offset", "10001"], ["--limit", "9223372036854775807"],
        ["--limit", "0"], ["--year", "99999999999"], ["--from", "-9223372036854775808"], ["--to", "10000"],
        ["--time-limit", "nan"], ["--time-limit", "1e308"], ["--time-limit", "0"],
    ])
    func anIntegerOptionOutOfRangeIsAUsageErrorNotACrash(arguments: [String]) throws {
        let result = try run(["search", "derby"] + arguments, in: folder.url)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test func controlCharactersAloneAreAUsageError() throws {
        for arguments in [["search", "\u{01}\u{02}"], ["search", "--match", "\u{1B}\u{7F}"]] {
            let result = try run(arguments, in: folder.url)
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("Error: give something to search for"))
        }
    }

    @Test func thousandsOfWordsOrPrefixesAreRefusedAtOnce() throws {
        let words = (0..<4_000).map { "word\($0)" }.joined(separator: " ")
        let many = try run(["search", words], in: folder.url)
        #expect(many.status == 64)
        #expect(many.stderr.hasPrefix("Error: the query has 4000 different words or phrases; at most 32 are searched"))
        // 400 one-letter prefixes are 26 different ones, still more than 8.
        let letters = (0..<400).map { "\(Character(Unicode.Scalar(UInt8(97 + $0 % 26))))*" }.joined(separator: " ")
        let starred = try run(["search", letters, "--in", "all"], in: folder.url)
        #expect(starred.status == 64)
        #expect(starred.stderr.hasPrefix("Error: the query has 26 prefixes (word*); at most 8 are searched"))
        let chain = (0..<2_000).map { "w\($0)" }.joined(separator: " OR ")
        let raw = try run(["search", "--match", chain], in: folder.url)
        #expect(raw.status == 64)
        #expect(raw.stderr.hasPrefix("Error: the --match query is \(chain.count) characters long; at most 1000"))
        // The same word 4,000 times is one word.
        let repeated = try run(["search", Array(repeating: "ballet", count: 4_000).joined(separator: " ")], in: folder.url)
        #expect(repeated.status == 0)
        #expect(repeated.stdout.contains("ferragamo-balletcore-runway"))
    }

    @Test func aSearchPastItsTimeLimitEndsWithOneLineAndExit3() throws {
        var csv = "slug,title,description\n"
        for index in 0..<20_000 { csv += "look-\(index),Look \(index),\"Tulle, organza, satin and silk: study \(index) after the ballet\"\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("collections.csv")))
        #expect(try run(["import", "collections.csv"], in: folder.url).status == 0)
        let result = try run(["search", "a* e* i* o* s* t* r* l*", "--in", "all", "--time-limit", "0.001"], in: folder.url)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr == "archive: the search took longer than its time limit (0.001 s) and was stopped: make the query more specific (longer words, fewer prefixes, a filter), or give --time-limit\n")
        let facets = try run(["search", "s*", "--facets", "--time-limit", "0.001"], in: folder.url)
        #expect(facets.status == 3)
        // The default budget is ample for a real query.
        #expect(try run(["search", "organza", "--limit", "5"], in: folder.url).status == 0)
    }

    @Test func theTableSaysHowManyHitsThereAreAndHowToPage() throws {
        let first = try run(["search", "ba*", "--limit", "2"], in: folder.url)
        #expect(first.status == 0)
        #expect(first.stderr == "hits 1–2 of 5 shown; --offset 2 shows the next 2, --format csv or json for programs\n")
        let last = try run(["search", "ba*", "--limit", "2", "--offset", "4"], in: folder.url)
        #expect(last.stderr == "hits 5–5 of 5 shown\n")
        let past = try run(["search", "ba*", "--offset", "10"], in: folder.url)
        #expect(past.stderr == "no hits after the first 10: there are 5\n")
        let all = try run(["search", "ba*"], in: folder.url)
        #expect(all.stderr == "") // every hit shown: nothing to say
        let csv = try run(["search", "ba*", "--limit", "2", "--format", "csv"], in: folder.url)
        #expect(csv.stderr == "") // machine formats unchanged
    }

    @Test func theGlobalDbOptionMayComeBeforeTheCommand() throws {
        try SeededArchive.copy(into: folder, name: "other.sqlite")
        for arguments in [["--db", "other.sqlite", "search", "tulle"], ["--db=other.sqlite", "search", "tulle"], ["search", "--db", "other.sqlite", "tulle"]] {
            let result = try run(arguments, in: folder.url, environment: ["ARCHIVE_DB": folder.path("missing.sqlite")])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("simone-rocha-romantic-tulle"))
        }
        let stats = try run(["--db", "missing.sqlite", "stats"], in: folder.url)
        #expect(stats.status == 66)
        #expect(stats.stderr.hasPrefix("archive: no archive at missing.sqlite"))
    }
}
