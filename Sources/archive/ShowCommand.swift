// `archive show [TABLE] SLUG`: one record with every relation and source, for reading or as JSON.
import ArchiveCore
import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one record with everything linked to it and its sources.",
        discussion: "Give the slug, or the table and the slug when the slug is used in more than one table (e.g. `archive show shoes repetto-zizi`).")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("[table] slug", valueName: "slug"))
    var words: [String] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    private var table: String? { words.count == 2 ? words[0] : nil }
    private var slug: String { words.last ?? "" }

    func validate() throws {
        guard (1...2).contains(words.count) else { throw ValidationError("give a slug, or a table and a slug") }
        if let table, !Tables.records.contains(where: { $0.name == table }) {
            throw ValidationError("unknown table '\(table)'; record tables: \(Tables.records.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        let archive = try options.open(.read)
        let found = try RecordDetails.find(slug, in: table, archive: archive)
        guard let record = found.first else {
            let similar = (try? RecordDetails.similarSlugs(to: slug, in: table, archive: archive)) ?? []
            let suggestion = similar.isEmpty ? "" : "; did you mean " + similar.map { "\($0.slug) (\($0.table))" }.joined(separator: ", ") + "?"
            let words = slug.split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
            let search = words.isEmpty ? "" : (similar.isEmpty ? "; " : " Or ") + "search by its words: `archive search \(words) --in all`"
            throw ArchiveError(.notFound, "no record with slug \"\(slug)\"\(table.map { " in \($0)" } ?? "")\(suggestion)\(search)")
        }
        guard found.count == 1 else {
            throw ArchiveError(.invalidInput, "\"\(slug)\" is a slug in \(found.map(\.table).joined(separator: " and ")): say which, e.g. `archive show \(found[0].table) \(slug)`")
        }
        Console.output(format == .json ? record.json + "\n" : text(record))
    }

    private func text(_ record: RecordDetails) -> String {
        var out = "\(record.table) \(record.slug)\n"
        out += alignedTable(record.fields.compactMap { field in
            guard let text = field.text, field.name != "slug" else { return nil }
            let link = AuthorityID.url(column: field.name, value: text).map { "  " + $0 } ?? ""
            return ["  " + field.name, text + link]
        })
        if !record.links.isEmpty {
            out += "\nlinked\n" + alignedTable(record.links.map { link in
                ["  " + (link.role ?? link.relation), link.table, link.slug, link.name,
                 (link.details.map { "\($0.name) \($0.text ?? "")" } + (link.source.map { ["source \($0)"] } ?? [])).joined(separator: "; ")]
            })
        }
        out += "\nsources\n"
        out += record.sources.isEmpty ? "  none\n" : alignedTable(record.sources.map { ["  " + $0.slug, $0.title, $0.note ?? ""] })
        return out
    }
}
