// `archive backup DEST`: a consistent copy of the archive, even while an import is running.
import ArchiveCore
import ArgumentParser

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the archive to a new file with SQLite's online backup (consistent while others write).",
        discussion: "The copy is checked with PRAGMA integrity_check, is one file that the sqlite3 CLI and `archive` open, and is written whole or not at all. An existing file is never overwritten.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("The new file.", valueName: "dest"))
    var destination: String

    func run() throws {
        let archive = try options.open(.read)
        try archive.backup(to: destination)
        Console.note("\(archive.path) backed up to \(destination)")
    }
}
