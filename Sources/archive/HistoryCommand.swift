// `archive history [SLUG]`: the changes made to the archive, or to one record, newest first.
import ArchiveCore
import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the changes made to the archive (or to one record), newest first.",
        discussion: """
            When, which command, by whom, and what it changed: rows per table; for one record, its fields before \
            and after. The history lives in the archive file (tables changes and change_rows, readable with \
            sqlite3) and holds a copy of every row a change altered, so that `archive undo` can put it back.

            --prune BEFORE drops those copies for the changes made before a date (YYYY-MM-DD, or \
            YYYY-MM-DDTHH:MM:SSZ in UTC), and for every change older than one of them: they stay listed, with \
            their counts, but can no longer be undone. It says how much it frees; --dry-run only says.
            """)

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("A record's slug: only the changes that altered it.", valueName: "slug"))
    var slug: String?

    @Option(help: "How many changes to show (1 to 10000).")
    var limit = 20

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Drop the row copies of the changes made before this date, which then cannot be undone.", valueName: "before"))
    var prune: String?

    @Flag(help: "With --prune: say what would be dropped, and drop nothing.")
    var dryRun = false

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
        if prune != nil && slug != nil { throw ValidationError("--prune applies to the whole history, not to one record") }
        if dryRun && prune == nil { throw ValidationError("--dry-run goes with --prune") }
    }

    private func megabytes(_ bytes: Int64) -> String {
        if bytes < 1 << 20 { return "\((bytes + 1023) / 1024) KiB" }
        let tenths = bytes * 10 >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    private func runPrune(_ moment: String) throws {
        let report = try History.prune(before: moment, dryRun: dryRun, archive: try options.open(dryRun ? .rehearse : .write))
        guard let newest = report.newest else { return Console.note("no change made before \(moment) holds row copies: nothing to prune") }
        let verb = dryRun ? "would drop" : "dropped"
        let changes = "\(report.changes) change" + (report.changes == 1 ? "" : "s")
        let images = megabytes(report.imageBytes), freed = megabytes(report.freedBytes)
        var note = "\(verb) the row copies of \(changes) (up to change \(newest)): \(report.rows) rows, \(images) of row images; "
        note += "\(freed) of the file \(dryRun ? "would be" : "is") free for reuse (the file keeps its size; `sqlite3 \(options.path) VACUUM` gives the space back)"
        Console.note(note + (dryRun ? "; dry run: nothing was dropped" : ""))
    }

    /// A value on one line of the table, cut to a readable width.
    private func short(_ value: String?) -> String {
        guard let value else { return "—" }
        return value.count > 50 ? String(value.prefix(49)) + "…" : value
    }

    func run() throws {
        if let prune { return try runPrune(prune) }
        let archive = try options.open(.read)
        let changes = try History.changes(about: slug, limit: limit, archive: archive)
        if changes.isEmpty { Console.note(slug.map { "no change in the history touched \($0)" } ?? "the history is empty") }
        switch format {
        case .text:
            var out = ""
            for change in changes {
                let state = (change.undoneBy.map { " (undone by \($0))" } ?? "") + (change.prunedAt.map { " (pruned \($0): cannot be undone)" } ?? "")
                // Who and what as written, but on one line and never driving the terminal (a --by or a folder name
                // may hold a newline or ESC).
                out += "\(change.id)  \(change.madeAt)  \(change.madeBy.escapingControlCharacters)  \(change.command.escapingControlCharacters)\(state)\n"
                out += alignedTable(change.counts.map { ["   ", $0.table, $0.action, String($0.rows)] })
                if slug != nil {
                    let before = Dictionary(change.before ?? [], uniquingKeysWith: { a, _ in a })
                    let after = Dictionary(change.after ?? [], uniquingKeysWith: { a, _ in a })
                    let names = ((change.before ?? []) + (change.after ?? [])).map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    out += alignedTable(names.compactMap { name in
                        before[name] == after[name] ? nil : ["    " + name, short(before[name]), "→", short(after[name])]
                    })
                }
            }
            Console.output(out)
        case .json:
            Console.output("[" + changes.map(\.json).joined(separator: ",") + "]\n")
        }
    }
}
