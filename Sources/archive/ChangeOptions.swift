// Options the commands that change records share: the record they act on (`[table] slug`), and who makes the
// change (`--by`).
import ArchiveCore
import ArgumentParser
import Glibc

struct RecordArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("[table] slug", valueName: "slug"))
    var words: [String] = []

    /// The table, when the slug is one that two tables hold.
    var table: String? { words.count == 2 ? words[0] : nil }
    var slug: String { words.last ?? "" }

    func validate() throws {
        guard (1...2).contains(words.count) else { throw ValidationError("give a slug, or a table and a slug") }
        if let table, !Tables.records.contains(where: { $0.name == table }) {
            throw ValidationError("unknown table '\(table)'; record tables: \(Tables.records.map(\.name).joined(separator: ", "))")
        }
    }
}

struct ActorOption: ParsableArguments {
    @Option(help: ArgumentHelp("Who makes the change, for the history (default: $ARCHIVE_USER, else the login name).", valueName: "name"))
    var by: String?

    /// --by, else $ARCHIVE_USER, else the login name.
    var actor: String { ChangeActor.resolve(by) { getenv($0).map { String(cString: $0) } } }
}
