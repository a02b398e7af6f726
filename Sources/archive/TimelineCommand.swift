// `archive timeline [TABLE] [SLUG]`: every dated fact in order, for the whole archive or around one record
// (a trend's lineage, a designer's career, an icon), each line citing its source.
import ArchiveCore
import ArgumentParser

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List dated facts in order: the whole archive, or around one record (e.g. a trend's story).",
        discussion: """
            Collections by year and season, shoes introduced, objects by earliest year, icons' relations by era, \
            trends' spans and lineage, affiliations, houses founded and closed, people born and died, each with \
            its source. Around a record: the facts of the record, of every record linked to it and, for a trend, \
            of its ancestors. An era as written (1970s) is placed by its leading year; facts with no year come \
            last. The same rows as the exported view `timeline`.
            """)

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("[table] slug: the record to tell the story of (all facts when omitted).", valueName: "slug"))
    var words: [String] = []

    @Option(parsing: .unconditional, help: "Only facts from this year on (negative: BC; --from -500 as it is).")
    var from: Int?

    @Option(parsing: .unconditional, help: "Only facts up to this year.")
    var to: Int?

    @Option(help: "Output format.")
    var format: RowOutputFormat = .table

    private var table: String? { words.count == 2 ? words[0] : nil }
    private var slug: String? { words.last }

    func validate() throws {
        guard words.count <= 2 else { throw ValidationError("give a slug, or a table and a slug, or nothing for the whole archive") }
        _ = try request()
    }

    private func request() throws -> TimelineRequest {
        do {
            return try TimelineRequest(around: slug, in: table, from: from, to: to)
        } catch {
            throw ValidationError(error.message(prefix: "--"))
        }
    }

    func run() throws {
        let request = try request()
        let archive = try options.open(.read)
        // Whatever the format, facts go out as SQLite reads them, in one snapshot: the table reads them twice,
        // first for its columns' widths, so that it is the table `alignedTable` makes without holding the rows.
        let count = try archive.read { archive in
            try writeToStandardOutput { output in
                guard let rowFormat = format.rowFormat else { return try writeTable(request, archive, to: output) }
                return try Timeline.write(request, archive: archive, to: output, format: rowFormat)
            }
        }
        if count == 0 { Console.note("no dated facts\(slug.map { " around \($0)" } ?? "")") }
    }

    private static let header = ["when", "kind", "slug", "name", "event", "with", "source"]

    private func writeTable(_ request: TimelineRequest, _ archive: Archive, to output: BufferedOutput) throws -> Int {
        var layout = TableLayout()
        layout.measure(TableLayout.cells(Self.header))
        try Timeline.forEachEvent(request, archive: archive) { layout.measure(TableLayout.cells(cells($0))) }
        try output.write(layout.line(TableLayout.cells(Self.header)) + "\n")
        return try Timeline.forEachEvent(request, archive: archive) { event in
            try output.write(layout.line(TableLayout.cells(cells(event))) + "\n")
        }
    }

    private func cells(_ event: TimelineEvent) -> [String] {
        [event.when ?? "", event.kind, event.slug, event.name, event.event,
         event.other.map { "\(event.otherKind ?? "") \($0)" } ?? "", event.source.map { "[\($0)]" } ?? ""]
    }
}
