// What the server tells its operator on stderr, one line each: where it listens, downloads cut short. Written
// with write(2), so that a line from one thread is never interleaved with another's.
import ArchiveCore
import Glibc

public struct ServerLog: Sendable {
    private let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    public static let standardError = ServerLog { line in
        let text = line.escapingControlCharacters + "\n"
        _ = text.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
    }

    public static let silent = ServerLog { _ in }

    func say(_ line: String) { write(line) }
}
