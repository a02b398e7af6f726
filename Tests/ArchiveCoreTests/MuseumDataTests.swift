// The CSV reader on real, messy museum exports in ../shared/data/museum (embedded newlines, long fields,
// stray control characters): every file must read to the record count its SOURCE.md gives.
// The data is not part of this repository; where it is absent the test says so and skips.
@testable import ArchiveCore
import Foundation
import Testing

@Suite struct MuseumDataTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/data/museum").standardized

    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("SOURCE.md").path) }

    /// `file → rows` from the table in SOURCE.md: "| `name.csv` | 15,919 | …".
    static func expectedCounts() throws -> [String: Int] {
        let text = try String(contentsOf: folder.appendingPathComponent("SOURCE.md"), encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let digits = cells[1].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
            if let count = Int(digits) { counts[name] = count }
        }
        return counts
    }

    @Test(.enabled(if: available, "skipped: ../shared/data/museum is absent (it is not part of this repository)"))
    func everyFileReadsToItsRecordCount() throws {
        let counts = try Self.expectedCounts()
        #expect(counts.count == 4, "SOURCE.md lists \(counts)")
        for (name, expected) in counts.sorted(by: { $0.key < $1.key }) {
            let reader = CSVReader(try ByteReader(path: Self.folder.appendingPathComponent(name).path))
            guard let header = try reader.next() else {
                Issue.record("\(name) is empty")
                continue
            }
            var rows = 0
            var longest = 0
            var withNewlines = 0
            while let record = try reader.next() {
                rows += 1
                #expect(record.fields.count == header.fields.count, "\(name):\(record.line) has \(record.fields.count) fields")
                longest = max(longest, record.fields.map(\.utf8.count).max() ?? 0)
                if record.fields.contains(where: { $0.contains("\n") }) { withNewlines += 1 }
            }
            #expect(rows == expected, "\(name): \(rows) records, SOURCE.md says \(expected)")
            #expect(withNewlines > 0 || name == "footwear_subset.csv", "\(name) was expected to hold multi-line fields")
            // SOURCE.md: descriptions up to 2,358 characters, biographies up to 4,760.
            let longField = ["cooperhewitt_fashion_textiles.csv": 2_358, "designers_makers.csv": 4_760][name] ?? 0
            #expect(longest >= longField, "\(name): longest field \(longest) bytes")
        }
    }

    @Test(.enabled(if: available, "skipped: ../shared/data/museum is absent"))
    func strayControlCharactersSurviveAsText() throws {
        let reader = CSVReader(try ByteReader(path: Self.folder.appendingPathComponent("ima_fashion_costume.csv").path))
        var withC1 = 0
        while let record = try reader.next() {
            if record.fields.contains(where: { $0.unicodeScalars.contains { (0x80...0x9F).contains($0.value) } }) { withC1 += 1 }
        }
        #expect(withC1 == 28) // SOURCE.md: 28 IMA rows hold stray C1 control characters
    }
}
