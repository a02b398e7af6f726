// `archive serve` as a real process on a free loopback port, and a raw HTTP client over real sockets: what a
// misbehaving client does (stops reading, sends half a request, speaks HTTP/1.0) cannot be shown through the
// router alone.
import ArchiveTestSupport
import Foundation
import Glibc
import Testing

/// `archive serve` on a free loopback port, stopped when the test ends. What it says on stderr is kept.
final class RunningServer: @unchecked Sendable {
    let process = ChildProcess()
    let url: String
    let port: UInt16
    private let said = NSLock()
    private var stderrText = ""

    init(in folder: URL, _ arguments: [String] = []) throws {
        process.executableURL = ArchiveBinary.url
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The URL is on stderr once the socket listens: "serving archive.sqlite at http://127.0.0.1:PORT/ …".
        var first = ""
        while !first.contains("(read-only") {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            first += String(decoding: data, as: UTF8.self)
        }
        guard let start = first.range(of: " at http://"), let end = first[start.upperBound...].firstIndex(of: " ") else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "archive serve did not say its URL: \(first)"])
        }
        url = "http://" + first[start.upperBound..<end]
        port = UInt16(url.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0
        stderrText = first
        // Keep reading stderr, so that the server never blocks on a full pipe and the test can read its log.
        let reader = errors.fileHandleForReading
        Thread { [weak self] in
            while true {
                let data = reader.availableData
                if data.isEmpty { return }
                guard let self else { return }
                self.said.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
            }
        }.start()
    }

    /// What the server has said on stderr so far.
    var log: String { said.withLock { stderrText } }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// One TCP connection to a loopback port, read and written as bytes.
final class RawConnection {
    let descriptor: Int32

    /// `receiveBuffer`: the socket's receive buffer, set before connecting (a client that stops reading fills a
    /// small one at once). `timeout`: seconds a read may wait before it fails the test.
    init(port: UInt16, receiveBuffer: Int32? = nil, timeout: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        if var size = receiveBuffer {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    enum ReadEnd: Equatable { case closed, timedOut, reset }

    /// Reads until the server closes the connection (or the read times out, or `until` says enough).
    func read(until enough: (Data) -> Bool = { _ in false }) -> (Data, ReadEnd) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (data, .closed) }
            if count < 0 { return (data, errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .reset) }
            data.append(contentsOf: buffer[0..<count])
            if enough(data) { return (data, .closed) }
        }
    }

    /// Reads a whole response whose head and body end the exchange (a page: Content-Length).
    func readResponse() -> String {
        let (data, _) = read { data in
            guard let text = String(data: data, encoding: .utf8), let end = text.range(of: "\r\n\r\n") else { return false }
            let head = text[..<end.lowerBound].lowercased()
            guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                  let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
            return text.utf8.count - text[..<end.upperBound].utf8.count >= length
        }
        return String(decoding: data, as: UTF8.self)
    }
}
