// A write-protected archive: reading commands work, writing commands fail with one line and exit 73.
// Root ignores file modes, so as root the file is made immutable (chattr +i) instead of chmod 444.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct ReadOnlyArchiveTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    /// Whether this machine lets a test make a file unwritable for itself (root needs chattr +i).
    static let canProtectFiles: Bool = {
        guard let folder = try? TemporaryFolder() else { return false }
        try? Data().write(to: URL(fileURLWithPath: folder.path("probe")))
        guard let undo = try? protect(folder.path("probe")) else { return false }
        undo()
        return true
    }()

    /// Makes `path` unwritable for this process; returns how to undo it, or nil when that is impossible here.
    private static func protect(_ path: String) throws -> (() -> Void)? {
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            return { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        }
        let chattr = ChildProcess()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        chattr.arguments = ["chattr", "+i", path]
        chattr.standardError = FileHandle.nullDevice
        try? chattr.run()
        chattr.waitUntilExit()
        guard chattr.terminationStatus == 0 else { return nil }
        return {
            let undo = ChildProcess()
            undo.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            undo.arguments = ["chattr", "-i", path]
            try? undo.run()
            undo.waitUntilExit()
        }
    }

    @Test(.enabled(if: canProtectFiles, "skipped: cannot make a file read-only here (root without chattr +i)"))
    func readingWorksAndWritingFailsCleanly() throws {
        #expect(try run(["migrate"], in: folder.url).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.path("archive.sqlite")))
        let unprotect = try #require(try Self.protect(folder.path("archive.sqlite")))
        defer { unprotect() }

        let check = try run(["check"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        let status = try run(["migrate", "--status"], in: folder.url)
        #expect(status.status == 0)

        let migrate = try run(["migrate"], in: folder.url)
        #expect(migrate.status == 73)
        #expect(migrate.stderr.hasPrefix("archive: archive.sqlite is read-only"))
        #expect(migrate.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("archive.sqlite"))) == before)
    }
}
