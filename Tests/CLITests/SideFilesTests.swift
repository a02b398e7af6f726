// Reading commands leave the archive's folder as they found it: no empty -wal and -shm files of their own
// making, and someone else's (a writer's, in use or holding commits) left exactly as they are.
import ArchiveTestSupport
import Foundation
import Glibc
import Testing

@Suite struct SideFilesTests {
    let folder: TemporaryFolder
    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    private var sideFiles: [String] {
        ["archive.sqlite-wal", "archive.sqlite-shm", "archive.sqlite-journal"].filter { folder.exists($0) }
    }

    static let readingCommands: [[String]] = [
        ["stats"], ["search", "derby"], ["search", "balle*", "--in", "all", "--format", "json"], ["show", "celine"],
        ["list", "designers"], ["export", "designers"], ["export", "--all", "out"], ["export", "--datasette", "metadata.json"],
        ["timeline"], ["timeline", "balletcore", "--format", "csv"], ["history"], ["history", "celine"], ["check"],
        ["migrate", "--status"], ["backup", "copy.sqlite"],
    ]

    @Test func readingCommandsLeaveNoSideFiles() throws {
        try #require(sideFiles.isEmpty)
        for command in Self.readingCommands {
            let result = try run(command, in: folder.url)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(sideFiles.isEmpty, "archive \(command.joined(separator: " ")) left \(sideFiles)")
        }
        let check = try run(["check"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(sideFiles.isEmpty)
    }

    @Test func serveLeavesNoSideFilesOnceStopped() throws {
        let server = try RunningServer(in: folder.url)
        let fetched = try run(["python3", "-c", """
            import sys, urllib.request
            for path in sys.argv[2:]: urllib.request.urlopen(sys.argv[1] + path).read()
            """, server.url, "search?q=derby", "records/designers/celine", "api/lists/designers?format=csv"],
            in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(fetched.status == 0, "\(fetched.stderr)")
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(sideFiles.isEmpty, "archive serve left \(sideFiles)")
    }

    @Test func sideFilesAnotherProcessUsesAreLeftAsTheyAre() throws {
        // Another process holds the archive open, its last commit still in the -wal (no checkpoint).
        let holder = try HeldConnection(folder.path("archive.sqlite"), running: [
            "PRAGMA wal_autocheckpoint = 0", "INSERT INTO sources (slug, title) VALUES ('held-source', 'Held in the WAL')",
        ])
        var holding = true
        defer { if holding { try? holder.release() } }
        let wal = folder.path("archive.sqlite-wal")
        let walBytes = try #require(try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int)
        try #require(walBytes > 0)

        for command in Self.readingCommands {
            let result = try run(command, in: folder.url)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(sideFiles == ["archive.sqlite-wal", "archive.sqlite-shm"], "after \(command): \(sideFiles)")
            #expect(try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int == walBytes, "\(command)")
        }
        // Readers saw the commit that is only in the -wal.
        #expect(try run(["show", "held-source"], in: folder.url).stdout.contains("Held in the WAL"))

        holding = false
        #expect(try holder.release() == 0)
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT title FROM sources WHERE slug = 'held-source'") == "Held in the WAL\n")
        let check = try run(["check"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
