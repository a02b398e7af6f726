// Buffered writes to a file descriptor (stdout or a file): rows go straight from SQLite to the buffer and
// out in 64 KiB writes, so memory stays flat whatever the size. A reader that closes the pipe early
// (`archive export … | head`) surfaces as OutputError.closed, which the CLI ends quietly on.
import Glibc

public enum OutputError: Error, CustomStringConvertible, Sendable {
    /// The reader went away (EPIPE): not an error for the user.
    case closed
    case failed(code: Int32)

    public var description: String {
        switch self {
        case .closed: "the output was closed"
        case .failed(let code): "cannot write the output: \(String(cString: strerror(code)))"
        }
    }
}

public final class BufferedOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    public init(descriptor: Int32, capacity: Int = 1 << 16) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    @inline(__always)
    public func write(_ byte: UInt8) throws(OutputError) {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws(OutputError) {
        var offset = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw errno == EPIPE ? .closed : .failed(code: errno)
            }
            offset += written
        }
    }
}
