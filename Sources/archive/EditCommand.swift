// `archive edit [TABLE] SLUG`: a record and its relations in the user's editor as JSON (the shape `import`
// reads), checked as an import checks, applied as one change of the history; `--set field=value` for scripts.
import ArchiveCore
import ArgumentParser
import Glibc

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a record and its relations in your editor, or set fields with --set (undo with `archive undo`).",
        discussion: """
            Opens $VISUAL (else $EDITOR, else vi) on the record as JSON, its relations listed under their keys, \
            as `archive import` reads them. The text is the whole record: a field set to null or left out \
            becomes unknown, a relation taken out of its list is removed, a changed slug renames the record \
            (its relations follow). The result is checked exactly as an import is; on a problem (named by its \
            line) you are asked whether to edit again, your text kept. Saving the text unchanged writes \
            nothing. The edit is one change of the history (`archive history`), which `archive undo` reverses.

            --set field=value (repeatable) sets fields without an editor, each value written as in a CSV cell \
            (empty is unknown): `archive edit celine --set country=France --set founded=1945`.
            """)

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var record: RecordArgument

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a field, without an editor (repeatable).", valueName: "field=value"))
    var assignments: [String] = []

    @OptionGroup var change: ActorOption

    func validate() throws {
        for assignment in assignments where !assignment.contains("=") || assignment.hasPrefix("=") {
            throw ValidationError("--set takes field=value, e.g. --set country=France (got '\(assignment)')")
        }
    }

    func run() throws {
        let archive = try options.open(.write)
        let edit = try RecordEdit.begin(record.slug, in: record.table, archive: archive)
        let actor = change.actor
        if !assignments.isEmpty {
            let fields = assignments.map { assignment in
                let equals = assignment.firstIndex(of: "=")!
                return (field: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...]))
            }
            do {
                return say(try edit.apply(setting: fields, archive: archive, by: actor), edit)
            } catch let failure as ImportFailure {
                for problem in failure.problems { Console.note(problem.description) }
                throw ArchiveError(.invalidInput, "\(edit.table) \(edit.slug) was not changed")
            }
        }
        let file = try EditFile(slug: edit.slug, text: edit.text)
        var edited: [UInt8]?
        do {
            while true {
                try Editor.edit(file.path)
                edited = try file.read()
                do {
                    say(try edit.apply(edited ?? [], name: file.name, archive: archive, by: actor), edit)
                    return file.remove()
                } catch let failure as ImportFailure {
                    for problem in failure.problems { Console.note(problem.description) }
                    Console.progress("Edit again? [Y/n] ")
                    guard let answer = readLine(), !["n", "no"].contains(answer.lowercased().filter { !$0.isWhitespace }) else {
                        throw ArchiveError(.invalidInput, "\(edit.table) \(edit.slug) was not changed")
                    }
                }
            }
        } catch let error as ArchiveError {
            // The user's work is never thrown away: a text that differs from the record stays where it was.
            guard let edited, !edited.elementsEqual(edit.text.utf8) else {
                file.remove()
                throw error
            }
            throw ArchiveError(error.kind, error.message + "; your text is kept in \(file.path)")
        } catch {
            file.remove()
            throw error
        }
    }

    private func say(_ outcome: RecordEdit.Outcome, _ edit: RecordEdit) {
        switch outcome {
        case .unchanged: Console.note("\(edit.table) \(edit.slug) is as it was: nothing was written")
        case .changed(let change): Console.note("edited \(edit.table) \(edit.slug) as change \(change); `archive undo \(change)` reverses it")
        }
    }
}
