// Reads a file (or embedded text) one byte at a time through a 64 KiB buffer, so that readers stream:
// memory stays flat however large the input. Counts lines for error messages.
import Glibc

public final class ByteReader {
    private enum Backing {
        case file(Int32)
        case memory
    }

    private let backing: Backing
    private var buffer: [UInt8]
    private var position = 0
    private var end = 0
    /// 1-based line of the next byte (a line ends at LF, or at a CR not followed by LF).
    public private(set) var line = 1
    /// Bytes consumed so far (for progress).
    public private(set) var offset: Int64 = 0
    private var previousWasCR = false

    /// Opens `path` for reading; the error says why it cannot be read.
    public init(path: String) throws(ReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno) }
        backing = .file(descriptor)
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// Reads bytes already in memory (the seeds compiled into the binary).
    public init(bytes: [UInt8]) {
        backing = .memory
        buffer = bytes
        end = bytes.count
    }

    deinit {
        if case .file(let descriptor) = backing { close(descriptor) }
    }

    /// The next byte without consuming it, or nil at the end.
    @inline(__always)
    public func peek() throws(ReadError) -> UInt8? {
        if position == end, try !refill() { return nil }
        return buffer[position]
    }

    /// Consumes and returns the next byte, or nil at the end.
    @inline(__always)
    public func next() throws(ReadError) -> UInt8? {
        if position == end, try !refill() { return nil }
        let byte = buffer[position]
        position += 1
        offset += 1
        ByteReader.count(byte, line: &line, previousWasCR: &previousWasCR)
        return byte
    }

    /// Advances the line count past `byte`: a line ends at LF, or at a CR not followed by LF.
    @inline(__always)
    static func count(_ byte: UInt8, line: inout Int, previousWasCR: inout Bool) {
        if byte == 0x0A {
            if !previousWasCR { line += 1 }
            previousWasCR = false
        } else if byte == 0x0D {
            line += 1
            previousWasCR = true
        } else {
            previousWasCR = false
        }
    }

    public enum Stop: Equatable {
        /// The byte that stopped the read, not consumed.
        case byte(UInt8)
        case endOfInput
        /// `output` grew past the limit: the read stopped there.
        case limit
    }

    /// Appends to `output` every byte before the first one that `isStop` accepts, and says what stopped it
    /// (that byte is not consumed). Scans the buffer in place: the fast path of the readers. Stops once
    /// `output` holds more than `limit` bytes, so that memory stays bounded.
    @inline(__always)
    public func read(into output: inout [UInt8], limit: Int, until isStop: (UInt8) -> Bool) throws(ReadError) -> Stop {
        while true {
            if output.count > limit { return .limit }
            if position == end, try !refill() { return .endOfInput }
            let start = position
            var stop: UInt8?
            buffer.withUnsafeBufferPointer { bytes in
                var index = start
                var line = self.line
                var previousWasCR = self.previousWasCR
                while index < end {
                    let byte = bytes[index]
                    if isStop(byte) {
                        stop = byte
                        break
                    }
                    ByteReader.count(byte, line: &line, previousWasCR: &previousWasCR)
                    index += 1
                }
                output.append(contentsOf: bytes[start..<index])
                self.line = line
                self.previousWasCR = previousWasCR
                offset += Int64(index - start)
                position = index
            }
            if let stop { return .byte(stop) }
        }
    }

    private func refill() throws(ReadError) -> Bool {
        guard case .file(let descriptor) = backing else { return false }
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(path: nil, errno: errno) }
            position = 0
            end = count
            return count > 0
        }
    }
}

/// A file that cannot be opened or read, with the system's reason.
public struct ReadError: Error, CustomStringConvertible, Sendable {
    public let path: String?
    public let code: Int32

    init(path: String?, errno code: Int32) {
        self.path = path
        self.code = code
    }

    public var reason: String { String(cString: strerror(code)) }
    public var description: String { path.map { "cannot read \($0): \(reason)" } ?? "read failed: \(reason)" }
}
