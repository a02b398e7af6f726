// Tests/Fixtures/hostile: one folder per way for input to be wrong, each holding the bad file and
// expected.txt (the problem's kind, then the start of its message after the folder path). For every case:
// the library reports that kind first, with the file and line or record; `archive import` exits 65; and the
// archive's content (sqlite3 .dump) is byte-identical before and after.
import ArchiveCore
import ArchiveTestSupport
import Foundation
import Testing

struct HostileCase: Sendable, CustomTestStringConvertible {
    let folder: URL
    let kind: String
    let expected: String
    var testDescription: String { folder.lastPathComponent }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/hostile").standardized

    static let all: [HostileCase] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= 2 else { return nil }
            return HostileCase(folder: folder, kind: lines[0], expected: lines[1])
        }
    }()
}

@Suite struct HostileCorpusTests {
    @Test func theCorpusHasAtLeastFortyCases() {
        #expect(HostileCase.all.count >= 40)
        #expect(Set(HostileCase.all.map(\.kind)).isSuperset(of: ["syntax", "encoding", "type", "reference", "duplicate", "unknown-field", "unknown-table"]))
    }

    private func dump(_ folder: TemporaryFolder) throws -> String {
        try sqlite3(folder.path("archive.sqlite"), ".dump")
    }

    @Test(arguments: HostileCase.all)
    func isRefusedWithItsKindAndPlaceAndChangesNothing(_ hostile: HostileCase) throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let before = try dump(folder)

        // The library: the kind and the place.
        let archive = try Archive(path: folder.path("archive.sqlite"), access: .write)
        var problems: [ImportProblem] = []
        do {
            _ = try Importer(archive: archive).run(ImportFile.files(at: hostile.folder.path))
        } catch let failure as ImportFailure {
            problems = failure.problems
        }
        archive.close()
        let first = try #require(problems.first, "no problem reported")
        #expect(first.kind.rawValue == hostile.kind, "\(first)")
        #expect(first.description.hasPrefix(hostile.folder.path + "/" + hostile.expected), "\(first)")

        // The command: a non-zero exit, the problem on stderr, nothing on stdout, the archive unchanged.
        let result = try run(["import", hostile.folder.path], in: folder.url)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(hostile.folder.path + "/" + hostile.expected), "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("the archive was not changed"))
        #expect(try dump(folder) == before)
    }
}
