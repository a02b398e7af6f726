// Writes rows to stdout in a machine format; a reader that closes the pipe early ends the output quietly.
import ArchiveCore
import ArgumentParser
import Glibc

func writeRows(_ table: RowTable, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws {
    do {
        try table.write(to: BufferedOutput(descriptor: STDOUT_FILENO), format: format, csv: csv)
    } catch OutputError.closed {
        return
    } catch {
        throw ArchiveError(.storage, "\(error)")
    }
}
