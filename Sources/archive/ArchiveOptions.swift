// Options every subcommand shares, pulled in with @OptionGroup.
import ArchiveCore
import ArgumentParser
import Glibc

struct ArchiveOptions: ParsableArguments {
    static let environmentVariable = Archive.environmentVariable
    static let defaultPath = Archive.defaultPath

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The archive file (default: $\(environmentVariable), else ./\(defaultPath)); may also come before the command.",
            valueName: "path"))
    var db: String?

    /// --db, else $ARCHIVE_DB, else archive.sqlite in the current directory.
    var path: String { Archive.path(given: db) }

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
    }

    func open(_ access: Archive.Access) throws -> Archive {
        try Archive(path: path, access: access)
    }
}
