// A search's download from a running `archive serve`: every hit, streamed, so that the server's memory does not
// grow with the hits (measured on the process, which only a real server shows).
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct SearchDownloadServeTests {
    @Test func everyHitIsStreamedInBoundedMemory() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        // 60,000 collections that say silk, 1.1 KB of text each: about 69 MB of CSV.
        _ = try sqlite3(folder.path("archive.sqlite"), """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
            INSERT INTO collections(slug, title, year, season, description)
            SELECT 'c-' || i, 'Silk look ' || i, 1800 + i % 220, 'SS', i || ' ' || replace(hex(zeroblob(100)), '00', 'silk tulle ') FROM n
            """)
        let server = try RunningServer(in: folder.url)
        _ = try fetch(server.url + "api/search?q=tulle&in=shoes&format=csv") // warm: a small download first
        let before = try peakKibibytes(server.process.processIdentifier)
        let (bytes, lines) = try fetch(server.url + "api/search?q=silk&in=collections&format=csv")
        let after = try peakKibibytes(server.process.processIdentifier)
        #expect(lines == 60_001) // the header and every hit
        #expect(bytes > 60_000_000)
        #expect(after - before < 30 * 1024, "the server's peak grew by \(after - before) KiB for a \(bytes / 1_000_000) MB download")
    }

    /// The bytes and lines of a download, read in chunks by another process (Foundation on Linux reads no http).
    private func fetch(_ url: String) throws -> (bytes: Int, lines: Int) {
        let reader = """
            import sys, urllib.request
            size = lines = 0
            with urllib.request.urlopen(sys.argv[1]) as answer:
                for chunk in iter(lambda: answer.read(1 << 16), b""):
                    size += len(chunk); lines += chunk.count(b"\\n")
            print(size, lines)
            """
        let result = try run(["python3", "-c", reader, url], in: URL(fileURLWithPath: "/tmp"), executable: URL(fileURLWithPath: "/usr/bin/env"))
        let numbers = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(result.status == 0 && numbers.count == 2, "\(url): \(result.stderr)")
        return (numbers[0], numbers[1])
    }

    /// The process's peak resident size so far (VmHWM), in KiB.
    private func peakKibibytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return Int(line.split(whereSeparator: \.isWhitespace)[1]) ?? 0
    }
}
