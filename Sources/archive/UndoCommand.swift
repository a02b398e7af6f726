// `archive undo [CHANGE]`: reverses a change of the history (the newest when none is given).
import ArchiveCore
import ArgumentParser
import Glibc

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Reverse a change of the archive's history (default: the newest).",
        discussion: """
            Restores exactly what the change altered: deleted records come back with their relations and slugs. \
            When a later change touched the same rows, the undo is refused and names that change (undo it \
            first). The undo is a change itself, so `archive undo` again redoes what was undone. Imports, edits, \
            deletes and undos are in the history.
            """)

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("The change's number, as `archive history` lists it.", valueName: "change"))
    var change: Int64?

    @OptionGroup var actorOption: ActorOption

    func validate() throws {
        if let change, change < 1 { throw ValidationError("a change number is 1 or more") }
    }

    func run() throws {
        let archive = try options.open(.write)
        let result = try Undo.run(change, on: archive, by: actorOption.actor)
        Console.note("change \(result.undone) undone, as change \(result.change) (`archive undo \(result.change)` redoes it)")
    }
}
