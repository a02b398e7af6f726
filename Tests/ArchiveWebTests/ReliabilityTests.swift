// The server never writes the archive, and many clients at once, during an import, never see an error.
import ArchiveCore
import ArchiveWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ReliabilityTests {
    @Test func aSessionOfRequestsLeavesTheFileByteForByteAsItWas() async throws {
        let web = try WebFixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: web.path))
        let paths = ["/", "/search?q=ballet", "/records/designers/celine", "/browse/collections?sort=year&order=desc", "/timeline",
                     "/api/stats", "/api/lists/designers?format=csv", "/api/search?q=derby&in=collections&format=ndjson", "/nowhere"]
        _ = try await web.get(paths + paths)
        #expect(try Data(contentsOf: URL(fileURLWithPath: web.path)) == before)
        let wal = web.path + "-wal"
        let walBytes = FileManager.default.fileExists(atPath: wal) ? (try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int ?? 0) : 0
        #expect(walBytes == 0)
    }

    @Test func threeHundredConcurrentRequestsDuringAnImportAllSucceed() async throws {
        let web = try WebFixture()
        let path = web.path
        // A writer re-imports the designers again and again, changing a description each time, until told to stop.
        let stop = Flag()
        let writer = Thread {
            do {
                let archive = try Archive(path: path, access: .write)
                var round = 0
                while !stop.isSet {
                    round += 1
                    let csv = "slug,name,description\nceline,Celine,Round \(round) of the import\n"
                    let file = path + ".designers.csv"
                    try csv.write(toFile: file, atomically: true, encoding: .utf8)
                    _ = try Importer(archive: archive).run(try ImportFile.files(at: file, table: "designers"))
                }
                archive.close()
            } catch {
                stop.fail("the import failed: \(error)")
            }
        }
        writer.start()
        let paths = ["/", "/search?q=celine", "/records/designers/celine", "/api/records/designers/celine", "/browse/designers", "/api/search?q=derby"]
        let app = Application(router: web.server.router())
        let statuses = try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: (String, UInt16, String).self) { group in
                for index in 0..<300 {
                    let path = paths[index % paths.count]
                    group.addTask {
                        try await client.execute(uri: path, method: .get) { response in
                            (path, UInt16(response.status.code), String(decoding: response.body.readableBytesView, as: UTF8.self))
                        }
                    }
                }
                var all: [(String, UInt16, String)] = []
                for try await result in group { all.append(result) }
                return all
            }
        }
        stop.set()
        while !stop.finished(writer) { usleep(10_000) }
        #expect(stop.failure == nil)
        #expect(statuses.count == 300)
        for (path, status, body) in statuses where status != 200 {
            Issue.record("\(path) answered \(status): \(body.prefix(200))")
        }
        // Every record page showed one consistent description: the one before an import or after it.
        for (path, _, body) in statuses where path == "/records/designers/celine" {
            #expect(body.contains("House that put the slim-soled derby") || body.contains("of the import"))
        }
    }
}

/// A stop signal for the writer thread, and what went wrong on it.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private(set) var failure: String?
    var isSet: Bool { lock.withLock { stopped } }
    func set() { lock.withLock { stopped = true } }
    func fail(_ message: String) { lock.withLock { failure = message; stopped = true } }
    func finished(_ thread: Thread) -> Bool { thread.isFinished }
}

@Suite struct KeptPageTests {
    @Test func pagesAskedAgainAreTheSameAndAnImportMeanwhileIsSeenAtOnce() async throws {
        let web = try WebFixture()
        let paths = ["/records/designers/celine", "/search?q=tartan", "/api/records/designers/celine", "/browse/designers", "/api/stats"]
        let first = try await web.get(paths + paths)
        #expect(Array(first[..<paths.count]).map(\.body) == Array(first[paths.count...]).map(\.body))
        #expect(!first[0].body.contains("Tartan coats") && !first[1].body.contains("/records/designers/celine"))
        // An import through a connection of its own, as `archive import` in another process commits it.
        try "slug,name,description\nceline,Celine,Tartan coats for a new season\n".write(toFile: web.folder.path("d.csv"), atomically: true, encoding: .utf8)
        let archive = try Archive(path: web.path, access: .write)
        _ = try Importer(archive: archive).run(try ImportFile.files(at: web.folder.path("d.csv"), table: "designers"))
        archive.close()
        let after = try await web.get(paths)
        #expect(after.allSatisfy { $0.status == .ok })
        #expect(after[0].body.contains("Tartan coats for a new season"))
        #expect(after[1].body.contains("/records/designers/celine"))
        #expect(after[2].body.contains("Tartan coats for a new season"))
        #expect(after[3].body.contains("Tartan coats for a new season"))
        #expect(after[4].body != first[4].body) // the stats name the import
        // A server that keeps nothing answers the same pages.
        let uncached = try ArchiveServer(archivePath: web.path, connections: 2, cacheMegabytes: 0)
        let app = Application(router: uncached.router())
        let plain = try await app.test(.router) { client in
            var bodies: [String] = []
            for path in paths {
                bodies.append(try await client.execute(uri: path, method: .get) { String(decoding: $0.body.readableBytesView, as: UTF8.self) })
            }
            return bodies
        }
        #expect(plain == after.map(\.body))
    }
}
