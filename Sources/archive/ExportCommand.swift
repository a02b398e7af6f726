// `archive export TABLE|VIEW [-o FILE]` and `archive export --all DIR`: CSV (RFC 4180) for researchers.
import ArchiveCore
import ArgumentParser
import Glibc

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a table or a research-ready view as CSV, JSON or NDJSON, or everything with --all.",
        discussion: """
            Tables: \(Tables.all.map(\.name).joined(separator: ", ")).
            Views: \(ExportQuery.views.map(\.name).joined(separator: ", ")).

            CSV follows RFC 4180: a header row, comma-separated, CRLF between records (--lf for LF), fields with \
            commas, quotes or line breaks quoted, quotes doubled, UTF-8. An empty field is unknown (NULL); rows are \
            in slug order. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a \
            leading apostrophe, which `archive import` removes; --no-formula-guard turns this off for pandas or R \
            (import such files with `archive import --no-formula-guard`).

            --all DIR writes one CSV per table (which `archive import DIR` reads back unchanged), the views under \
            DIR/views/, codebook.csv (every column's type, meaning and allowed values) and CITATION.txt, all \
            from one snapshot of the archive.

            --datasette FILE writes Datasette's metadata.json: which full-text index searches each table (so \
            that ?_search= works), descriptions of every table and column, and the sources with their licences. \
            Serve it with `datasette archive.sqlite -m FILE`; it is keyed by the archive's file name.

            -o never writes the archive or its -wal, -shm or -journal files (exit 73); it writes through a \
            symbolic link to its target, straight into a FIFO or device (/dev/stdout), and a regular file whole \
            or not at all.
            """
    )

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("The table or view to export.", valueName: "table"))
    var name: String?

    @Option(name: .customLong("all"), help: ArgumentHelp("Export every table and view into this folder.", valueName: "dir"))
    var directory: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write Datasette's metadata.json for this archive to this file.", valueName: "file"))
    var datasette: String?

    @Option(help: "Output format.")
    var format: RowFormat = .csv

    @Flag(help: "End CSV records with LF instead of CRLF.")
    var lf = false

    @Flag(help: "Start CSV with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Flag(help: "Write text as stored, without the apostrophe that stops spreadsheets running formulas.")
    var noFormulaGuard = false

    func validate() throws {
        if datasette != nil {
            guard name == nil, directory == nil, output == nil else { throw ValidationError("--datasette writes one file of its own: give it alone") }
            return
        }
        switch (name, directory) {
        case (nil, nil): throw ValidationError("name a table or view to export, give --all DIR, or --datasette FILE")
        case (.some, .some): throw ValidationError("give a table or --all, not both")
        case (.some(let name), nil) where ExportQuery.named(name) == nil:
            throw ValidationError("unknown table or view '\(name)'; choose from \(ExportQuery.all.map(\.name).joined(separator: ", "))")
        case (nil, .some) where output != nil: throw ValidationError("--all writes a folder; -o is for one table")
        case (nil, .some) where format != .csv: throw ValidationError("--all writes CSV")
        default: break
        }
    }

    var csvOptions: RowWriter.CSVOptions { .init(crlf: !lf, formulaGuard: !noFormulaGuard, byteOrderMark: bom) }

    func run() throws {
        let archive = try options.open(.read)
        let exporter = Exporter(archive: archive)
        if let datasette {
            try exporter.exportDatasetteMetadata(to: datasette)
            Console.note("Datasette metadata written to \(datasette): datasette \(archive.path) -m \(datasette)")
            return
        }
        if let directory {
            let files = try exporter.exportAll(to: directory, csv: csvOptions)
            Console.note("\(files.count) files written to \(directory)")
            return
        }
        guard let name, let query = ExportQuery.named(name) else { return }
        if let output {
            let count = try exporter.export(query, toFile: output, format: format, csv: csvOptions)
            Console.note("\(count) rows written to \(output)")
            return
        }
        do {
            try exporter.export(query, to: BufferedOutput(descriptor: STDOUT_FILENO), format: format, csv: csvOptions)
        } catch OutputError.closed {
            return // the reader has all it wanted (`| head`)
        } catch let error as OutputError {
            throw ArchiveError(.storage, "cannot write the export: \(error)")
        }
    }
}

extension RowFormat: ExpressibleByArgument {}
