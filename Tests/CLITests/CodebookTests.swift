// The codebook of `export --all` is the archive's own text: a spreadsheet shows it as written, without the
// apostrophe the formula guard puts before user text that would run as a formula.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct CodebookTests {
    @Test func noCellOfTheCodebookNeedsTheFormulaGuard() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let result = try run(["export", "--all", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let codebook = try StrictCSV(try String(contentsOfFile: folder.path("out/codebook.csv"), encoding: .utf8))
        for row in codebook.rows {
            for cell in row.compactMap({ $0 }) {
                #expect(!cell.hasPrefix("'") && !"=+-@\t\r".contains(cell.first ?? " "), "\(row[0] ?? "") \(row[1] ?? ""): \(cell)")
            }
        }
        let earliest = try #require(codebook.rows.first { $0[0] == "objects.csv" && $0[1] == "earliest_year" })
        #expect(earliest[4] == "from -9999 to 9999")
    }
}
