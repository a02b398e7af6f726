// The seeds imported once per test run, in a folder of their own, and copied for each test that only needs a
// seeded archive to start from: about 70 tests each ran `archive import seeds` in their set-up. Tests of the
// import itself still run it. A copy is the archive a fresh import makes, history included (change 1, the seeds).
import ArchiveTestSupport
import Foundation
import Glibc

enum SeededArchive {
    struct BuildFailed: Error, CustomStringConvertible {
        let description: String
    }

    private static var folder: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-seeded-\(getpid())")
    }

    /// The archive the seeds' import made: one file, its write-ahead log checkpointed into it when the import
    /// closed it (the build fails should any other file be left beside it, a -wal above all).
    static let built: Result<URL, any Error> = Result {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: SeededArchive.folder) }
        let imported = try run(["import", "seeds"], in: folder)
        guard imported.status == 0 else {
            throw BuildFailed(description: "import seeds exited with \(imported.status): \(imported.stderr)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard files == ["archive.sqlite"] else {
            throw BuildFailed(description: "import seeds left \(files.sorted()), not archive.sqlite alone")
        }
        return folder.appendingPathComponent("archive.sqlite")
    }

    /// A fresh copy of the seeded archive in `folder`, as `name` (a path inside it whose folders exist).
    static func copy(into folder: TemporaryFolder, name: String = "archive.sqlite") throws {
        try FileManager.default.copyItem(at: try built.get(), to: folder.url.appendingPathComponent(name))
    }
}
