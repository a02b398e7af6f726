// `archive search QUERY`: full-text search of collections (or shoes, designers, icons, or all of them).
import ArchiveCore
import ArchiveStorage
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
            syntax instead (exit 2 when it is not valid).

            Collections are found by their title, designers, creative directors and collaborators, keywords, \
            description, season and year. Results are ranked by relevance (title first, then names, keywords, \
            description), ties by slug. With --facets, the counts of hits by designer and by year are printed \
            instead of the hits.
            """
    )

    enum Scope: String, ExpressibleByArgument, CaseIterable {
        case collections, shoes, designers, icons, all

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

    @Option(help: "Only this year.")
    var year: Int?

    @Option(help: "Only from this year on.")
    var from: Int?

    @Option(help: "Only up to this year.")
    var to: Int?

    @Option(help: "How many hits to show.")
    var limit = 20

    @Option(help: "How many of the best hits to skip (for paging).")
    var offset = 0

    @Flag(help: "Print counts of hits by designer and by year instead of the hits.")
    var facets = false

    @Option(help: "Output format.")
    var format: RowOutputFormat = .table

    var queryText: String { words.joined(separator: " ") }

    func validate() throws {
        guard queryText.contains(where: { !$0.isWhitespace }) else { throw ValidationError("give something to search for") }
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
        if let season, parsedSeason(season) == nil {
            throw ValidationError("unknown season '\(season)'; seasons: \(FashionCollection.Season.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if scope != .all && Searcher.scopes(scope.scopes, filters: filters).isEmpty {
            throw ValidationError("these filters do not apply to \(scope.rawValue) (--season is for collections; icons have no year; designers have no --designer)")
        }
    }

    private func parsedSeason(_ text: String) -> FashionCollection.Season? {
        FashionCollection.Season.allCases.first { $0.rawValue.lowercased() == text.lowercased() }
    }

    private var filters: SearchFilters {
        SearchFilters(designer: designer, season: season.flatMap(parsedSeason), year: year, from: from, to: to)
    }

    func run() throws {
        let archive = try options.open(.read)
        let searcher = Searcher(archive: archive)
        do {
            let query = match ? try SearchQuery(match: queryText) : try SearchQuery(queryText)
            if facets {
                let counts = try searcher.facets(query, in: scope.scopes, filters: filters)
                try printRows(columns: ["facet", "value", "count"], counts.map { [.text($0.facet), $0.value.map(DatabaseValue.text) ?? .null, .integer(Int64($0.count))] })
                if counts.isEmpty { Console.note("no matches for \(queryText)") }
                return
            }
            let bold = format == .table && isatty(STDOUT_FILENO) == 1
            let hits = try searcher.search(query, in: scope.scopes, filters: filters, limit: limit, offset: offset,
                                           highlight: bold ? .bold : .brackets)
            if hits.isEmpty {
                Console.note("no matches for \(queryText)")
                if format == .table { return }
            }
            try printHits(hits)
        } catch let error as SearchError {
            Console.error(error.description)
            throw ExitCode(2)
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    private func printHits(_ hits: [SearchHit]) throws {
        if format == .table {
            let header = (scope == .all ? ["kind"] : []) + ["slug", "title", "when", "snippet"]
            let rows = hits.map { hit in
                (scope == .all ? [hit.kind] : []) + [hit.slug, hit.title, [hit.season, hit.year.map(String.init)].compactMap { $0 }.joined(separator: " "),
                                                     hit.snippet.map { $0 == "\n" || $0 == "\r\n" || $0 == "\t" ? " " : $0 }.reduce(into: "") { $0.append($1) }]
            }
            Console.output(alignedTable([header] + rows))
            return
        }
        try printRows(columns: ["kind", "slug", "title", "season", "year", "score", "snippet"], hits.map { hit in
            [.text(hit.kind), .text(hit.slug), .text(hit.title), hit.season.map(DatabaseValue.text) ?? .null,
             hit.year.map { .integer(Int64($0)) } ?? .null, .real(hit.score), .text(hit.snippet)]
        })
    }

    private func printRows(columns: [String], _ rows: [[DatabaseValue]]) throws {
        guard let rowFormat = format.rowFormat else {
            Console.output(alignedTable([columns] + rows.map { $0.map(\.plainText) }))
            return
        }
        try writeRows(format: rowFormat, columns: columns, rows)
    }
}
