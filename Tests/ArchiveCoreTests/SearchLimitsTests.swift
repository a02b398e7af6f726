// Whatever is typed, a search costs what a reasonable one does: distinct terms and prefixes are capped,
// repeated words count once, any Int is a safe limit or offset, and a time budget stops the rest.
import ArchiveCore
import ArchiveTestSupport
import Testing

@Suite struct SearchLimitsTests {
    @Test func repeatedWordsAreSearchedOnce() throws {
        let query = try SearchQuery(Array(repeating: "ballet Ballet BALLET", count: 2_000).joined(separator: " ") + " tulle*")
        #expect(query.expression == "\"ballet\" AND \"tulle\"*")
    }

    @Test func moreThan32TermsOr8PrefixesAreUsageErrors() throws {
        let words = (0..<33).map { "word\($0)" }
        #expect(throws: SearchError.tooManyTerms(33)) { try SearchQuery(words.joined(separator: " ")) }
        #expect(throws: Never.self) { try SearchQuery(words.dropLast().joined(separator: " ")) }
        let prefixes = (0..<9).map { "p\($0)*" }
        #expect(throws: SearchError.tooManyPrefixes(9)) { try SearchQuery(prefixes.joined(separator: " ")) }
        #expect(throws: SearchError.tooLong(1_001, limit: 1_000)) { try SearchQuery(match: String(repeating: "a", count: 1_001)) }
        #expect(throws: SearchError.tooLong(100_001, limit: 100_000)) { try SearchQuery(String(repeating: "a ", count: 50_000) + "b") }
        // A phrase or a hyphenated term of many words is as costly as those words.
        let phrase = "\"" + (0..<65).map { "w\($0)" }.joined(separator: " ") + "\""
        #expect(throws: SearchError.tooManyWords(65)) { try SearchQuery(phrase) }
        #expect(throws: SearchError.tooManyWords(65)) { try SearchQuery((0..<65).map { "w\($0)" }.joined(separator: "-")) }
        for error in [SearchError.tooManyTerms(33), .tooManyPrefixes(9), .tooManyWords(65), .tooLong(1_001, limit: 1_000), .emptyQuery] {
            #expect(error.isUsageError)
        }
    }

    @Test func controlCharactersAloneAreAnEmptyQuery() throws {
        for text in ["\u{01}\u{02}", "\u{1B}", " \u{7F}\t", "\u{85}\u{9B}"] {
            #expect(throws: SearchError.emptyQuery) { try SearchQuery(text) }
            #expect(throws: SearchError.emptyQuery) { try SearchQuery(match: text) }
            #expect(!SearchQuery.isSearchable(text))
        }
    }

    @Test func anyLimitAndOffsetIsSafe() throws {
        let fixture = try ArchiveFixture(seeded: true)
        let searcher = Searcher(archive: fixture.archive)
        let query = try SearchQuery("ballet")
        #expect(try searcher.search(query, in: [.collections], limit: .max, offset: .max).isEmpty)
        let every = try searcher.search(query, in: SearchScope.allCases, limit: 1_000)
        #expect(every.count > 4)
        #expect(try searcher.search(query, in: SearchScope.allCases, limit: .max, offset: 1) == Array(every.dropFirst()))
        #expect(try searcher.search(query, in: [.collections], limit: .min, offset: .min).isEmpty)
        #expect(try searcher.search(query, in: [.collections], limit: 2, offset: .min).count == 2)
        #expect(try searcher.count(query, in: [.collections], upTo: 10) == 4)
        #expect(try searcher.count(query, in: SearchScope.allCases, upTo: 2) == 2)
    }

    @Test func aSearchPastItsTimeLimitStops() throws {
        let fixture = try ArchiveFixture(seeded: true)
        var csv = "slug,title,description\n"
        for index in 0..<2_000 { csv += "look-\(index),Look \(index),Tulle and organza study \(index) after the ballet\n" }
        try fixture.write("collections.csv", csv)
        try fixture.importPath(fixture.inputFolder)
        var searcher = Searcher(archive: fixture.archive)
        searcher.timeLimit = 1e-9 // past before SQLite's first look at the clock
        for run in [{ _ = try searcher.search(SearchQuery("t* o*"), in: SearchScope.allCases) },
                    { _ = try searcher.facets(SearchQuery("tulle"), in: [.collections]) },
                    { _ = try searcher.count(SearchQuery("study"), in: [.collections], upTo: 10_000) }] {
            #expect(throws: SearchError.timeLimit(1e-9)) { try run() }
        }
        searcher.timeLimit = 30
        #expect(try searcher.search(SearchQuery("organza"), in: [.collections], limit: 5).count == 5)
    }
}

@Suite struct JSONOutputTests {
    @Test func aBlobIsTwoHexDigitsAByte() {
        #expect(JSONText.value(.blob([0x01, 0x23])) == "\"0123\"")
        #expect(JSONText.value(.blob([0x12, 0x03])) == "\"1203\"")
        #expect(JSONText.value(.blob([0x00, 0xFF, 0x0A])) == "\"00ff0a\"")
    }
}

@Suite struct NearestNameTests {
    @Test func aTypoFindsItsWordAndAnotherWordDoesNot() {
        #expect(NearestName.suggestion(for: "contry", among: ["slug", "country", "founded"]) == "country")
        #expect(NearestName.suggestion(for: "Founded", among: ["slug", "country", "founded"]) == "founded")
        #expect(NearestName.suggestion(for: "colour", among: ["slug", "country", "founded"]) == nil)
        #expect(NearestName.nearest(to: "repeto-zizi", among: ["repetto", "repetto-zizi", "zizi"], count: 2) == ["repetto-zizi"])
        #expect(NearestName.suggestion(for: "", among: ["a"]) == "a")
    }
}
