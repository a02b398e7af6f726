// The four museum files of ../shared/data/museum imported through the mappings in Mappings/ into one archive:
// every row and every field with a home, the text exactly as the museums wrote it, the IMA credit in the
// citation, the same person at two museums as two records sharing an identifier, and an export that imports
// back and exports again byte for byte. Skipped, saying so, where ../shared is absent.
@testable import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Foundation
import Testing

@Suite(.serialized) struct MuseumMappingTests {
    static let mappings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Mappings").standardized
    static let files = ["designers_makers", "cooperhewitt_fashion_textiles", "ima_fashion_costume", "footwear_subset"]

    /// The rows of a museum file as the CSV reader gives them, header names to values.
    private func rows(_ name: String) throws -> [[String: String]] {
        let reader = CSVReader(try ByteReader(path: MuseumDataTests.folder.appendingPathComponent(name + ".csv").path))
        let header = try #require(try reader.next()).fields
        var rows: [[String: String]] = []
        while let record = try reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields))) }
        return rows
    }

    @Test(.enabled(if: MuseumDataTests.available, "skipped: ../shared/data/museum is absent (it is not part of this repository)"))
    func theFourMuseumFilesImportWholeAndRoundTrip() throws {
        let fixture = try ArchiveFixture(seeded: true)
        for name in Self.files {
            let mapping = try ImportMapping.load(Self.mappings.appendingPathComponent(name + ".json").path)
            let files = try ImportFile.files(at: MuseumDataTests.folder.appendingPathComponent(name + ".csv").path, mapping: mapping)
            _ = try Importer(archive: fixture.archive).run(files)
        }
        let db = fixture.db
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty)

        // Every object, every field with a home, exactly as written (newlines, C1 characters, accents).
        var objects = 0, mentions: Set<String> = []
        for name in ["cooperhewitt_fashion_textiles", "ima_fashion_costume", "footwear_subset"] {
            for row in try rows(name) {
                let institution = row["source"]!.hasPrefix("Cooper") ? "cooper-hewitt" : "ima"
                let slug = "\(institution)-\(row["object_id"]!)"
                let statement = try db.prepare("""
                    SELECT accession_number, title, object_type, department, date_text, culture, medium, dimensions, credit_line, description, url,
                           earliest_year, latest_year FROM objects WHERE slug = ?
                    """)
                try statement.bind([slug])
                let stored = try #require(try statement.next(), "\(slug) is missing")
                for (index, column) in ["accession_number", "title", "object_type", "department", "date_text", "culture_country", "medium",
                                        "dimensions", "credit_line", "description", "url"].enumerated() {
                    let expected = row[column]!
                    #expect(stored.string(at: Int32(index)) == (expected.isEmpty ? nil : expected), "\(slug).\(column)")
                }
                if let start = Int(row["year_start"]!) { #expect(stored.int(at: 11) == start, "\(slug) year_start") }
                if let end = Int(row["year_end"]!) { #expect(stored.int(at: 12) == end, "\(slug) year_end") }
                objects += 1
                for item in row["makers"]!.split(separator: " | ") where !item.isEmpty {
                    mentions.insert(slug + "\u{0}" + item)
                }
            }
        }
        #expect(objects == 15_919 + 5_883 + 203)
        #expect(try db.fetchOne("SELECT count(*) FROM objects") == Int64(15_919 + 5_883)) // the footwear rows are objects of the other two
        #expect(try db.fetchOne("SELECT count(*) FROM object_makers") == Int64(mentions.count)) // every maker mention is a link
        #expect(try db.fetchOne("SELECT count(*) FROM object_makers WHERE qualifier = 'attributed to'") == Int64(22))
        // The IMA rows' stray C1 characters (cp1252 mojibake such as Man\u{92}s) are kept, not cleaned.
        let withC1: Int64 = try db.fetchOne("""
            SELECT count(*) FROM objects WHERE instr(title || coalesce(medium, '') || coalesce(dimensions, '') || coalesce(credit_line, ''), char(146)) > 0
            """) ?? 0
        #expect(withC1 > 0)

        // Makers: 1,100 records from the designers file, the same person at two museums kept as two.
        #expect(try db.fetchOne("SELECT count(*) FROM designer_sources WHERE source_id IN (SELECT id FROM sources WHERE slug IN ('cooper-hewitt-open-access', 'ima-open-access'))") == Int64(1_100))
        let girard: [String?] = try db.fetchColumn("SELECT slug FROM designers WHERE ulan = '500096402' ORDER BY slug")
        #expect(girard == ["cooper-hewitt-alexander-hayden-girard", "ima-girard-alexander-hayden"])
        #expect(try db.fetchOne("SELECT born || '-' || died FROM designers WHERE slug = 'ima-dior-christian'") == "1905-1957")

        // Search finds objects; the citation carries IMA's required credit.
        let hits = try Searcher(archive: fixture.archive).search(SearchQuery("dior"), in: [.objects], filters: SearchFilters(institution: "ima"), limit: 5)
        #expect(hits.count == 5)
        let out = fixture.folder.path("export-1"), again = fixture.folder.path("export-2")
        _ = try Exporter(archive: fixture.archive).exportAll(to: out)
        let citation = try String(contentsOfFile: out + "/CITATION.txt", encoding: .utf8)
        #expect(citation.contains("Collection data © Indianapolis Museum of Art (Newfields), CC BY 3.0"))

        // Export, import into a new archive, export again: the same bytes.
        let copy = try Archive(path: fixture.folder.path("copy.sqlite"), access: .write)
        _ = try Importer(archive: copy).run(ImportFile.files(at: out))
        _ = try Exporter(archive: copy).exportAll(to: again)
        let names = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }.sorted()
        #expect(names.count > 30)
        for name in names {
            #expect(FileManager.default.contentsEqual(atPath: out + "/" + name, andPath: again + "/" + name), "\(name) differs after the round trip")
        }
    }
}
