// `archive import FILE --mapping`, `archive timeline`, and the new record types end to end.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct CollectionsCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path(name)))
    }

    /// A museum's own columns, as a researcher downloads them.
    private let museumCSV = """
        Museum,Object Number,Accession,Object Title,Type,Kind,Made,From,Makers,Web
        The Shoe Museum,17,1952.3,Pair of ballet slippers “Zizi”,slippers,footwear,ca. 1950s,,Repetto (Maker) | Rose Repetto (Attributed to),https://example.org/17
        The Shoe Museum,18,1960.1,Derby — black calf,derby,footwear,mid 1970's,,"Repetto (Maker)",
        The Shoe Museum,19,1990.4,Évora sandal,sandal,footwear,Bronze age,,,

        """

    private let mapping = """
        {
          "description": "A shoe museum's export",
          "records": {
            "institutions": [{"slug": "shoe-museum", "name": "The Shoe Museum"}],
            "sources": [{"slug": "shoe-museum-data", "title": "The Shoe Museum collection data", "license": "CC0 1.0"}]
          },
          "table": "objects",
          "slug": "shoe-museum-{Object Number}",
          "constants": {"institution": "shoe-museum"},
          "columns": {"accession_number": "Accession", "title": "Object Title", "object_type": "Type", "category": "Kind",
                      "date_text": "Made", "earliest_year": "From", "url": "Web"},
          "dates": {"text": "date_text", "earliest": "earliest_year", "latest": "latest_year"},
          "cite": {"source": "shoe-museum-data", "table": "object_sources"},
          "split": [{"column": "Makers", "pattern": "{name} ({role})", "relation": "object_makers",
                     "create": {"table": "designers", "slug": "{name}", "columns": {"name": "{name}"}},
                     "fields": {"role": "{role}"}, "qualifiers": ["Attributed to"], "qualifier_column": "qualifier", "qualified_role": "maker"}]
        }
        """

    @Test func aMuseumFileImportsThroughAMapping() throws {
        try write("museum.csv", museumCSV)
        try write("mapping.json", mapping)
        let result = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("dates: 2 of 3 dates as written read into years; 1 kept as written only (their years unknown)"))
        let db = folder.path("archive.sqlite")
        #expect(try sqlite3(db, "SELECT slug, title, earliest_year, latest_year FROM objects ORDER BY slug") == """
            shoe-museum-17|Pair of ballet slippers “Zizi”|1950|1959
            shoe-museum-18|Derby — black calf|1973|1975
            shoe-museum-19|Évora sandal||

            """)
        // Repetto is the seeds' house (the slug {name} is "repetto"); Rose Repetto is created, attributed.
        #expect(try sqlite3(db, """
            SELECT o.slug, d.slug, m.role, coalesce(m.qualifier, '-') FROM object_makers m JOIN objects o ON o.id = m.object_id
            JOIN designers d ON d.id = m.designer_id ORDER BY 1, 2
            """) == "shoe-museum-17|repetto|maker|-\nshoe-museum-17|rose-repetto|maker|attributed to\nshoe-museum-18|repetto|maker|-\n")
        #expect(try run(["check"], in: folder.url).status == 0)
        let search = try run(["search", "zizi", "--in", "objects"], in: folder.url)
        #expect(search.stdout.contains("shoe-museum-17"))
        // Importing again changes nothing.
        let again = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
        #expect(again.stderr.contains("nothing to change"))
    }

    /// Records a mapping declares or creates are created when missing and never changed: "REPETTO" at the museum
    /// rewrote the seeds' Repetto, `records` could rewrite any record ("HIJACKED") or write relation tables, and a
    /// re-import put back an institution a curator had renamed.
    @Test func recordsAMappingDeclaresOrCreatesAreNeverChangedByIt() throws {
        let db = folder.path("archive.sqlite")
        let seeded = try sqlite3(db, "SELECT name, coalesce(description, '') FROM designers WHERE slug IN ('repetto', 'celine') ORDER BY slug")
        try write("museum.csv", museumCSV.replacingOccurrences(of: "Repetto (Maker)", with: "REPETTO (Maker)"))
        let hijack = mapping.replacingOccurrences(of: "\"institutions\": [", with: "\"designers\": [{\"slug\": \"celine\", \"name\": \"HIJACKED\"}], \"institutions\": [")
        try write("mapping.json", hijack)
        let first = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try sqlite3(db, "SELECT name, coalesce(description, '') FROM designers WHERE slug IN ('repetto', 'celine') ORDER BY slug") == seeded)
        #expect(try sqlite3(db, "SELECT count(*) FROM object_makers m JOIN designers d ON d.id = m.designer_id WHERE d.slug = 'repetto'") == "2\n")
        // A curator renames the institution the mapping declared; importing again leaves the curator's name.
        #expect(try run(["edit", "institutions", "shoe-museum", "--set", "name=The Shoe Museum, Northampton"], in: folder.url).status == 0)
        #expect(try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT name FROM institutions WHERE slug = 'shoe-museum'") == "The Shoe Museum, Northampton\n")
        // Relation tables are not records to declare.
        try write("mapping.json", mapping.replacingOccurrences(of: "\"institutions\": [", with: "\"collection_designers\": [], \"institutions\": ["))
        let relation = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
        #expect(relation.status == 65)
        #expect(relation.stderr.hasPrefix("mapping.json: records.collection_designers: collection_designers is a relation table"), "\(relation.stderr)")
    }

    /// A re-import keeps what a curator changed with `archive edit` since the file was imported, and says so,
    /// line by line; `--overwrite-edits` takes the file's values. A field the file changed and no one edited is
    /// updated as before; an edit undone leaves the field to the file again.
    @Test func aReimportKeepsACuratorsEditAndSaysSo() throws {
        let db = folder.path("archive.sqlite")
        try write("museum.csv", museumCSV)
        try write("mapping.json", mapping)
        #expect(try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url).status == 0)
        #expect(try run(["edit", "objects", "shoe-museum-17", "--set", "title=Ballet slippers “Zizi”, curated", "--set", "url="], in: folder.url).status == 0)
        // The museum corrects the accession number of 17 and the title of 18 in its next export.
        try write("museum.csv", museumCSV.replacingOccurrences(of: "17,1952.3", with: "17,1952.30").replacingOccurrences(of: "Derby — black calf", with: "Derby: black calf"))
        let again = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try sqlite3(db, "SELECT slug, title, accession_number, coalesce(url, '-') FROM objects ORDER BY slug") == """
            shoe-museum-17|Ballet slippers “Zizi”, curated|1952.30|-
            shoe-museum-18|Derby: black calf|1960.1|-
            shoe-museum-19|Évora sandal|1990.4|-

            """)
        #expect(again.stderr.contains("""
            kept 2 fields a curator changed with `archive edit` since they were imported; --overwrite-edits takes the file's values:
              museum.csv:2: objects shoe-museum-17 title: kept "Ballet slippers “Zizi”, curated", the file has "Pair of ballet slippers “Zizi”"
              museum.csv:2: objects shoe-museum-17 url: kept nothing, the file has "https://example.org/17"
            """), "\(again.stderr)")
        // A plain CSV import keeps the edit too.
        #expect(try run(["edit", "designers", "celine", "--set", "country=France (Paris)"], in: folder.url).status == 0)
        let country = try sqlite3(db, "SELECT country FROM designers WHERE slug = 'repetto'")
        try write("designers.csv", "slug,name,kind,country\nceline,Celine,house,France\nrepetto,Repetto,house,\(country.dropLast())\n")
        let plain = try run(["import", "designers.csv"], in: folder.url)
        #expect(plain.stderr.contains("designers.csv:2: designers celine country: kept \"France (Paris)\", the file has \"France\""), "\(plain.stderr)")
        #expect(try sqlite3(db, "SELECT country FROM designers WHERE slug = 'celine'") == "France (Paris)\n")
        // Taking the file's values, on request.
        let overwrite = try run(["import", "museum.csv", "--mapping", "mapping.json", "--overwrite-edits"], in: folder.url)
        #expect(overwrite.status == 0)
        #expect(!overwrite.stderr.contains("a curator changed"))
        #expect(try sqlite3(db, "SELECT title, url FROM objects WHERE slug = 'shoe-museum-17'") == "Pair of ballet slippers “Zizi”|https://example.org/17\n")
        // Once the file's value was taken, the field is the file's again: a later export changes it.
        try write("museum.csv", museumCSV.replacingOccurrences(of: "Pair of ballet slippers “Zizi”", with: "Ballet slippers: Zizi"))
        #expect(try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT title FROM objects WHERE slug = 'shoe-museum-17'") == "Ballet slippers: Zizi\n")
    }

    /// A folder imports its files together, in one transaction: a file with a mapping beside it (NAME.mapping.json)
    /// through the mapping, the others as the archive's own tables, so a relation file can name mapped records.
    @Test func aFolderImportsMappedAndNativeFilesTogether() throws {
        let db = folder.path("archive.sqlite")
        try FileManager.default.createDirectory(atPath: folder.path("museum"), withIntermediateDirectories: true)
        try write("museum/shoes.csv", museumCSV)
        try write("museum/shoes.mapping.json", mapping)
        try write("museum/object_icons.csv", "object,icon,relation\nshoe-museum-17,zizi-jeanmaire,wore\n")
        let before = try sqlite3(db, ".dump")
        // One bad row anywhere and nothing of the folder lands.
        try write("museum/object_icons.csv", "object,icon,relation\nshoe-museum-17,zizi-jeanmaire,wore\nshoe-museum-99,zizi-jeanmaire,wore\n")
        let failed = try run(["import", "museum"], in: folder.url)
        #expect(failed.status == 65)
        #expect(failed.stderr.hasPrefix("museum/object_icons.csv:3: object: no object with slug \"shoe-museum-99\""), "\(failed.stderr)")
        #expect(try sqlite3(db, ".dump") == before)
        try write("museum/object_icons.csv", "object,icon,relation\nshoe-museum-17,zizi-jeanmaire,wore\n")
        let result = try run(["import", "museum"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("dates: 2 of 3 dates as written read into years"), "\(result.stderr)")
        #expect(try sqlite3(db, "SELECT o.title, i.slug FROM object_icons oi JOIN objects o ON o.id = object_id JOIN icons i ON i.id = icon_id") == "Pair of ballet slippers “Zizi”|zizi-jeanmaire\n")
        // A mapping that maps no file of the folder is a mistake, not a data file.
        try write("museum/other.mapping.json", mapping)
        let orphan = try run(["import", "museum"], in: folder.url)
        #expect(orphan.status == 65)
        #expect(orphan.stderr.contains("museum/other.mapping.json maps no file of the folder"), "\(orphan.stderr)")
    }

    @Test func aMistakeInTheMappingNamesItsKeyAndChangesNothing() throws {
        try write("museum.csv", museumCSV)
        let before = try sqlite3(folder.path("archive.sqlite"), ".dump")
        let cases: [(String, String)] = [
            (mapping.replacingOccurrences(of: "\"Object Title\"", with: "\"Title\""), "mapping.json: columns.title: museum.csv has no column \"Title\""),
            (mapping.replacingOccurrences(of: "\"accession_number\":", with: "\"accession\":"), "mapping.json: columns.accession: objects has no column \"accession\""),
            (mapping.replacingOccurrences(of: "{name} ({role})", with: "{role}: {name}"), "mapping.json: split[1].pattern: a pattern is"),
            (mapping.replacingOccurrences(of: "\"table\": \"objects\"", with: "\"table\": \"object\""), "mapping.json: table: unknown table \"object\""),
            ("{\"table\": \"objects\", \"slug\": \"x\", \"colums\": {}}", "mapping.json: colums: unknown key"),
            ("{\"table\": ", "mapping.json:1: "),
            // Said once, before any row: an unclosed template was a literal slug, constants.slug was ignored.
            (mapping.replacingOccurrences(of: "shoe-museum-{Object Number}", with: "shoe-museum-{Object Number"),
             "mapping.json: slug: the template \"shoe-museum-{Object Number\" has a \"{\" without its \"}\""),
            (mapping.replacingOccurrences(of: "shoe-museum-{Object Number}", with: "shoe-museum-Object Number}"), "mapping.json: slug: the template \"shoe-museum-Object Number}\" has a \"}\" that no \"{\" opened"),
            (mapping.replacingOccurrences(of: "shoe-museum-{Object Number}", with: "shoe-{}"), "mapping.json: slug: the template \"shoe-{}\" has an empty {}"),
            ("{\"table\": \"objects\", \"slug\": \"x-{a}\", \"constants\": {\"slug\": \"fixed\"}}", "mapping.json: constants.slug: the slug comes from the mapping's \"slug\" template"),
            // A template naming a field that is nowhere was "Nope is empty" on every row.
            (mapping.replacingOccurrences(of: "shoe-museum-{Object Number}", with: "shoe-museum-{Object Numbr}"),
             "mapping.json: slug: the template \"shoe-museum-{Object Numbr}\" names {Object Numbr}, which is neither a column of museum.csv nor one the mapping makes; did you mean \"Object Number\"?"),
        ]
        for (text, expected) in cases {
            try write("mapping.json", text)
            let result = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
            #expect(result.status == 65, "\(expected)")
            #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        }
        // A row without what its slug needs: its file and line, nothing written.
        try write("mapping.json", mapping)
        try write("museum.csv", museumCSV + "The Shoe Museum,,2000.1,No number,shoe,footwear,,,,\n")
        let missing = try run(["import", "museum.csv", "--mapping", "mapping.json"], in: folder.url)
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("museum.csv:5: slug: cannot make the slug shoe-museum-{Object Number}: Object Number is empty"))
        #expect(try sqlite3(folder.path("archive.sqlite"), ".dump") == before)
    }

    @Test func theTimelineTellsBalletcoresStoryInOrder() throws {
        let result = try run(["timeline", "balletcore"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let order = ["since the 1830s", "1970s", "2010s", "SS 2024", "2025", "SS 2026"].map { when in lines.firstIndex { $0.hasPrefix(when + " ") } }
        #expect(order.allSatisfy { $0 != nil }, "\(result.stdout)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(result.stdout)")
        #expect(lines.contains { $0.contains("serge-gainsbourg") && $0.contains("wore") && $0.contains("shoes repetto-zizi") })
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("[balletcore-derby-article-2025]") }) // every line cites its source
        let csv = try run(["timeline", "balletcore", "--format", "csv", "--from", "2020"], in: folder.url)
        #expect(csv.stdout.hasPrefix("earliest_year,latest_year,when,kind,slug,name,event,other_kind,other,other_name,source\r\n"))
        #expect(!csv.stdout.contains("1970s"))
        // The exported view holds the same facts as the whole timeline.
        let all = try run(["timeline", "--format", "csv"], in: folder.url)
        #expect(try run(["export", "timeline"], in: folder.url).stdout == all.stdout)
        #expect(try run(["timeline", "nobody"], in: folder.url).status == 66)
    }

    @Test func recordsSharingAnAuthorityIdShowEachOtherAndTheIdAsALink() throws {
        try write("designers.csv", "slug,name,ulan,wikipedia\ncooper-girard,Alexander Hayden Girard,500096402,7474087\nima-girard,\"Girard, Alexander Hayden\",500096402,\n")
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0)
        let text = try run(["show", "cooper-girard"], in: folder.url).stdout
        #expect(text.contains("  ulan       500096402  https://vocab.getty.edu/page/ulan/500096402"), "\(text)")
        #expect(text.contains("https://en.wikipedia.org/?curid=7474087"))
        #expect(text.split(separator: "\n").contains { $0.contains("same ulan") && $0.contains("ima-girard") })
        let json = try run(["show", "ima-girard", "--format", "json"], in: folder.url).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["authority_urls"] as? [String: String])?["ulan"] == "https://vocab.getty.edu/page/ulan/500096402")
        // A malformed id is refused with the rule it breaks.
        try write("designers.csv", "slug,name,wikidata\nbad-id,Someone,Q-12\n")
        let bad = try run(["import", "designers.csv"], in: folder.url)
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("designers.csv:2: wikidata: \"Q-12\" is not a Wikidata id (Q and digits)\n"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("CHECK"))
    }
}
