// Writes rows to stdout in a machine format; a reader that closes the pipe early ends the output quietly.
import ArchiveCore
import ArchiveStorage
import ArgumentParser
import Glibc

func writeRows(format: RowFormat, columns: [String], _ rows: [[DatabaseValue]], csv: RowWriter.CSVOptions = .init()) throws {
    do {
        let writer = try RowWriter(output: BufferedOutput(descriptor: STDOUT_FILENO), format: format, columns: columns, csv: csv)
        for row in rows { try writer.write(row) }
        try writer.finish()
    } catch OutputError.closed {
        return
    } catch {
        throw ArchiveError(.storage, error.description)
    }
}
