// Where `export -o`, `export --all` and `backup` may write: never onto the archive or its companion files,
// however the path is spelled; through a symbolic link to its target; straight into a FIFO or a device; a
// regular file whole or not at all, through a unique hidden temporary file.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct OutputSafetyTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: true)
    }

    private func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: folder.path(name))) }

    private func shell(_ command: String) throws -> ProcessResult {
        try run(["-c", command], in: folder.url, environment: ["ARCHIVE": ArchiveBinary.url.path], executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// The folder's entries, hidden ones included: a temporary file left behind shows here.
    private func entries() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { !$0.hasPrefix("archive.sqlite-") })
    }

    @Test(arguments: [
        ("archive.sqlite", "the archive itself"), ("./archive.sqlite", "the archive itself"),
        ("sub/../archive.sqlite", "the archive itself"), ("archive.sqlite-wal", "the archive's write-ahead log"),
        ("sub/../archive.sqlite-shm", "the archive's shared-memory index"), ("archive.sqlite-journal", "the archive's rollback journal"),
    ])
    func anOutputPathNeverNamesTheArchiveOrItsCompanions(path: String, what: String) throws {
        let before = try bytes("archive.sqlite")
        for arguments in [["export", "designers", "-o", path], ["backup", path]] {
            let result = try run(arguments, in: folder.url)
            #expect(result.status == 73, "\(arguments)")
            #expect(result.stderr.hasPrefix("archive: refusing to write \(path): it is \(what) (archive.sqlite)"), "\(result.stderr)")
            #expect(try bytes("archive.sqlite") == before)
        }
        #expect(!folder.exists("archive.sqlite-journal"))
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func aSymbolicOrHardLinkToTheArchiveIsRefusedToo() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.path("soft.csv"), withDestinationPath: "archive.sqlite")
        try FileManager.default.linkItem(atPath: folder.path("archive.sqlite"), toPath: folder.path("hard.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("sub/wal.csv"), withDestinationPath: "../archive.sqlite-wal")
        let before = try bytes("archive.sqlite")
        for name in ["soft.csv", "hard.csv", "sub/wal.csv"] {
            let result = try run(["export", "designers", "-o", name], in: folder.url)
            #expect(result.status == 73, "\(name): \(result.stderr)")
            #expect(result.stderr.hasPrefix("archive: refusing to write \(name): it is the archive"))
        }
        // Every file of --all is checked: a link planted in the export folder is refused, the archive untouched.
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("out/shoes.csv"), withDestinationPath: "../archive.sqlite")
        let all = try run(["export", "--all", "out"], in: folder.url)
        #expect(all.status == 73)
        #expect(all.stderr.hasPrefix("archive: refusing to write out/shoes.csv: it is the archive itself"))
        #expect(try bytes("archive.sqlite") == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("soft.csv")) == "archive.sqlite")
    }

    @Test func anInheritedDescriptorOfTheArchiveIsRefused() throws {
        let before = try bytes("archive.sqlite")
        for command in ["exec 3<>archive.sqlite; \"$ARCHIVE\" export designers -o /dev/fd/3",
                        "\"$ARCHIVE\" export designers -o /dev/stdout 1<>archive.sqlite",
                        "\"$ARCHIVE\" export designers -o /proc/self/fd/1 1<>archive.sqlite-wal"] {
            let result = try shell(command)
            #expect(result.status == 73, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("archive: refusing to write /"), "\(result.stderr)")
        }
        #expect(try bytes("archive.sqlite") == before)
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.path("latest.csv"), withDestinationPath: "sub/designers-2026.csv")
        let result = try run(["export", "designers", "-o", "latest.csv"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("latest.csv")) == "sub/designers-2026.csv")
        let written = try String(contentsOfFile: folder.path("sub/designers-2026.csv"), encoding: .utf8)
        #expect(written.hasPrefix("slug,name,kind,"))
        #expect(try run(["export", "designers"], in: folder.url).stdout == written)
    }

    @Test func aFIFOIsWrittenStraightIntoAndStaysAFIFO() throws {
        #expect(mkfifo(folder.path("pipe"), 0o644) == 0)
        let result = try shell("cat pipe > from-pipe.csv & \"$ARCHIVE\" export shoes -o pipe; status=$?; wait; exit $status")
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(lstat(folder.path("pipe"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(try String(contentsOfFile: folder.path("from-pipe.csv"), encoding: .utf8) == (try run(["export", "shoes"], in: folder.url)).stdout)
    }

    @Test func aFullDeviceFailsLikeStdoutDoesAndStaysADevice() throws {
        let result = try run(["export", "designers", "-o", "/dev/full"], in: folder.url)
        #expect(result.status == 74)
        #expect(result.stderr == "archive: /dev/full: cannot write the output: No space left on device\n")
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        let stdout = try shell("\"$ARCHIVE\" export shoes -o /dev/stdout >> appended.csv && \"$ARCHIVE\" export shoes -o /dev/stdout >> appended.csv")
        #expect(stdout.status == 0)
        let once = try run(["export", "shoes"], in: folder.url).stdout
        #expect(try String(contentsOfFile: folder.path("appended.csv"), encoding: .utf8) == once + once) // appended, not overwritten
    }

    @Test func aFileNamedLikeTheOldTemporaryFileIsLeftAlone() throws {
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv.partial")))
        let before = try entries()
        #expect(try run(["export", "designers", "-o", "designers.csv"], in: folder.url).status == 0)
        #expect(try bytes("designers.csv.partial") == Data("mine".utf8))
        #expect(try entries() == before.union(["designers.csv"]))
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        var csv = "slug,title,description\n"
        for index in 0..<3_000 { csv += "look-\(index),Look \(index),\"Tulle, organza and satin: look \(index) of the series\"\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("collections.csv")))
        #expect(try run(["import", "collections.csv"], in: folder.url).status == 0)
        try Data("old,file\r\n".utf8).write(to: URL(fileURLWithPath: folder.path("sub/out.csv")))
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path("sub")))
        // A file-size limit of 64 KiB: the export (over 200 KiB) fails midway, as on a full disk.
        let result = try shell("ulimit -f 64; \"$ARCHIVE\" export collections -o sub/out.csv")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("archive: sub/out.csv: cannot write the output: File too large"))
        #expect(try bytes("sub/out.csv") == Data("old,file\r\n".utf8))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path("sub"))) == before)
        let backup = try shell("ulimit -f 64; \"$ARCHIVE\" backup sub/copy.sqlite")
        #expect(backup.status == 74, "\(backup.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path("sub"))) == before)
    }

    @Test func anInterruptedExportRemovesItsTemporaryFile() throws {
        var csv = "slug,title,description\n"
        for index in 0..<50_000 { csv += "look-\(index),Look \(index),\"Tulle, organza and satin: look \(index) of the series\"\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("collections.csv")))
        #expect(try run(["import", "collections.csv"], in: folder.url).status == 0)
        // The export is stopped (SIGSTOP) once its temporary file exists, and the file is seen again while it is
        // stopped: SIGTERM then certainly arrives before the rename. It starts with SIGTERM blocked, as a parent
        // may pass on (Foundation's Process does): the export must unblock it.
        let errors = Pipe()
        let process = try start(["export", "collections_full", "-o", "sub/all.csv"], in: folder.url, errors: errors.fileHandleForWriting,
                                blocking: [SIGTERM, SIGINT])
        func temporaryFile() throws -> String? {
            try FileManager.default.contentsOfDirectory(atPath: folder.path("sub")).first { $0.hasPrefix(".all.csv.") }
        }
        var seen = false
        for _ in 0..<5_000 where !seen && process.isRunning {
            if try temporaryFile() != nil {
                kill(process.processIdentifier, SIGSTOP)
                seen = try temporaryFile() != nil
                if !seen { kill(process.processIdentifier, SIGCONT) }
            } else {
                usleep(500)
            }
        }
        try #require(seen, "the export finished before its temporary file was seen")
        kill(process.processIdentifier, SIGTERM)
        kill(process.processIdentifier, SIGCONT)
        process.waitUntilExit()
        try errors.fileHandleForWriting.close()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 128 + SIGTERM, "\(said)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("sub")).isEmpty)
    }
}
