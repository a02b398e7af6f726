// `archive list TABLE`: the rows of a table or view, as an aligned table for people or in a machine format.
import ArchiveCore
import ArgumentParser
import Glibc

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rows of a table or view (slug order).",
        discussion: "The same rows and columns as `archive export`; --format table (the default) aligns them for reading.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("The table or view to list.", valueName: "table"))
    var name: String

    @Option(help: "Output format.")
    var format: RowOutputFormat = .table

    @Option(help: "Show at most this many rows (table format; 0 for all).")
    var limit = 100

    func validate() throws {
        if ExportQuery.named(name) == nil {
            throw ValidationError("unknown table or view '\(name)'; choose from \(ExportQuery.all.map(\.name).joined(separator: ", "))")
        }
        if limit < 0 { throw ValidationError("--limit cannot be negative") }
    }

    func run() throws {
        let archive = try options.open(.read)
        guard let query = ExportQuery.named(name) else { return }
        if let rowFormat = format.rowFormat {
            do {
                try Exporter(archive: archive).export(query, to: BufferedOutput(descriptor: STDOUT_FILENO), format: rowFormat)
            } catch OutputError.closed {
                return
            }
            return
        }
        let (rows, total) = try Exporter(archive: archive).preview(query, limit: limit == 0 ? nil : limit)
        Console.output(alignedTable([rows.columns] + rows.texts.map { $0.map(cell) }))
        if limit > 0 && total > limit { Console.note("\(limit) of \(total) rows shown; --limit 0 shows all, --format csv exports them") }
    }

    /// A cell on one line, cut to a readable width.
    private func cell(_ value: String) -> String {
        let text = String(value.map { $0.isNewline ? " " : $0 })
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
