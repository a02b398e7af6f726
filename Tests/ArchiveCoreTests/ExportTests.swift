// Export: strict RFC 4180, the formula guard and its undoing, and a lossless, byte-identical round trip.
@testable import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct ExportTests {
    let fixture: ArchiveFixture
    init() throws { fixture = try ArchiveFixture(seeded: true) }

    private func export(_ name: String, format: RowFormat = .csv, csv: RowWriter.CSVOptions = .init()) throws -> String {
        let path = fixture.folder.path("\(name).out")
        try Exporter(archive: fixture.archive).export(try #require(ExportQuery.named(name)), toFile: path, format: format, csv: csv)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    static let hostileValues = [
        "comma, inside", "quote \" inside", "\"starts with a quote", "line\nbreak", "crlf\r\nbreak", "lone\rcr",
        "Céline — “curly” ‘quotes’ and emoji 🩰", "=SUM(A1:A9)", "+33 1 23", "-minus", "@mention", "\ttab first",
        "'=already quoted", "''=two quotes", "'plain apostrophe", "trailing space ", " leading space", "NULL", "null", "NA",
        String(repeating: "long field ", count: 20_000),
    ]

    private func importHostileDesigners(into fixture: ArchiveFixture) throws {
        var lines: [String] = []
        for (index, value) in Self.hostileValues.enumerated() {
            let escaped = value.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default: String(scalar)
                }
            }.joined()
            lines.append("{\"slug\": \"hostile-\(index)\", \"name\": \"Name \(index)\", \"kind\": \"house\", \"description\": \"\(escaped)\"}")
        }
        try fixture.write("designers.ndjson", lines.joined(separator: "\n"))
        try fixture.importPath(fixture.inputFolder)
    }

    @Test func everyTableAndViewIsStrictRFC4180() throws {
        try importHostileDesigners(into: fixture)
        for query in ExportQuery.all {
            let text = try export(query.name)
            let csv = try StrictCSV(text)
            #expect(csv.header == query.columns.map(\.name), "\(query.name)")
            let count: Int64? = try fixture.one("SELECT count(*) FROM (\(query.sql))")
            #expect(csv.rows.count == Int(count ?? -1), "\(query.name)")
            let slugs = csv.rows.map { $0[0] ?? "" }
            // Tables are in slug order; the timeline is in time order (its own tests check that).
            if query.name != "icon_shoe_relations" && query.name != "icon_designer_relations" && query.name != "timeline" && !query.name.contains("_") {
                #expect(slugs == slugs.sorted(), "\(query.name) is in slug order")
            }
        }
    }

    @Test func nullIsAnEmptyFieldNeverText() throws {
        let csv = try StrictCSV(try export("designers"))
        let founded = csv.column("founded")
        #expect(!founded.isEmpty && founded.allSatisfy { $0 == nil }) // the seeds know no founding year
        let text = try export("designers")
        for word in [",NULL,", ",null,", ",NA,"] { #expect(!text.contains(word)) }
        let json = try export("designers", format: .json)
        #expect(json.contains("\"founded\":null"))
    }

    @Test func theFormulaGuardIsOnByDefaultAndCanBeTurnedOff() throws {
        try importHostileDesigners(into: fixture)
        let guarded = try StrictCSV(try export("designers"))
        let plain = try StrictCSV(try export("designers", csv: .init(formulaGuard: false)))
        let index = { (value: String) in guarded.column("slug").firstIndex(of: "hostile-\(Self.hostileValues.firstIndex(of: value)!)")! }
        #expect(guarded.column("description")[index("=SUM(A1:A9)")] == "'=SUM(A1:A9)")
        #expect(guarded.column("description")[index("@mention")] == "'@mention")
        #expect(guarded.column("description")[index("\ttab first")] == "'\ttab first")
        #expect(guarded.column("description")[index("'=already quoted")] == "''=already quoted")
        #expect(guarded.column("description")[index("'plain apostrophe")] == "'plain apostrophe")
        #expect(plain.column("description")[index("=SUM(A1:A9)")] == "=SUM(A1:A9)")
        #expect(guarded.column("name")[index("=SUM(A1:A9)")]?.hasPrefix("Name") == true)
    }

    @Test func lineEndingsAndByteOrderMark() throws {
        let lf = try export("icons", csv: .init(crlf: false))
        #expect(!lf.contains("\r\n"))
        _ = try StrictCSV(lf, lineEnding: "\n")
        let path = fixture.folder.path("bom.csv")
        try Exporter(archive: fixture.archive).export(ExportQuery.named("icons")!, toFile: path, format: .csv, csv: .init(byteOrderMark: true))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!(try export("icons")).hasPrefix("\u{FEFF}"))
    }

    @Test func guardEscapesAndUndoesEveryValue() {
        for value in Self.hostileValues + ["=", "'", "''", "'''=x", "-", ""] {
            #expect(FormulaGuard.unescape(FormulaGuard.escape(value)) == value, "\(value.debugDescription)")
        }
    }

    @Test(arguments: [true, false])
    func exportThenImportIsLosslessAndByteIdentical(formulaGuard: Bool) throws {
        try importHostileDesigners(into: fixture)
        let options = RowWriter.CSVOptions(formulaGuard: formulaGuard)
        let first = fixture.folder.path("first")
        _ = try Exporter(archive: fixture.archive).exportAll(to: first, csv: options)

        let copy = try Archive(path: fixture.folder.path("copy.sqlite"), access: .write)
        _ = try Importer(archive: copy).run(ImportFile.files(at: first), options: ImportOptions(formulaGuard: formulaGuard))
        let second = fixture.folder.path("second")
        _ = try Exporter(archive: copy).exportAll(to: second, csv: options)

        let files = try FileManager.default.subpathsOfDirectory(atPath: first).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: second).sorted()))
        #expect(files.contains("views/collections_full.csv") && files.contains("codebook.csv") && files.contains("CITATION.txt"))
        for file in files where !file.hasSuffix("views") {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + file))
            #expect(a == b, "\(file) differs after the round trip")
        }
        do {
            // The values themselves came back, not their escaped form.
            for (index, value) in Self.hostileValues.enumerated() {
                let stored: String? = try copy.database.fetchOne("SELECT description FROM designers WHERE slug = ?", ["hostile-\(index)"])
                #expect(stored == value, "\(value.debugDescription)")
            }
        }
    }

    @Test func theCodebookDescribesEveryColumnOfEveryFile() throws {
        let folder = fixture.folder.path("all")
        _ = try Exporter(archive: fixture.archive).exportAll(to: folder)
        let codebook = try StrictCSV(try String(contentsOfFile: folder + "/codebook.csv", encoding: .utf8))
        for query in ExportQuery.all {
            let file = (query.isView ? "views/" : "") + query.name + ".csv"
            let described = codebook.rows.filter { $0[0] == file }.compactMap { $0[1] }
            #expect(described == query.columns.map(\.name), "\(file)")
        }
        let citation = try String(contentsOfFile: folder + "/CITATION.txt", encoding: .utf8)
        #expect(citation.contains("Balletcore and the ballerina-derby hybrid"))
    }

    @Test func theZiziShoeShowsRepettoBothIconsAndTheArticle() throws {
        let zizi = try #require(try RecordDetails.find("repetto-zizi", archive: fixture.archive).first)
        #expect(zizi.links.contains { $0.slug == "repetto" && $0.role == "maker" })
        #expect(zizi.links.contains { $0.slug == "zizi-jeanmaire" && $0.role == "designed_for" })
        #expect(zizi.links.contains { $0.slug == "serge-gainsbourg" && $0.role == "wore" })
        #expect(zizi.sources.map(\.slug) == ["balletcore-derby-article-2025"])
    }

    @Test func statsCountEveryTable() throws {
        let stats = try ArchiveStats(archive: fixture.archive)
        #expect(stats.tables.first { $0.table == "shoes" }?.rows == 8)
        #expect(stats.lastImport?.source == "files")
        #expect(stats.schemaVersion == Schema.migrations.last?.version)
        #expect(stats.fileBytes > 0)
    }
}

/// The output buffer every export and search result goes through, at its edges: writes that fill it exactly,
/// that straddle it, and that are larger than it.
@Suite struct BufferedOutputTests {
    @Test func everyByteArrivesInOrderWhateverTheSizesOfTheWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("out.bin")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        var expected: [UInt8] = []
        do {
            let output = BufferedOutput(descriptor: descriptor, capacity: 16)
            let long = (0..<100).map { UInt8($0) }
            for round in 0..<40 {
                let size = round % 35 // 0 to 34 bytes: empty, under, exactly and over the capacity
                let chunk = (0..<size).map { UInt8((round * 7 + $0) % 251) }
                try chunk.withUnsafeBufferPointer { (bytes) throws(OutputError) in try output.write(bytes) }
                expected += chunk
                try output.write(UInt8(round))
                expected.append(UInt8(round))
                try output.write("é—“\(round)”")
                expected += Array("é—“\(round)”".utf8)
                if round % 9 == 0 {
                    try long.withUnsafeBufferPointer { (bytes) throws(OutputError) in try output.write(bytes) }
                    expected += long
                }
            }
            try output.flush()
        }
        close(descriptor)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == expected)
    }
}
