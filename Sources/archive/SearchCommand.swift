// `archive search QUERY`: full-text search of collections (or shoes, designers, icons, or all of them).
import ArchiveCore
import ArgumentParser
import Glibc

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive's full text, best matches first, with the matching passage.",
        discussion: """
            Words are matched in any order and all must appear; accents and case do not matter (celine finds \
            Céline). "Quoted words" are a phrase; a trailing * matches the start of a word (balle*). \
            Anything else you type is searched for as text, never as syntax. --match takes raw SQLite FTS5 \
            syntax instead (exit 2 when it is not valid, at most 1000 characters).

            A query holds at most 32 different words or phrases and 8 prefixes (a word typed twice counts \
            once); a search that takes longer than --time-limit (0.8 s unless given) is stopped with exit 3. \
            The table shows a page of hits and says on stderr how many there are (counted up to 10000); \
            --offset pages through them.

            Collections are found by their title, designers, creative directors and collaborators, keywords, \
            description, season and year. Results are ranked by relevance (title first, then names, keywords, \
            description), ties by slug. With --facets, every hit is counted by institution, category, object \
            type, maker or designer and period (years, decades or centuries, as the hits' years span), each \
            value with the name it is known by, instead of the hits.
            """
    )

    enum Scope: String, ExpressibleByArgument, CaseIterable {
        case collections, shoes, designers, icons, objects, trends, institutions, all

        var scopes: [SearchScope] { self == .all ? SearchScope.allCases : [SearchScope(rawValue: rawValue)!] }
    }

    @OptionGroup var options: ArchiveOptions

    @Argument(help: "What to search for.")
    var words: [String] = []

    @Flag(help: "Treat the query as raw FTS5 syntax (for experts).")
    var match = false

    @Option(name: .customLong("in"), help: "What to search.")
    var scope: Scope = .collections

    @Option(help: ArgumentHelp("Only records linked to this designer or house.", valueName: "slug"))
    var designer: String?

    @Option(help: ArgumentHelp("Only collections of this season: SS, AW, Resort, Pre-Fall or Couture.", valueName: "season"))
    var season: String?

    @Option(help: ArgumentHelp("Only objects held by this institution.", valueName: "slug"))
    var institution: String?

    @Option(help: ArgumentHelp("Only objects of this category: \(ObjectCategory.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "category"))
    var category: String?

    @Option(name: .customLong("type"), help: ArgumentHelp("Only objects of this type, as the institution names it (slippers, dress).", valueName: "type"))
    var objectType: String?

    @Option(parsing: .unconditional, help: "Only this year (negative: BC; -500 as it is).")
    var year: Int?

    @Option(parsing: .unconditional, help: "Only from this year on (negative: BC).")
    var from: Int?

    @Option(parsing: .unconditional, help: "Only up to this year.")
    var to: Int?

    @Option(help: "How many hits to show (1 to 10000).")
    var limit = 20

    @Option(help: "How many of the best hits to skip, for paging (0 to 10000).")
    var offset = 0

    @Option(help: ArgumentHelp("Stop a search that takes longer than this (exit 3).", valueName: "seconds"))
    var timeLimit = Searcher.defaultTimeLimit

    @Flag(help: "Print counts of hits by institution, category, type, designer and period instead of the hits.")
    var facets = false

    @Option(help: "Output format.")
    var format: RowOutputFormat = .table

    var queryText: String { words.joined(separator: " ") }

    func validate() throws {
        guard SearchQuery.isSearchable(queryText) else { throw ValidationError("give something to search for") }
        _ = try request()
        guard timeLimit.isFinite, (0.001...3600).contains(timeLimit) else { throw ValidationError("--time-limit must be between 0.001 and 3600 seconds") }
        if let season, parsedSeason(season) == nil {
            throw ValidationError("unknown season '\(season)'; seasons: \(FashionCollection.Season.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let category, ObjectCategory(rawValue: category.lowercased()) == nil {
            throw ValidationError("unknown category '\(category)'; categories: \(ObjectCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The search, checked: its words, where, its filters and bounds.
    private func request() throws -> SearchRequest {
        let query: SearchQuery
        do {
            query = try makeQuery()
        } catch {
            throw ValidationError(error.description)
        }
        do {
            return try SearchRequest(query, in: scope.scopes, scopeName: scope.rawValue, filters: filters, limit: limit, offset: offset)
        } catch {
            throw ValidationError(error.message(prefix: "--"))
        }
    }

    private func parsedSeason(_ text: String) -> FashionCollection.Season? {
        FashionCollection.Season.allCases.first { $0.rawValue.lowercased() == text.lowercased() }
    }

    private var filters: SearchFilters {
        SearchFilters(designer: designer, season: season.flatMap(parsedSeason), year: year, from: from, to: to,
                      institution: institution, category: category.flatMap { ObjectCategory(rawValue: $0.lowercased()) }, objectType: objectType)
    }

    private func makeQuery() throws(SearchError) -> SearchQuery {
        match ? try SearchQuery(match: queryText) : try SearchQuery(queryText)
    }

    /// Hits are counted up to this many for the "20 of 555 hits" note.
    static let countCap = SearchRequest.countCap

    func run() throws {
        let archive = try options.open(.read)
        var searcher = Searcher(archive: archive)
        searcher.timeLimit = timeLimit
        let started = Clock.now()
        // The count for the page note gets what is left of the one budget, not a second one.
        var counter: Searcher {
            var counter = searcher
            counter.timeLimit = max(0.001, timeLimit - (Clock.now() - started))
            return counter
        }
        do {
            let query = try makeQuery()
            if facets {
                let counts = try searcher.facets(query, in: scope.scopes, filters: filters).facets
                try printRows(RowTable(facets: counts))
                if counts.isEmpty { Console.note("no matches for \(queryText)") }
                return
            }
            // Snippets for people are marked with private-use characters, replaced once the text is escaped.
            let hits = try searcher.search(query, in: scope.scopes, filters: filters, limit: limit, offset: offset,
                                           highlight: format == .table ? SearchCommand.marks : .brackets)
            if hits.isEmpty {
                if offset > 0, let total = try? counter.count(query, in: scope.scopes, filters: filters, upTo: SearchCommand.countCap + 1), total > 0 {
                    Console.note("no hits after the first \(offset): there are \(total > SearchCommand.countCap ? "more than \(SearchCommand.countCap)" : String(total))")
                } else {
                    Console.note("no matches for \(queryText.escapingControlCharacters)")
                }
                if format == .table { return }
            }
            try printHits(hits)
            if format == .table && (hits.count == limit || offset > 0) { noteHowManyMore(counter, query, shown: hits.count) }
        } catch let error as SearchError {
            Console.error(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        } catch {
            throw ArchiveError(storageFailure: error, path: archive.path) ?? error
        }
    }

    static let marks = Searcher.Highlight.segments

    /// "20 of 555 hits": the table shows a page, and says how many there are and how to see the next.
    private func noteHowManyMore(_ searcher: Searcher, _ query: SearchQuery, shown: Int) {
        let first = offset + 1, last = offset + shown
        guard let total = try? searcher.count(query, in: scope.scopes, filters: filters, upTo: SearchCommand.countCap + 1) else {
            Console.note("hits \(first)–\(last) shown; --offset \(last) shows the next \(limit)")
            return
        }
        let of = total > SearchCommand.countCap ? "more than \(SearchCommand.countCap)" : String(total)
        guard last < total else {
            if offset > 0 { Console.note("hits \(first)–\(last) of \(of) shown") }
            return
        }
        Console.note("hits \(first)–\(last) of \(of) shown; --offset \(last) shows the next \(limit), --format csv or json for programs")
    }

    private func printHits(_ hits: [SearchHit]) throws {
        if format == .table {
            let header = (scope == .all ? ["kind"] : []) + ["slug", "title", "when", "snippet"]
            let rows = hits.map { hit in
                (scope == .all ? [hit.kind] : []) + [hit.slug, hit.title, [hit.season, hit.year.map(String.init)].compactMap { $0 }.joined(separator: " "), hit.snippet]
            }
            // alignedTable escapes what the archive holds; then the marks become bold (a terminal) or brackets.
            let bold = isatty(STDOUT_FILENO) == 1
            let highlight: Searcher.Highlight = bold ? .bold : .brackets
            Console.output(alignedTable([header] + rows)
                .replacing(SearchCommand.marks.open, with: highlight.open)
                .replacing(SearchCommand.marks.close, with: highlight.close))
            return
        }
        try printRows(RowTable(hits: hits))
    }

    private func printRows(_ table: RowTable) throws {
        guard let rowFormat = format.rowFormat else {
            Console.output(alignedTable([table.columns] + table.texts))
            return
        }
        try writeRows(table, format: rowFormat)
    }
}
