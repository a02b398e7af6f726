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

    @OptionGroup var record: RecordArgument

    @Flag(help: "Say what would be deleted, and delete nothing.")
    var dryRun = false

    @Flag(help: "Delete without asking.")
    var yes = false

    @OptionGroup var change: ActorOption

    func validate() throws {
        if !dryRun && !yes && isatty(STDIN_FILENO) != 1 {
            throw ValidationError("stdin is not a terminal to confirm on: give --yes to delete (or --dry-run to see what would go)")
        }
    }

    func run() throws {
        let archive = try options.open(dryRun ? .read : .write)
        let plan = try Deletion.plan(record.slug, in: record.table, archive: archive)
        Console.note("\(plan.table) \(plan.slug)" + (plan.rows.isEmpty ? ", with no relations" : " and \(plan.rows.count) relation row\(plan.rows.count == 1 ? "" : "s"):"))
        for row in plan.rows.prefix(50) { Console.note("  \(row)") }
        if plan.rows.count > 50 { Console.note("  … and \(plan.rows.count - 50) more") }
        if dryRun { return Console.note("dry run: nothing was deleted") }
        if !yes {
            Console.progress("Delete them? [y/N] ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { return Console.note("nothing was deleted") }
        }
        let change = try plan.run(on: archive, by: change.actor)
        Console.note("deleted as change \(change); `archive undo \(change)` puts it back")
    }
}
