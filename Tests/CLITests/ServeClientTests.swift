// `archive serve` against clients that misbehave, over real sockets: downloaders that stop reading, requests
// sent by half, HTTP/1.0, a port already taken. Each was a way to hang the server or mislead a client.
import ArchiveTestSupport
import Foundation
import Glibc
import Testing

/// An archive of the seeds plus 12,000 collections with long descriptions (about 10 MB as CSV: more than a
/// socket's buffers hold, so a download that is not read really waits), built once per run and copied.
enum LargeArchive {
    static let built: Result<URL, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-large-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-large-\(getpid())")) }
        let filler = String(repeating: "Tulle, silk faille and a dropped waist — “ballet” in every seam. ", count: 12)
        var csv = "slug,title,season,year,description\n"
        for index in 0..<12_000 {
            csv += "look-\(index),Look \(index),SS,\(1950 + index % 70),\"\(index) \(filler)\"\n"
        }
        try csv.write(to: folder.appendingPathComponent("collections.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: try SeededArchive.built.get(), to: folder.appendingPathComponent("archive.sqlite"))
        guard try run(["import", "collections.csv"], in: folder).status == 0 else { throw POSIXError(.EIO) }
        return folder.appendingPathComponent("archive.sqlite")
    }

    /// A fresh copy in `folder`, as archive.sqlite.
    static func copy(into folder: TemporaryFolder) throws {
        try FileManager.default.copyItem(at: try built.get(), to: folder.url.appendingPathComponent("archive.sqlite"))
    }
}

@Suite struct ServeClientTests {
    /// Eight downloaders (twice --connections) that stop reading held every read connection while they waited
    /// for room to send, so that home, search and record pages timed out, and a cached page too (its check of
    /// the archive's generation borrowed a connection). Pages now answer while the downloads stall.
    @Test func stalledDownloadersDoNotHoldUpThePages() throws {
        let folder = try TemporaryFolder()
        try LargeArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url, ["--connections", "4", "--idle-timeout", "60"])
        // The page to be cached, asked once before the downloads start.
        #expect(try get("/records/designers/celine", port: server.port).hasPrefix("HTTP/1.1 200"))
        var stalled: [RawConnection] = []
        var statuses: [String] = []
        for _ in 0..<8 {
            let download = try RawConnection(port: server.port, receiveBuffer: 4_096)
            download.send("GET /api/lists/collections?format=csv HTTP/1.1\r\nHost: test\r\n\r\n")
            // The head has come: the download (or its 503) has begun. From here on nothing more is read.
            let (head, _) = download.read { String(decoding: $0, as: UTF8.self).contains("\r\n\r\n") }
            statuses.append(String(String(decoding: head, as: UTF8.self).prefix(12)))
            stalled.append(download)
        }
        for path in ["/", "/search?q=ballet", "/records/collections/look-7", "/records/designers/celine", "/api/stats"] {
            let answer = try get(path, port: server.port, timeout: 5)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(path) did not answer while downloads stalled: \(answer.prefix(200))")
        }
        // --downloads 4 (the default): four downloads read, the others were told at once that all were busy.
        #expect(statuses.filter { $0 == "HTTP/1.1 200" }.count == 4 && statuses.filter { $0 == "HTTP/1.1 503" }.count == 4, "\(statuses)")
        #expect(stalled.count == 8)
    }

    /// A download whose client reads nothing for --idle-timeout is dropped: its connection is closed without
    /// the last chunk, so the client sees it truncated (a 200 with a complete-looking body was sent before, when
    /// a download ended early), and the server logs it.
    @Test func aClientThatStopsReadingIsDroppedAndSeesTheDownloadCut() throws {
        let folder = try TemporaryFolder()
        try LargeArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url, ["--idle-timeout", "1"])
        let download = try RawConnection(port: server.port, receiveBuffer: 4_096, timeout: 30)
        download.send("GET /api/lists/collections?format=csv HTTP/1.1\r\nHost: test\r\n\r\n")
        let (head, _) = download.read { String(decoding: $0, as: UTF8.self).contains("\r\n\r\n") }
        #expect(String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        // Nothing is read until the server says it dropped the client (at most 30 s, then the test fails).
        let deadline = Date().addingTimeInterval(30)
        while !server.log.contains("cut after"), Date() < deadline { usleep(20_000) }
        #expect(server.log.contains("download /api/lists/collections?format=csv cut after"), "\(server.log)")
        #expect(server.log.contains("read nothing for 1.0 s"))
        let (rest, end) = download.read()
        #expect(end != .timedOut)
        let body = head + rest
        #expect(body.count < 9_000_000, "the whole table was sent")
        #expect(!body.suffix(5).elementsEqual("0\r\n\r\n".utf8), "a cut download must not end with the last chunk")
    }

    /// 2,000 connections that sent half a request were never closed; at ~20,000 the server ran out of descriptors.
    /// Half-sent requests and idle keep-alive connections are closed after --idle-timeout, and others are served.
    @Test func halfSentRequestsAndIdleConnectionsAreClosed() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url, ["--idle-timeout", "1"])
        var slow: [RawConnection] = []
        for index in 0..<50 {
            let connection = try RawConnection(port: server.port, timeout: 20)
            connection.send(index % 2 == 0 ? "GET / HTTP/1.1\r\nHost: te" : "GE")
            slow.append(connection)
        }
        let idle = try RawConnection(port: server.port, timeout: 20)
        idle.send("GET /api/stats HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(idle.readResponse().hasPrefix("HTTP/1.1 200"))
        // Meanwhile others are served.
        #expect(try get("/", port: server.port).hasPrefix("HTTP/1.1 200"))
        for connection in slow + [idle] {
            let (_, end) = connection.read()
            #expect(end == .closed || end == .reset, "a half-sent request or an idle connection was left open")
        }
    }

    /// At ~20,000 connections the server ran out of descriptors and spun. Beyond --max-connections a new
    /// connection waits to be accepted: while 16 are held it gets no answer, and once one closes it does.
    @Test func connectionsBeyondTheCapWaitUntilOneCloses() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url, ["--max-connections", "16", "--idle-timeout", "60"])
        var held: [RawConnection] = []
        for _ in 0..<16 {
            // Each one answered, so each is certainly accepted, and kept open (keep-alive).
            let connection = try RawConnection(port: server.port)
            connection.send("GET /api/stats HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(connection.readResponse().hasPrefix("HTTP/1.1 200"))
            held.append(connection)
        }
        let waiting = try RawConnection(port: server.port, timeout: 1)
        waiting.send("GET /api/stats HTTP/1.1\r\nHost: test\r\n\r\n")
        let (unanswered, end) = waiting.read()
        #expect(unanswered.isEmpty && end == .timedOut, "a 17th connection was served while 16 were open")
        held.removeFirst()
        var wait = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(waiting.descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        #expect(waiting.readResponse().hasPrefix("HTTP/1.1 200"))
    }

    /// An HTTP/1.0 client got `Transfer-Encoding: chunked` and saved the chunk sizes inside its CSV.
    @Test func anHTTP10ClientGetsTheBodyItselfAndTheConnectionEnds() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url)
        let connection = try RawConnection(port: server.port)
        connection.send("GET /api/lists/designers?format=csv HTTP/1.0\r\n\r\n")
        let (data, end) = connection.read()
        #expect(end == .closed)
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].lowercased()
        #expect(head.hasPrefix("http/1.0 200"))
        #expect(!head.contains("transfer-encoding"))
        #expect(head.contains("connection: close"))
        let export = try run(["export", "designers"], in: folder.url)
        #expect(parts.dropFirst().joined(separator: "\r\n\r\n") == export.stdout)
    }

    /// `serve` on a port in use said `Error: bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)` and
    /// exited 1, which means "check found problems".
    @Test func aPortInUseIsOneLineAndItsOwnExitCode() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url)
        let second = try run(["serve", "--port", String(server.port)], in: folder.url)
        #expect(second.status == 69)
        #expect(second.stderr == "archive serve: cannot listen on 127.0.0.1:\(server.port): address already in use\n")
    }

    /// The permalink was built from the Host header: `Host: evil.example` printed that host into the citation.
    @Test func aForgedHostHeaderNeverReachesThePage() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url)
        let connection = try RawConnection(port: server.port)
        connection.send("GET /records/designers/celine HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
        let page = String(decoding: connection.read().0, as: UTF8.self)
        #expect(page.hasPrefix("HTTP/1.1 200"))
        #expect(page.contains("Permalink: <a href=\"/records/designers/celine\">"))
        #expect(!page.contains("evil.example"))
    }

    private func get(_ path: String, port: UInt16, timeout: Int = 10) throws -> String {
        let connection = try RawConnection(port: port, timeout: timeout)
        connection.send("GET \(path) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        return String(decoding: connection.read().0, as: UTF8.self)
    }
}
