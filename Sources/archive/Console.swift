// Writes to the standard streams through their file descriptors: data to stdout, messages to stderr.
// (Swift 6 cannot use the C globals `stdout`/`stderr`.)
import ArchiveCore
import Glibc

enum Console {
    /// Writes text to stdout as it is.
    static func output(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes a message line to stderr, prefixed with the program's name: one line, whatever a path or a
    /// value in it holds.
    static func error(_ message: String) { write("archive: " + message.escapingControlCharacters + "\n", to: STDERR_FILENO) }

    /// Writes informational lines to stderr (progress, summaries): stdout stays data only. Each line is kept one
    /// line, whatever a path or value in it holds.
    static func note(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }
        write(lines.joined(separator: "\n") + "\n", to: STDERR_FILENO)
    }

    /// Writes to stderr without a newline (progress redrawn in place).
    static func progress(_ text: String) { write(text, to: STDERR_FILENO) }

    /// True when stderr is a terminal (progress bars and colour only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
