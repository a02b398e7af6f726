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
    // A raw buffer rather than an Array: appends are a bounds check and a memcpy (export spends its time here).
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let capacity: Int

    public init(descriptor: Int32, capacity: Int = 1 << 16) {
        self.descriptor = descriptor
        self.capacity = max(capacity, 16)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    @inline(__always)
    public func write(_ byte: UInt8) throws(OutputError) {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            try flush()
            // Larger than the buffer: straight out, no copy.
            if bytes.count >= capacity { return try writeAll(UnsafeRawBufferPointer(bytes)) }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    public func write(_ text: String) throws(OutputError) {
        var text = text
        // withUTF8 rethrows untyped; carry the typed error out by hand.
        let failure: OutputError? = text.withUTF8 { bytes in
            do throws(OutputError) { try write(bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    public func flush() throws(OutputError) {
        defer { count = 0 }
        try writeAll(UnsafeRawBufferPointer(start: buffer, count: count))
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw errno == EPIPE ? .closed : .failed(code: errno)
            }
            offset += written
        }
    }
}
