// Exports tables and views as CSV, JSON or NDJSON: rows stream from the SQLite statement to a buffered output,
// so memory stays flat whatever the size. `exportAll` writes a folder that `archive import` reads back
// unchanged: one file per table, the joined views under views/ (where import does not look), a codebook and
// a citation file.
import ArchiveStorage
import Glibc

public struct Exporter {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// Writes every row of `query`; returns how many.
    @discardableResult
    public func export(_ query: ExportQuery, to output: BufferedOutput, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws -> Int {
        try export(query, arguments: [], to: output, format: format, csv: csv)
    }

    /// Writes every row of `query`, its parameters bound to `arguments` (a search's words and filters).
    func export(_ query: ExportQuery, arguments: [any DatabaseValueConvertible], to output: BufferedOutput, format: RowFormat,
                csv: RowWriter.CSVOptions = .init()) throws -> Int {
        let statement = try archive.database.prepare(query.sql)
        try statement.bind(arguments)
        let writer = try RowWriter(output: output, format: format, columns: query.columns.map(\.name), csv: csv)
        var count = 0
        while let row = try statement.next() {
            try writer.write(row)
            count += 1
        }
        try writer.finish()
        return count
    }

    /// The first `limit` rows of `query` (all of them when nil), and how many it has in all.
    public func preview(_ query: ExportQuery, limit: Int?) throws -> (rows: RowTable, total: Int) {
        let statement = try archive.database.prepare(query.sql)
        var rows: [[DatabaseValue]] = []
        var total = 0
        while let row = try statement.next() {
            total += 1
            if limit.map({ total <= $0 }) ?? true { rows.append((0..<row.count).map { row.value(at: $0) }) }
        }
        return (RowTable(columns: query.columns.map(\.name), rows: rows), total)
    }

    /// Writes `query` to the file at `path`, whole or not at all (OutputFile); never to the archive's own files.
    @discardableResult
    public func export(_ query: ExportQuery, toFile path: String, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws -> Int {
        try OutputFile.write(path, protecting: ArchiveFiles(archivePath: archive.path)) { output in
            try export(query, to: output, format: format, csv: csv)
        }
    }

    /// Writes the whole archive into `directory` (created if needed) and returns the files written. Every file
    /// is read from one snapshot (a single read transaction): an import running meanwhile lands in all of them
    /// or in none, so the folder imports back without dangling references.
    public func exportAll(to directory: String, csv: RowWriter.CSVOptions = .init()) throws -> [String] {
        let views = directory + "/views"
        try FilePath.makeFolders([directory, views])
        let protected = ArchiveFiles(archivePath: archive.path)
        return try archive.database.transaction(.deferred) {
            var written: [String] = []
            for query in ExportQuery.all {
                let path = (query.isView ? views : directory) + "/\(query.name).csv"
                _ = try OutputFile.write(path, protecting: protected) { output in try export(query, to: output, format: .csv, csv: csv) }
                written.append(path)
            }
            let codebook = directory + "/codebook.csv"
            try OutputFile.write(codebook, protecting: protected) { output in try Codebook.write(to: output, csv: csv) }
            let citation = directory + "/CITATION.txt"
            try OutputFile.write(citation, protecting: protected) { output in try Codebook.writeCitation(archive, to: output) }
            return written + [codebook, citation]
        }
    }
}
