// The `archive` command: a thin layer over ArchiveCore. Each subcommand parses, calls the library, formats.
import ArchiveCore
import ArgumentParser
import Glibc

@main
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "A fashion archive: designers, collections, shoes and cultural icons, with their sources.",
        discussion: """
            The archive is one SQLite file (--db, before or after the command, or $\(ArchiveOptions.environmentVariable), or \
            \(ArchiveOptions.defaultPath) in the current directory), readable by the sqlite3 CLI and other SQLite tools.

            Exit codes: 0 success; 1 `check` found problems; 2 a --match search that is not valid FTS5; 3 a search stopped at its time limit; 64 usage error; 65 bad input data or a file that is \
            not an archive; 66 no archive or input file; 73 cannot create or write the archive; 74 I/O error; \
            75 the archive is locked by another process (try again).
            """,
        version: archiveVersion,
        subcommands: [ImportCommand.self, SearchCommand.self, ShowCommand.self, ListCommand.self, ExportCommand.self, StatsCommand.self,
                      TimelineCommand.self, SchemaCommand.self, ServeCommand.self, EditCommand.self, DeleteCommand.self, UndoCommand.self, HistoryCommand.self, BackupCommand.self,
                      MediaCommand.self, MigrateCommand.self, CheckCommand.self]
    )

    /// Runs the command, turning the library's errors into one line on stderr and a meaningful exit code.
    static func main() {
        // A closed pipe (`archive … | head`) must end the output quietly, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        // A file-size limit (`ulimit -f`) must surface as a write error SQLite reports and rolls back, not kill us.
        signal(SIGXFSZ, SIG_IGN)
        // Ctrl-C or a kill(1) during an export removes the file half-written beside the target.
        UnfinishedFile.removeOnInterruption()
        do {
            var command = try parseAsRoot(GlobalOptions.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let error as ArchiveError {
            Console.error(error.message)
            Glibc.exit(ExitStatus.code(for: error.kind))
        } catch where ArchiveError.isStorageFailure(error) {
            // Reached only by a failure no command anticipated (an I/O error, a damaged file).
            Console.error("\(error)")
            Glibc.exit(ExitStatus.ioError)
        } catch {
            exit(withError: error)
        }
    }
}

/// The version `archive --version` prints.
let archiveVersion = "0.1.0"
