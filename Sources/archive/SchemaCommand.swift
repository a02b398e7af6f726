// `archive schema [TABLE]`: the columns of each table (or one) as files name them, with their kind, the values
// they take, whether they are required and what they mean: what an import file may hold, before there is one.
import ArchiveCore
import ArgumentParser

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the tables and their columns: name in files, type and values, required, meaning.",
        discussion: """
            The columns are those `archive import` reads and `archive export` writes, named as in a CSV header or a \
            JSON key. Types: text; word (lowercased on import); integer, with its range; choice, with its values; \
            reference, the slug of a record of another table; slug, the record's own. This binary's schema: no \
            archive is read.

            Examples:
              archive schema designers
              archive schema --format csv > schema.csv
            """)

    /// Accepted as every command accepts it (`archive --db x schema` works), though no archive is read.
    @OptionGroup(visibility: .hidden) var options: ArchiveOptions

    @Argument(help: ArgumentHelp("The table to describe (every table when omitted).", valueName: "table"))
    var name: String?

    @Option(help: "Output format.")
    var format: RowOutputFormat = .table

    func run() throws {
        var tables = Tables.all
        if let name {
            guard let table = Tables.named(name) else {
                let suggestion = NearestName.suggestion(for: name, among: Tables.all.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
                Console.error("unknown table '\(name)'; \(suggestion)`archive schema` lists them")
                throw ExitCode(ExitStatus.usage)
            }
            tables = [table]
        }
        if let rowFormat = format.rowFormat { return try writeRows(RowTable(schemaOf: tables), format: rowFormat) }
        Console.output(tables.map { table in
            "\(table.name): \(table.meaning)\n" + alignedTable([["  column", "type", "values", "required", "meaning"]] + table.columns.map { column in
                // A slug's rule is the same for every table, and its meaning says it: not repeated in each.
                ["  " + column.name, column.kind.name, column.kind == .slug ? "" : column.kind.allowedValues,
                 column.isRequired ? "yes" : "", column.meaning]
            })
        }.joined(separator: "\n"))
    }
}
