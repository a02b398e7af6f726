// `archive history [SLUG]`: the changes made to the archive, or to one record, newest first.
import ArchiveCore
import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the changes made to the archive (or to one record), newest first.",
        discussion: "When, which command, by whom, and what it changed: rows per table; for one record, its fields before and after.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("A record's slug: only the changes that altered it.", valueName: "slug"))
    var slug: String?

    @Option(help: "How many changes to show (1 to 10000).")
    var limit = 20

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
    }

    /// A value on one line of the table, cut to a readable width.
    private func short(_ value: String?) -> String {
        guard let value else { return "—" }
        return value.count > 50 ? String(value.prefix(49)) + "…" : value
    }

    func run() throws {
        let archive = try options.open(.read)
        let changes = try History.changes(about: slug, limit: limit, archive: archive)
        if changes.isEmpty { Console.note(slug.map { "no change in the history touched \($0)" } ?? "the history is empty") }
        switch format {
        case .text:
            var out = ""
            for change in changes {
                let state = change.undoneBy.map { " (undone by \($0))" } ?? ""
                out += "\(change.id)  \(change.madeAt)  \(change.madeBy)  \(change.command)\(state)\n"
                out += alignedTable(change.counts.map { ["   ", $0.table, $0.action, String($0.rows)] })
                if slug != nil {
                    let before = Dictionary(change.before ?? [], uniquingKeysWith: { a, _ in a })
                    let after = Dictionary(change.after ?? [], uniquingKeysWith: { a, _ in a })
                    let names = ((change.before ?? []) + (change.after ?? [])).map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    out += alignedTable(names.compactMap { name in
                        before[name] == after[name] ? nil : ["    " + name, short(before[name]), "→", short(after[name])]
                    })
                }
            }
            Console.output(out)
        case .json:
            let objects = changes.map { change in
                "{\"id\":\(change.id),\"made_at\":\(jsonString(change.madeAt)),\"command\":\(jsonString(change.command)),\"made_by\":\(jsonString(change.madeBy)),"
                    + "\"undoes\":\(change.undoes.map(String.init) ?? "null"),\"undone_by\":\(change.undoneBy.map(String.init) ?? "null"),\"rows\":["
                    + change.counts.map { "{\"table\":\(jsonString($0.table)),\"action\":\(jsonString($0.action)),\"rows\":\($0.rows)}" }.joined(separator: ",") + "]}"
            }
            Console.output("[" + objects.joined(separator: ",") + "]\n")
        }
    }
}
