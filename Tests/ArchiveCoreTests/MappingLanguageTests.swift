// The mapping language on small files of its own: filters, nested JSON and record_path, splits over JSON lists
// and objects, zipped columns and their warnings, authority ids that match makers in the file and in the archive,
// and mistakes said once, before any row, naming the mapping's key.
@testable import ArchiveCore
import ArchiveStorage
import Foundation
import Testing

@Suite struct MappingLanguageTests {
    private func template(_ text: String, maps: [String: [String: String]] = [:]) throws -> ImportMapping.Template {
        try ImportMapping.Template(text, maps: maps)
    }

    @Test func filtersTakeValuesApartInBoundedSteps() throws {
        let values = ["ulan": " http://vocab.getty.edu/page/ulan/500024217/ ", "wd": "https://www.wikidata.org/wiki/Q467?uselang=fr#x",
                      "end": "9999", "title": "", "name": "Object name", "maker": "Vivier, Roger", "house": "Liberty & Co.",
                      "three": "Dior, Christian, Jr.", "date": "c. 1907-01-01", "five": "12345", "pd": "True", "no": "FALSE", "junk": "perhaps",
                      "role": "Designer", "space": "  Jeanne Lanvin \u{2003}"]
        func render(_ text: String, maps: [String: [String: String]] = [:]) throws -> String? { try template(text, maps: maps).value(values) }
        #expect(try render("{ulan|id}") == "500024217")
        #expect(try render("{wd|id}") == "Q467")
        #expect(try render("{end|unknown:9999,0}") == nil)
        #expect(try render("x{end|unknown:0}") == "x9999")
        #expect(try render("{title|or:name}") == "Object name")
        #expect(try render("{title|trim|or:name|lower}") == "object name")
        #expect(try render("{title|default:maker}") == "maker")
        #expect(try render("{maker|first_last}") == "Roger Vivier")
        #expect(try render("{house|first_last}") == "Liberty & Co.")
        #expect(try render("{three|first_last}") == "Dior, Christian, Jr.")
        #expect(try render("{date|year}") == "1907")
        #expect(try render("{five|year}") == nil) // five digits are no year
        #expect(try render("{pd|yes_no}/{no|yes_no}") == "1/0")
        #expect(try render("{junk|yes_no}") == nil)
        #expect(try render("{role|map:kinds}", maps: ["kinds": ["Designer": "person"]]) == "person")
        #expect(try render("{role|map:kinds}", maps: ["kinds": ["Maker": "person"]]) == "Designer")
        #expect(try render("{role|map:kinds}", maps: ["kinds": ["Designer": ""]]) == nil)
        #expect(try render("{space|trim}") == "Jeanne Lanvin")
        #expect(try template("{a|or:b} {c}").fields == ["a", "b", "c"])
        // A value a million characters long goes through every filter in one pass each.
        let long = String(repeating: "a, b ", count: 200_000) + "1907"
        #expect(try template("{v|trim|id|first_last|year|lower|unknown:x}").value(["v": long]) == "1907")
    }

    @Test(arguments: [
        ("{Title|uper}", "unknown filter \"uper\"; did you mean \"upper\"?"),
        ("{Title|map:kinds}", "the filter \"map:kinds\" names no map"),
        ("{Title|or:}", "unknown filter \"or:\""),
        ("{Title|unknown}", "unknown filter \"unknown\""),
    ])
    func anUnknownFilterIsRefusedWithTheKey(text: String, expected: String) throws {
        let fixture = try ArchiveFixture()
        let mapping = try fixture.write("m.json", #"{"table": "objects", "slug": "x-{id}", "columns": {"title": "\#(text)"}}"#)
        let error = try #require(throws: ImportFailure.self) { try ImportMapping.load(mapping) }
        let message = error.problems.map(\.description).joined()
        #expect(message.contains("columns.title"), "\(message)")
        #expect(message.contains(expected) || (expected.contains("upper") && message.contains("unknown filter \"uper\"")), "\(message)")
    }

    /// A V&A-like response: records under `records`, makers as objects, a list of materials.
    private let response = #"""
        {"info": {"pages": 1}, "records": [
          {"systemNumber": "O1", "accessionNumber": "T.1-2000", "_primaryTitle": "", "objectType": "Shoe",
           "_primaryMaker": {"name": "Vivier, Roger", "association": "designer"}, "_images": {"_iiif_image_base_url": "https://x/1/"}},
          {"systemNumber": "O2", "accessionNumber": "T.2-2000", "_primaryTitle": "Evening “Swan” dress", "objectType": "Dress",
           "_primaryMaker": {"name": "Unknown", "association": "maker"}, "_images": {}},
          {"systemNumber": "O3", "accessionNumber": "T.3-2000", "_primaryTitle": "Coat", "objectType": "Coat",
           "_primaryMaker": {"name": "Vivier, Roger", "association": "Designer"}, "_images": {"_iiif_image_base_url": ""}}
        ], "clusters": {"x": [1, 2, 3]}}
        """#

    private func mapping(_ extra: String = "", columns: String = #""title": "{_primaryTitle|or:objectType}", "description": "{_images._iiif_image_base_url}""#) -> String {
        """
        {"record_path": "records", "table": "objects", "slug": "v-{systemNumber}",
         "records": {"institutions": [{"slug": "vam", "name": "V&A"}]}, "constants": {"institution": "vam"},
         "columns": {\(columns)},
         "split": [{"column": "_primaryMaker", "relation": "object_makers",
                    "create": {"table": "designers", "slug": "v-{name|unknown:Unknown|first_last}", "columns": {"name": "{name|first_last}"}},
                    "fields": {"role": "{association|lower}"}}]\(extra)}
        """
    }

    private func importMapped(_ fixture: ArchiveFixture, file: String, mapping: String) throws -> ImportReport {
        try Importer(archive: fixture.archive).run(try ImportFile.files(at: file, mapping: try ImportMapping.load(mapping)))
    }

    @Test func nestedJSONValuesArriveAndAResponseIsReadUnderItsRecordPath() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("response.json", response)
        let report = try importMapped(fixture, file: file, mapping: try fixture.write("m.json", mapping()))
        #expect(report.counts(for: "objects")?.added == 3)
        #expect(try fixture.one("SELECT title FROM objects WHERE slug = 'v-o1'") == "Shoe")
        #expect(try fixture.one("SELECT title FROM objects WHERE slug = 'v-o2'") == "Evening “Swan” dress")
        #expect(try fixture.one("SELECT description FROM objects WHERE slug = 'v-o1'") == "https://x/1/")
        #expect(try fixture.one("SELECT count(*) FROM objects WHERE description IS NULL") == Int64(2)) // {} and ""
        // One Roger Vivier for two objects; "Unknown" names no one.
        #expect(try fixture.one("SELECT group_concat(slug || ':' || name) FROM designers") == "v-roger-vivier:Roger Vivier")
        #expect(try fixture.one("SELECT group_concat(role) FROM object_makers") == "designer,designer")
    }

    /// The records may sit deep in an answer, with anything before and after them; what surrounds them is read
    /// (and checked) but not kept.
    @Test func aRecordPathReachesRecordsAnywhereInAnAnswer() throws {
        let fixture = try ArchiveFixture()
        let mapping = try fixture.write("m.json", self.mapping().replacingOccurrences(of: #""record_path": "records""#, with: #""record_path": "data.items""#))
        let around = #"{"meta": {"q": [1, {"a": "[{"}], "n": null}, "data": {"total": 2, "items": "#
        let records = #"[{"systemNumber": "O9", "objectType": "Hat", "_primaryTitle": "", "_primaryMaker": {"name": "Dior", "association": "designer"}, "_images": {}}]"#
        let file = try fixture.write("answer.json", around + records + #", "after": [[], {}, "]}"]}, "tail": true}"#)
        _ = try importMapped(fixture, file: file, mapping: mapping)
        #expect(try fixture.one("SELECT title FROM objects WHERE slug = 'v-o9'") == "Hat")
        #expect(try fixture.one("SELECT name FROM designers") == "Dior")
        for (broken, expected) in [(around + records + #", "after": [}"#, "expected a value"),
                                   (around + records + "}} extra", "unexpected text after the closing '}'"),
                                   (#"{"data": {"items": {"not": "a list"}}}"#, "'[' (data.items holds the list of records)"),
                                   (#"[{"systemNumber": "O1"}]"#, "'{' (the mapping's record_path data.items starts in an object)")] {
            let file = try fixture.write("answer.json", broken)
            let error = try #require(throws: ImportFailure.self) { try importMapped(fixture, file: file, mapping: mapping) }
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.description.contains(expected) == true, "\(error.problems)")
        }
    }

    @Test func aNestedValueWhereOneValueIsTakenIsRefusedOnceBeforeAnyRow() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("response.json", response)
        let dump = try fixture.dump()
        let error = try #require(throws: ImportFailure.self) {
            try importMapped(fixture, file: file, mapping: try fixture.write("m.json", mapping(columns: #""title": "objectType", "description": "_primaryMaker""#)))
        }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.description.hasSuffix(
            "m.json: _primaryMaker: _primaryMaker is an object in \(file), where the mapping takes one value: name one of its values (_primaryMaker.association, _primaryMaker.name)") == true,
                "\(error.problems)")
        #expect(try fixture.dump() == dump)
        // A record path the file lacks is said at once.
        let missing = try #require(throws: ImportFailure.self) {
            try importMapped(fixture, file: file, mapping: try fixture.write("m.json", mapping().replacingOccurrences(of: #""record_path": "records""#, with: #""record_path": "data.items""#)))
        }
        #expect(missing.problems.first?.description.contains("the file has no data (the mapping's record_path)") == true, "\(missing.problems)")
    }

    private let met = """
        Object ID,Title,Artist Role,Artist Display Name,Artist ULAN URL,Artist Wikidata URL,Artist End Date
        1,Gown,designer|manufacturer|retailer,Marie Laurent|House of X|Shop,http://vocab.getty.edu/page/ulan/500000001||,https://www.wikidata.org/wiki/Q11||,1990|9999|
        2,Coat,designer,Marie Laurent,http://vocab.getty.edu/page/ulan/500000002,https://www.wikidata.org/wiki/Q12,1950
        3,Hat,designer|retailer,Marie Laurént|Shop,http://vocab.getty.edu/page/ulan/500000001|,|,|
        4,Shoe,designer|designer,Marie Laurent|,|,https://www.wikidata.org/wiki/Q11|,|

        """

    private func metMapping(fields: String = #""role": "{role|lower}""#, zip: String = #""role": "Artist Role", "ulan": "Artist ULAN URL", "wikidata": "Artist Wikidata URL", "died": "Artist End Date""#) -> String {
        """
        {"table": "objects", "slug": "met-{Object ID}", "records": {"institutions": [{"slug": "met", "name": "The Met"}]},
         "constants": {"institution": "met"}, "columns": {"title": "Title"},
         "split": [{"column": "Artist Display Name", "separator": "|", "zip": {\(zip)}, "relation": "object_makers",
                    "create": {"table": "designers", "slug": "met-{name}",
                               "columns": {"name": "{name}", "ulan": "{ulan|id}", "wikidata": "{wikidata|id}", "died": "{died|unknown:9999}"}},
                    "fields": {\(fields)}}]}
        """
    }

    @Test func zippedMakersKeepTheirOwnRolesAndIdsAndAreMatchedByThem() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("met.csv", met)
        _ = try importMapped(fixture, file: file, mapping: try fixture.write("m.json", metMapping()))
        let links = (try fixture.one("SELECT group_concat(link, ';') FROM (SELECT o.slug || ' ' || d.slug || ' ' || m.role AS link FROM object_makers m JOIN objects o ON o.id = object_id JOIN designers d ON d.id = designer_id ORDER BY 1)") as String?)?
            .split(separator: ";").map(String.init)
        #expect(links == ["met-1 met-house-of-x manufacturer", "met-1 met-marie-laurent designer", "met-1 met-shop retailer",
                          "met-2 met-marie-laurent-2 designer", // another person of the same name: another ULAN
                          "met-3 met-marie-laurent designer",   // spelt otherwise, the same ULAN
                          "met-3 met-shop retailer",
                          "met-4 met-marie-laurent designer"])  // only a Wikidata id, which joins them too
        #expect(try fixture.one("SELECT died FROM designers WHERE slug = 'met-marie-laurent'") == Int64(1990))
        #expect(try fixture.one("SELECT died IS NULL FROM designers WHERE slug = 'met-house-of-x'") == Int64(1)) // 9999: living
        #expect(try fixture.one("SELECT ulan FROM designers WHERE slug = 'met-marie-laurent-2'") == "500000002")

        // Importing again changes nothing; a second file's maker with a known ULAN links to the record the archive has.
        let again = try importMapped(fixture, file: file, mapping: try fixture.write("m.json", metMapping()))
        #expect(again.changedNothing)
        let other = try fixture.write("met2.csv", "Object ID,Title,Artist Role,Artist Display Name,Artist ULAN URL,Artist Wikidata URL,Artist End Date\n5,Glove,designer,M. Laurent,http://vocab.getty.edu/page/ulan/500000002,,\n6,Bag,designer,Marie Laurent,http://vocab.getty.edu/page/ulan/500000003,,\n")
        _ = try importMapped(fixture, file: other, mapping: try fixture.write("m.json", metMapping()))
        #expect(try fixture.one("SELECT d.slug FROM object_makers m JOIN designers d ON d.id = designer_id JOIN objects o ON o.id = object_id WHERE o.slug = 'met-5'") == "met-marie-laurent-2")
        // A third Marie Laurent (a third ULAN) does not take either record of that name.
        #expect(try fixture.one("SELECT d.slug FROM object_makers m JOIN designers d ON d.id = designer_id JOIN objects o ON o.id = object_id WHERE o.slug = 'met-6'") == "met-marie-laurent-3")
    }

    /// Parts are cut on the separator's bytes, empty ones kept, whatever the separator and the text hold.
    @Test(arguments: [
        ("a|b||c|", "|", ["a", "b", "", "c", ""]), ("|", "|", ["", ""]), ("", "|", [""]), ("no separator", "|", ["no separator"]),
        ("Dior; Saint Laurent;  Balmain", "; ", ["Dior", "Saint Laurent", " Balmain"]), ("x;;;y", ";;", ["x", ";y"]),
        ("Lanvin · Patou·Worth", "·", ["Lanvin ", " Patou", "Worth"]), ("Répetto|Hermès|\u{201C}Ça\u{201D}", "|", ["Répetto", "Hermès", "\u{201C}Ça\u{201D}"]),
        ("a\r\nb", "\n", ["a\r", "b"]),
    ])
    func partsAreCutOnTheSeparator(text: String, separator: String, parts: [String]) {
        #expect(text.components(separatedBy: separator) == parts)
        #expect(text.holds(separator) == (parts.count > 1))
    }

    /// Items alike are worked out once: the same maker in many rows keeps each row's own role, qualifier and link.
    @Test func theSameMakerInManyRowsKeepsEachRowsRole() throws {
        let fixture = try ArchiveFixture()
        var csv = "Object ID,Title,Artist Role,Artist Display Name,Artist ULAN URL,Artist Wikidata URL,Artist End Date\n"
        let roles = ["designer", "retailer", "Designer", "", "maker"]
        for row in 1...50 { csv += "\(row),Gown,\(roles[row % roles.count])|designer,Ann Maker|Bea Maker,|,|,|\n" }
        let file = try fixture.write("met.csv", csv)
        _ = try importMapped(fixture, file: file, mapping: try fixture.write("m.json", metMapping(fields: #""role": "{role|lower|default:maker}""#)))
        #expect(try fixture.one("SELECT count(*) FROM designers WHERE slug LIKE 'met-%'") == Int64(2))
        #expect(try fixture.one("SELECT count(*) FROM object_makers") == Int64(100))
        for row in [1, 2, 3, 4, 5, 48] {
            let expected = roles[row % roles.count].lowercased()
            #expect(try fixture.one("SELECT m.role FROM object_makers m JOIN objects o ON o.id = object_id JOIN designers d ON d.id = designer_id WHERE o.slug = ? AND d.slug = 'met-ann-maker'", ["met-\(row)"])
                    == (expected.isEmpty ? "maker" : expected))
        }
    }

    /// A maker's empty place is the maker's: it does not fall back on the row's value of the same name (the
    /// object's own `wikidata`), which made two unknown makers of one row one record, and every tag the object's id.
    @Test func anItemsEmptyPlaceDoesNotTakeTheRowsValue() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("met.csv", """
            Object ID,Title,Object Wikidata URL,Artist Role,Artist Display Name,Artist ULAN URL,Artist Wikidata URL,Artist End Date
            1,Gown,https://www.wikidata.org/wiki/Q111,designer|maker,Ann Nobody|Bea Nobody,|,|,|
            2,Coat,https://www.wikidata.org/wiki/Q222,designer,Ann Nobody,,,

            """)
        let mapping = metMapping().replacingOccurrences(of: #""columns": {"title": "Title"}"#, with: #""columns": {"title": "Title", "wikidata": "{Object Wikidata URL|id}"}"#)
        _ = try importMapped(fixture, file: file, mapping: try fixture.write("m.json", mapping))
        #expect(try fixture.one("SELECT group_concat(slug || '=' || coalesce(wikidata, '-'), ' ') FROM (SELECT slug, wikidata FROM designers ORDER BY slug)")
                == "met-ann-nobody=- met-bea-nobody=-")
        #expect(try fixture.one("SELECT wikidata FROM objects WHERE slug = 'met-2'") == "Q222")
    }

    @Test func aTemplateOverAColumnThatHoldsTheSeparatorIsWarnedOf() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("met.csv", met)
        let files = try ImportFile.files(at: file, mapping: try ImportMapping.load(try fixture.write("m.json", metMapping(
            fields: #""role": "{Artist Role|lower}""#, zip: #""ulan": "Artist ULAN URL", "wikidata": "Artist Wikidata URL", "died": "Artist End Date""#))))
        _ = try Importer(archive: fixture.archive).run(files)
        let stats = try #require(files.lazy.compactMap(\.mappingStats).first)
        #expect(stats.warnings.map(\.message) == ["split[1].fields.role: {Artist Role} holds the separator \"|\": every item gets the whole text; zip it (split[1].zip) to give each item its own part"])
        #expect(stats.warnings.first?.rows == 3)
        #expect(stats.warnings.first?.firstLine == 2)
    }

    @Test func zippedColumnsOfUnequalLengthAreWarnedOf() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("met.csv", "Object ID,Title,Artist Role,Artist Display Name,Artist ULAN URL,Artist Wikidata URL,Artist End Date\n1,Gown,designer|retailer|weaver,A|B,,,\n")
        let files = try ImportFile.files(at: file, mapping: try ImportMapping.load(try fixture.write("m.json", metMapping())))
        _ = try Importer(archive: fixture.archive).run(files)
        let stats = try #require(files.lazy.compactMap(\.mappingStats).first)
        #expect(stats.warnings.map(\.message) == ["split[1].zip.role: Artist Role has another number of parts than Artist Display Name: parts without an item are left out"])
    }

    @Test func mistakesOfZipAndRecordPathAreSaidOnceBeforeAnyRow() throws {
        let fixture = try ArchiveFixture()
        let file = try fixture.write("met.csv", met)
        let error = try #require(throws: ImportFailure.self) {
            try importMapped(fixture, file: file, mapping: try fixture.write("m.json", metMapping(zip: #""role": "Artist Roles""#)))
        }
        #expect(error.problems.map(\.description) == [try fixture.write("m.json", metMapping(zip: #""role": "Artist Roles""#)) + #": split[1].zip.role: \#(file) has no column "Artist Roles"; did you mean "Artist Role"?"#])
        let bad = try #require(throws: ImportFailure.self) {
            try ImportMapping.load(try fixture.write("m.json", metMapping(zip: #""name": "Artist Role""#)))
        }
        #expect(bad.problems.first?.description.contains("split[1].zip.name: {name} is the item's own") == true)
    }
}
