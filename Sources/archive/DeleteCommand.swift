// `archive delete [TABLE] SLUG`: removes a record and its relations, after saying what goes with it; logged in
// the history, so that `archive undo` puts everything back.
import ArchiveCore
import ArgumentParser
import Glibc

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a record and its relations (undo with `archive undo`).",
        discussion: """
            Lists what goes with the record (its relations and citations) and asks before deleting; --yes skips \
            the question, and is needed when stdin is not a terminal. A source that is still cited, or an \
            institution that still holds objects, is refused with the list of what depends on it. The deletion \
            is one change of the archive's history (`archive history`), which `archive undo` reverses.
            """)

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("[table] slug", valueName: "slug"))
    var words: [String] = []

    @Flag(help: "Say what would be deleted, and delete nothing.")
    var dryRun = false

    @Flag(help: "Delete without asking.")
    var yes = false

    @Option(help: ArgumentHelp("Who makes the change, for the history (default: $ARCHIVE_USER, else the login name).", valueName: "name"))
    var by: String?

    private var table: String? { words.count == 2 ? words[0] : nil }

    func validate() throws {
        guard (1...2).contains(words.count) else { throw ValidationError("give a slug, or a table and a slug") }
        if let table, !Tables.records.contains(where: { $0.name == table }) {
            throw ValidationError("unknown table '\(table)'; record tables: \(Tables.records.map(\.name).joined(separator: ", "))")
        }
        if !dryRun && !yes && isatty(STDIN_FILENO) != 1 {
            throw ValidationError("stdin is not a terminal to confirm on: give --yes to delete (or --dry-run to see what would go)")
        }
    }

    func run() throws {
        let archive = try options.open(dryRun ? .read : .write)
        let plan = try Deletion.plan(words.last ?? "", in: table, archive: archive)
        Console.note("\(plan.table) \(plan.slug)" + (plan.rows.isEmpty ? ", with no relations" : " and \(plan.rows.count) relation row\(plan.rows.count == 1 ? "" : "s"):"))
        for row in plan.rows.prefix(50) { Console.note("  \(row)") }
        if plan.rows.count > 50 { Console.note("  … and \(plan.rows.count - 50) more") }
        if dryRun { return Console.note("dry run: nothing was deleted") }
        if !yes {
            Console.progress("Delete them? [y/N] ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { return Console.note("nothing was deleted") }
        }
        let change = try plan.run(on: archive, by: ChangeActor.resolve(by) { getenv($0).map { String(cString: $0) } })
        Console.note("deleted as change \(change); `archive undo \(change)` puts it back")
    }
}
