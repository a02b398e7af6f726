// What users and their tools hand the archive: pandas' floats for integers, several misspelt columns, UTF-16
// from Excel, a file name with a newline, stored text with terminal escape sequences, a typo in a slug.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct UserInputTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path(name)))
    }

    @Test func aPandasRoundTripImports() throws {
        // What `pd.read_csv(f).to_csv(f, index=False)` writes for a year column with a gap: floats.
        try write("collections.csv", "slug,title,season,year\nlook-a,Look A,SS,2026.0\nlook-b,Look B,,\nlook-c,Look C,AW,-0.000\n")
        let failed = try run(["import", "collections.csv"], in: folder.url)
        #expect(failed.status == 65) // -0 is out of range (years start at 1): refused, as a number
        #expect(failed.stderr.hasPrefix("collections.csv:4: year: 0 is out of range (1 to 9999)"))
        try write("collections.csv", "slug,title,season,year\nlook-a,Look A,SS,2026.0\nlook-b,Look B,,\n")
        let result = try run(["import", "collections.csv"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT year, typeof(year) FROM collections WHERE slug = 'look-a'") == "2026|integer\n")
        try write("shoes.json", "[{\"slug\": \"s\", \"name\": \"S\", \"year_introduced\": 1947.00}]")
        #expect(try run(["import", "shoes.json"], in: folder.url).status == 0)
        for bad in ["2026.5", "1e3", "2026.", ".0", "2026.0.0", "0x7E6"] {
            try write("collections.csv", "slug,title,year\nlook-x,Look X,\(bad)\n")
            let refused = try run(["import", "collections.csv"], in: folder.url)
            #expect(refused.status == 65, "\(bad)")
            #expect(refused.stderr.hasPrefix("collections.csv:2: year: expected a whole number, found \"\(bad)\""), "\(refused.stderr)")
        }
    }

    @Test func everyUnknownColumnIsReportedWithTheNearestName() throws {
        try write("designers.csv", "slug,name,kind,colour,contry,foundd\nx,X,house,red,FR,1900\ny,Y,house,blue,IT,1901\n")
        let result = try run(["import", "designers.csv"], in: folder.url)
        #expect(result.status == 65)
        let known = "(known: slug, name, kind, country, founded, active_from, active_to, description, born, died, closed, wikidata, ulan, viaf, wikipedia, nationality, museum_id)"
        #expect(result.stderr == """
            designers.csv:1: colour: unknown field for designers \(known)
            designers.csv:1: contry: unknown field for designers; did you mean "country"? \(known)
            designers.csv:1: foundd: unknown field for designers; did you mean "founded"? \(known)
            archive: import failed with 3 problems; the archive was not changed

            """)
    }

    @Test func aUTF16FileIsNamedAsSuch() throws {
        let text = "slug,name\nzizi,Zizi Jeanmaire\n"
        for (encoding, name) in [(String.Encoding.utf16, "UTF-16 (little-endian)"), (.utf16BigEndian, "UTF-16 (big-endian)"), (.utf16LittleEndian, "UTF-16 (little-endian)")] {
            try text.data(using: encoding)!.write(to: URL(fileURLWithPath: folder.path("icons.csv")))
            let result = try run(["import", "icons.csv"], in: folder.url)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("icons.csv:1: the file is \(name), not UTF-8: save it as UTF-8"), "\(result.stderr)")
        }
    }

    @Test func aFileNameWithANewlineStaysOnOneLine() throws {
        try write("bad\nname.csv", "slug,name\nx\n")
        let result = try run(["import", "bad\nname.csv", "--table", "icons"], in: folder.url)
        #expect(result.status == 65)
        #expect(result.stderr == "bad\\nname.csv:2: 1 field where the header has 2\narchive: import failed with 1 problem; the archive was not changed\n")
        try write("icons.json", "[{\"slug\": \"bad\\u001b[2Jslug\", \"name\": \"X\"}]")
        let slug = try run(["import", "icons.json"], in: folder.url)
        #expect(slug.status == 65)
        #expect(slug.stderr.hasPrefix("icons.json:1: record 1 (bad\\u{1B}[2Jslug): slug: \"bad\\u{1B}[2Jslug\" is not a valid slug"), "\(slug.stderr)")
        let missing = try run(["import", "no\u{1B}[31mfile.csv"], in: folder.url)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(!missing.stderr.contains("\u{1B}"))
    }

    @Test func storedControlCharactersAreEscapedForPeopleAndKeptForPrograms() throws {
        let title = "Red \u{1B}[31malert\u{1B}[0m \u{9B}2J and \u{202E}desrever tulle"
        try write("collections.json", "[{\"slug\": \"escaped\", \"title\": \(jsonLiteral(title)), \"description\": \"line one\\nline two \\u0007 tulle\"}]")
        #expect(try run(["import", "collections.json"], in: folder.url).status == 0)
        for arguments in [["list", "collections"], ["show", "escaped"], ["search", "tulle"], ["search", "alert", "--facets"]] {
            let result = try run(arguments, in: folder.url)
            #expect(result.status == 0, "\(arguments)")
            for raw in ["\u{1B}", "\u{9B}", "\u{202E}", "\u{07}"] { #expect(!result.stdout.contains(raw), "\(arguments) printed \(raw.debugDescription)") }
        }
        let show = try run(["show", "escaped"], in: folder.url).stdout
        #expect(show.contains("Red \\u{1B}[31malert\\u{1B}[0m \\u{9B}2J and \\u{202E}desrever tulle"))
        #expect(show.contains("line one line two \\u{7} tulle"))
        // Machine formats keep the text exactly.
        let json = try run(["show", "escaped", "--format", "json"], in: folder.url).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["fields"] as? [String: Any])?["title"] as? String == title)
        #expect(try run(["export", "collections"], in: folder.url).stdout.contains(title))
    }

    private func jsonLiteral(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test func aMistypedSlugGetsTheNearestSlugsAndASearchToTry() throws {
        let result = try run(["show", "repeto-zizi"], in: folder.url)
        #expect(result.status == 66)
        #expect(result.stderr == "archive: no record with slug \"repeto-zizi\"; did you mean repetto-zizi (shoes)? Or search by its words: `archive search repeto zizi --in all`\n")
        let inTable = try run(["show", "designers", "celin"], in: folder.url)
        #expect(inTable.stderr.hasPrefix("archive: no record with slug \"celin\" in designers; did you mean celine (designers)?"))
        let nothing = try run(["show", "qqqqqqqq"], in: folder.url)
        #expect(nothing.stderr == "archive: no record with slug \"qqqqqqqq\"; search by its words: `archive search qqqqqqqq --in all`\n")
    }
}
