// metadata.json for Datasette (`datasette archive.sqlite -m metadata.json`). Datasette links a table to its
// full-text index only when the FTS table names its content table, and the archive's indexes are standalone
// (they hold related records' names too): so `?_search=` was silently ignored. The metadata says which index
// searches each table (fts_table, fts_pk), describes every table and column in the codebook's words, and
// credits the sources and their licences.
import ArchiveStorage

public enum DatasetteMetadata {
    /// Writes the metadata for the archive as Datasette names it: `databaseName` is the file name without its
    /// extension (archive for archive.sqlite).
    public static func write(_ archive: Archive, databaseName: String, to output: BufferedOutput) throws {
        let sources = try citedSources(archive.database)
        let licences = Array(Set(sources.compactMap(\.license))).sorted()
        var top: [(String, String)] = [
            ("title", JSONText.quoted("Fashion archive")),
            ("description", JSONText.quoted("Designers, collections, shoes and cultural icons, with the relations between them and the source behind every fact. Sources: "
                + sources.map { $0.title + ($0.license.map { " (\($0))" } ?? "") }.joined(separator: "; ") + ".")),
        ]
        if licences.count == 1 { top.append(("license", JSONText.quoted(licences[0]))) }
        if sources.count == 1 {
            top.append(("source", JSONText.quoted(sources[0].title)))
            if let url = sources[0].url { top.append(("source_url", JSONText.quoted(url))) }
        } else if sources.count > 1 {
            top.append(("source", JSONText.quoted("\(sources.count) sources: see the sources table")))
        }
        let tables = Tables.all.map { table in (table.name, tableMetadata(table)) }
            + SearchScope.allCases.map { ($0.index, object([("hidden", "true")])) }
        let database = object([("tables", object(tables))])
        try output.write(object(top + [("databases", object([(databaseName, database)]))]) + "\n")
        try output.flush()
    }

    private static func tableMetadata(_ table: TableDescription) -> String {
        var members: [(String, String)] = [("description", JSONText.quoted(table.meaning))]
        if let scope = SearchScope(rawValue: table.name) {
            members += [("fts_table", JSONText.quoted(scope.index)), ("fts_pk", JSONText.quoted("id"))]
        }
        if table.kind == .record { members.append(("sort", JSONText.quoted("slug"))) }
        let columns = table.columns.map { column in
            let allowed = ExportColumn(column).allowedValues
            let reference = { if case .reference(let target) = column.kind { " (the id of a row of \(target))" } else { "" } }()
            return (column.column, JSONText.quoted(column.meaning + reference + (allowed.isEmpty || reference != "" ? "" : "; allowed: \(allowed)")))
        }
        members.append(("columns", object(columns)))
        return object(members)
    }

    private static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { JSONText.quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    private struct CitedSource { let title: String; let url: String?; let license: String? }

    private static func citedSources(_ db: Database) throws -> [CitedSource] {
        let statement = try db.prepare("SELECT title, url, license FROM sources ORDER BY slug")
        var sources: [CitedSource] = []
        while let row = try statement.next() {
            sources.append(CitedSource(title: row.string(at: 0) ?? "", url: row.string(at: 1), license: row.string(at: 2)))
        }
        return sources
    }
}

extension Exporter {
    /// Writes Datasette's metadata.json for this archive to `path` (whole or not at all, never the archive).
    public func exportDatasetteMetadata(to path: String) throws {
        let name = FilePath.name(of: archive.path)
        let stem = name.lastIndex(of: ".").map { name[..<$0] }.map(String.init) ?? name
        try OutputFile.write(path, protecting: ArchiveFiles(archivePath: archive.path)) { output in
            try DatasetteMetadata.write(archive, databaseName: stem, to: output)
        }
    }
}
