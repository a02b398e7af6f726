// `archive stats`: rows per table, file size, schema version and the last import.
import ArchiveCore
import ArgumentParser

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show how many records, relations and sources the archive holds, its size and the last import.")

    @OptionGroup var options: ArchiveOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func run() throws {
        let archive = try options.open(.read)
        let stats = try ArchiveStats(archive: archive)
        switch format {
        case .text:
            let records = stats.tables.filter { $0.kind == .record }
            let relations = stats.tables.filter { $0.kind == .relation }
            var out = alignedTable([["records", ""]] + records.map { ["  " + $0.table, String($0.rows)] }
                + [["relations", String(relations.reduce(0) { $0 + $1.rows })]] + relations.map { ["  " + $0.table, String($0.rows)] })
            out += alignedTable([
                ["images", "\(stats.images) shown, \(stats.imageFiles) files stored, \(stats.imageBytes) bytes"],
                ["file", "\(archive.path), \(stats.fileBytes) bytes"],
                ["schema version", String(stats.schemaVersion)],
                ["SQLite", stats.sqliteVersion],
                ["last import", stats.lastImport.map { "\($0.finishedAt) from \($0.source): \($0.added) added, \($0.updated) updated, \($0.unchanged) unchanged" } ?? "never"],
            ])
            Console.output(out)
        case .json:
            Console.output(stats.json + "\n")
        }
    }
}
