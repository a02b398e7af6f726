// `archive migrate`: creates the archive or brings its schema up to date; `--status` lists the migrations.
import ArchiveCore
import ArgumentParser

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create the archive, or upgrade its schema to this version of archive.",
        discussion: "Migrations are compiled into the binary; each is applied in its own transaction and recorded in the schema_migrations table."
    )

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "List every migration and whether it is applied, without changing anything.")
    var status = false

    @Option(help: "Output format of --status.")
    var format: OutputFormat = .text

    func run() throws {
        if status { return try printStatus() }
        let before = try? Archive(path: options.path, access: .read).schemaVersion()
        let archive = try options.open(.write)
        let after = try archive.schemaVersion()
        if before == after {
            Console.note("\(archive.path) is up to date (schema version \(after))")
        } else {
            Console.note("\(archive.path) migrated to schema version \(after)")
        }
    }

    private func printStatus() throws {
        // Status reads only, so that it works on a read-only or not-yet-upgraded archive.
        let statuses = try MigrationStatus.all(path: options.path)
        switch format {
        case .text:
            let rows = [["version", "name", "state", "applied_at"]]
                + statuses.map { [String($0.version), $0.name, $0.state, $0.appliedAt ?? ""] }
            Console.output(alignedTable(rows))
        case .json:
            Console.output("[" + statuses.map(\.json).joined(separator: ",") + "]\n")
        }
    }
}
