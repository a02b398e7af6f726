// Buffered writes to a byte sink — a file descriptor (stdout or a file), or any taker of chunks such as an HTTP
// response body: rows go straight from SQLite to the buffer and out in 64 KiB chunks, so memory stays flat
// whatever the size. A reader that goes away early (`archive export … | head`, a closed browser tab) surfaces
// as OutputError.closed, which callers end quietly on.
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
    /// Where full chunks go. A sink throws OutputError.closed when its reader has gone.
    public enum Sink {
        case descriptor(Int32)
        /// Called with each chunk (valid during the call only), on the writing thread.
        case chunks((UnsafeRawBufferPointer) throws(OutputError) -> Void)
    }

    private let sink: Sink
    // A raw buffer rather than an Array: appends are a bounds check and a memcpy (export spends its time here).
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let capacity: Int

    public convenience init(descriptor: Int32, capacity: Int = 1 << 16) {
        self.init(sink: .descriptor(descriptor), capacity: capacity)
    }

    public init(sink: Sink, capacity: Int = 1 << 16) {
        self.sink = sink
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
        guard case .descriptor(let descriptor) = sink else {
            if case .chunks(let take) = sink, !bytes.isEmpty { try take(bytes) }
            return
        }
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
