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
    public func export(_ query: ExportQuery, to output: BufferedOutput, format: RowFormat,
                       csv: RowWriter.CSVOptions = .init()) throws -> Int {
        let statement = try archive.database.prepare(query.sql)
        let writer = try RowWriter(output: output, format: format, columns: query.columns.map(\.name), csv: csv)
        var count = 0
        while let row = try statement.next() {
            try writer.write(row)
            count += 1
        }
        try writer.finish()
        return count
    }

    /// Writes `query` to the file at `path`, atomically: a failure leaves no half-written file.
    @discardableResult
    public func export(_ query: ExportQuery, toFile path: String, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws -> Int {
        try AtomicFile.write(path) { output in try export(query, to: output, format: format, csv: csv) }
    }

    /// Writes the whole archive into `directory` (created if needed) and returns the files written.
    public func exportAll(to directory: String, csv: RowWriter.CSVOptions = .init()) throws -> [String] {
        let views = directory + "/views"
        for folder in [directory, views] where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw ArchiveError(.cannotWrite, "cannot create the folder \(folder): \(String(cString: strerror(errno)))")
        }
        var written: [String] = []
        for query in ExportQuery.all {
            let path = (query.isView ? views : directory) + "/\(query.name).csv"
            try export(query, toFile: path, format: .csv, csv: csv)
            written.append(path)
        }
        let codebook = directory + "/codebook.csv"
        try AtomicFile.write(codebook) { output in try Codebook.write(to: output, csv: csv) }
        let citation = directory + "/CITATION.txt"
        try AtomicFile.write(citation) { output in try Codebook.writeCitation(archive, to: output) }
        return written + [codebook, citation]
    }
}

/// Writes to `path.partial` and renames it over `path` only when everything was written.
enum AtomicFile {
    static func write<T>(_ path: String, _ body: (BufferedOutput) throws -> T) throws -> T {
        let partial = path + ".partial"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ArchiveError(.cannotWrite, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        do {
            let result = try body(BufferedOutput(descriptor: descriptor))
            guard fsync(descriptor) == 0, close(descriptor) == 0 else { throw OutputError.failed(code: errno) }
            guard rename(partial, path) == 0 else { throw OutputError.failed(code: errno) }
            return result
        } catch {
            close(descriptor)
            unlink(partial)
            if let error = error as? OutputError { throw ArchiveError(.storage, "\(path): \(error)") }
            throw error
        }
    }
}
