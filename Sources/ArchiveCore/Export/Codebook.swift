// codebook.csv and CITATION.txt for `archive export --all`: what every column of every file means, and which
// sources (and licences) the data comes from. No dates: a second export of the same archive is byte-identical.
import ArchiveStorage

enum Codebook {
    static func write(to output: BufferedOutput, csv: RowWriter.CSVOptions) throws {
        let writer = try RowWriter(output: output, format: .csv,
                                   columns: ["file", "column", "type", "meaning", "allowed_values", "empty_means", "notes"], csv: csv)
        let guardNote = csv.formulaGuard
            ? "text starting with = + - @ tab or CR is written with a leading ' (spreadsheet formula guard); archive import removes it"
            : "written as stored, without the formula guard: import these files with --no-formula-guard"
        for query in ExportQuery.all {
            let file = (query.isView ? "views/" : "") + query.name + ".csv"
            try writer.write([.text(file), .null, .null, .text(query.meaning), .null, .null,
                              .text(query.isView ? "a joined view, for reading; not imported" : "one row per \(query.name) row; importable")])
            for column in query.columns {
                let isText = column.type == "text" || column.type == "list"
                try writer.write([
                    .text(file), .text(column.name), .text(column.type), .text(column.meaning),
                    column.allowedValues.isEmpty ? .null : .text(column.allowedValues),
                    .text("unknown (NULL in the archive)"), isText ? .text(guardNote) : .null,
                ])
            }
        }
        // The history is not exported (it tells the archive's past, not its content) but is documented here,
        // for a reader of the archive file itself.
        for (table, meaning, columns) in historyTables {
            let place = "\(table) (a table of the archive file; not exported)"
            try writer.write([.text(place), .null, .null, .text(meaning), .null, .null, .text("read it with sqlite3 or `archive history`")])
            for (name, type, meaning) in columns {
                try writer.write([.text(place), .text(name), .text(type), .text(meaning), .null, .null, .null])
            }
        }
        try writer.finish()
    }

    static let historyTables: [(String, String, [(String, String, String)])] = [
        ("changes", "One change of the archive's records: an import, edit, delete or undo (Migrations/0008_change_log.sql)", [
            ("id", "integer", "The change's number, as `archive history` and `archive undo` name it"),
            ("made_at", "text", "When, in UTC: YYYY-MM-DDTHH:MM:SSZ"),
            ("command", "text", "The command as a person reads it: import seeds, edit designers celine, undo 12"),
            ("made_by", "text", "Who: --by, else $ARCHIVE_USER, else the login name"),
            ("undoes", "integer", "For an undo, the change it reversed"),
            ("undone_by", "integer", "For a reversed change, the undo that reversed it"),
            ("pruned_at", "text", "When `history --prune` dropped its row copies (it cannot be undone since)"),
            ("pruned_counts", "text", "For a pruned change, its rows per table and action as JSON"),
        ]),
        ("change_rows", "One row a change altered, with copies of it as JSON, in the order the change made them", [
            ("id", "integer", "Order of the rows within and across changes"),
            ("change_id", "integer", "The change (changes.id)"),
            ("table_name", "text", "The table of the row"),
            ("row_id", "integer", "The row's rowid (a record's id)"),
            ("action", "text", "inserted, updated, deleted, or inserted_above: every row of the table above row_id was added"),
            ("before", "text", "The row before the change, as a JSON object of its columns (deleted; for updated, the columns it changed and a record's slug)"),
            ("after", "text", "The row after the change (inserted); for updated, the slug and, under \"#\", a fingerprint of each value written (64-bit FNV-1a of the storage class and bytes: the values are in the next change's before, or in the row); for inserted_above, {\"through\": the highest rowid added}"),
        ]),
    ]

    static func writeCitation(_ archive: Archive, to output: BufferedOutput) throws {
        try output.write("""
            Data exported from a fashion archive made with `archive`.
            Cite the sources below for the facts they support; each record's sources are in the *_sources files
            and in the sources column of the views. Licences are as each source states.

            Sources:

            """)
        let statement = try archive.database.prepare(
            "SELECT slug, title, author, publisher, year, url, license FROM sources ORDER BY slug")
        while let row = try statement.next() {
            var line = "- \(row.string(at: 1) ?? "")"
            for (label, index) in [("author", Int32(2)), ("publisher", 3), ("year", 4), ("url", 5), ("licence", 6)] {
                if let value = row.isNull(at: index) ? nil : row.value(at: index).plainText { line += "; \(label): \(value)" }
            }
            try output.write(line + " [\(row.string(at: 0) ?? "")]\n")
        }
        try output.flush()
    }
}

extension DatabaseValue {
    /// The value as plain text: numbers written out, NULL as nothing.
    public var plainText: String {
        switch self {
        case .null: ""
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): text
        case .blob(let bytes): "<\(bytes.count) bytes>"
        }
    }
}
