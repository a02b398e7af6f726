// Writes rows to stdout in a machine format, or anything else streamed there; a reader that closes the pipe
// early ends the output quietly.
import ArchiveCore
import ArgumentParser
import Glibc

func writeRows(_ table: RowTable, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws {
    try writeToStandardOutput { output in try table.write(to: output, format: format, csv: csv) }
}

/// Runs `body` with stdout behind a 64 KiB buffer; nil when the reader went away (`archive … | head`), which
/// is not an error.
@discardableResult
func writeToStandardOutput<T>(_ body: (BufferedOutput) throws -> T) throws -> T? {
    do {
        let output = BufferedOutput(descriptor: STDOUT_FILENO)
        let result = try body(output)
        try output.flush()
        return result
    } catch OutputError.closed {
        return nil
    } catch let error as OutputError {
        throw ArchiveError(.storage, "\(error)")
    }
}
