// Each kind of bad input is refused with its place (file:line: field) and leaves the archive as it was.
import ArchiveCore
import Foundation
import Testing

struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let content: [UInt8]
    /// What the problem line must say after the folder path.
    let expected: String
    /// Files imported with it, in the same folder (the institution an object names).
    let others: [(name: String, content: String)]

    init(_ name: String, _ file: String, _ content: String, _ expected: String, with others: [(name: String, content: String)] = []) {
        self.init(name, file, Array(content.utf8), expected, with: others)
    }

    init(_ name: String, _ file: String, _ content: [UInt8], _ expected: String, with others: [(name: String, content: String)] = []) {
        self.name = name
        self.file = file
        self.content = content
        self.expected = expected
        self.others = others
    }

    var testDescription: String { name }
}

@Suite struct BadInputTests {
    static let cases: [BadInput] = [
        BadInput("malformed JSON", "designers.json", #"[{"slug": "a", "name": "A", "kind": "house"},, ]"#,
                 "designers.json:1: record 2: expected a value, found ','"),
        BadInput("truncated JSON", "designers.json", "[{\"slug\": \"a\",\n \"name\": \"A\"",
                 "designers.json:2: record 1: expected ',' or '}' in an object, found the end of the file"),
        BadInput("JSON that is not an array", "designers.json", #"{"slug": "a"}"#,
                 "designers.json:1: expected '[' (a JSON file holds an array of objects), found '{'"),
        BadInput("duplicate key in a JSON object", "designers.json", #"[{"slug": "a", "name": "A", "slug": "b"}]"#,
                 "designers.json:1: record 1: the key \"slug\" appears twice in one object"),
        BadInput("unterminated CSV quote", "designers.csv", "slug,name,kind\nx,\"Open,house\ny,Y,house\n",
                 "designers.csv:2: a quoted field is never closed (a '\"' is missing)"),
        BadInput("too many CSV fields", "designers.csv", "slug,name,kind\nx,X,house,extra\n",
                 "designers.csv:2: 4 fields where the header has 3 (an unquoted comma?)"),
        BadInput("too few CSV fields", "designers.csv", "slug,name,kind\nx,X\n",
                 "designers.csv:2: 2 fields where the header has 3"),
        BadInput("wrong type", "collections.json", #"[{"slug": "c", "title": "C", "year": "nineteen"}]"#,
                 "collections.json:1: record 1 (c): year: expected a whole number, found \"nineteen\""),
        BadInput("out-of-range year", "collections.csv", "slug,title,year\nc,C,20260\n",
                 "collections.csv:2: year: 20260 is out of range (1 to 9999)"),
        BadInput("huge number", "collections.json", #"[{"slug": "c", "title": "C", "year": 123456789012345678901234567890}]"#,
                 "collections.json:1: record 1 (c): year: 123456789012345678901234567890 is too large"),
        BadInput("unknown column", "designers.csv", "slug,name,kind,colour\nx,X,house,red\n",
                 "designers.csv:1: colour: unknown field for designers (known: slug, name, kind, country, founded, active_from, active_to, description, born, died, closed, wikidata, ulan, viaf, wikipedia, nationality, museum_id)"),
        BadInput("missing required field", "shoes.csv", "slug,name\nx,\n",
                 "shoes.csv:2: name: is required but empty"),
        BadInput("dangling reference", "shoe_designers.csv", "shoe,designer,role\nrepetto-zizi,nobody,maker\n",
                 "shoe_designers.csv:2: designer: no designer with slug \"nobody\" in the archive or in this import"),
        BadInput("slug duplicated in the file", "icons.csv", "slug,name\ntwiggy,Twiggy\ntwiggy,Lesley Lawson\n",
                 "icons.csv:3: the slug \"twiggy\" appears more than once in this import"),
        BadInput("invalid slug", "icons.csv", "slug,name\nTwiggy Lawson,Twiggy\n",
                 "icons.csv:2: slug: \"Twiggy Lawson\" is not a valid slug: \(Slug.rule)"),
        BadInput("invalid UTF-8", "icons.csv", Array("slug,name\nx,Man".utf8) + [0x92] + Array("s\n".utf8),
                 "icons.csv:2: name: is not valid UTF-8 (save the file as UTF-8)"),
        BadInput("overlong UTF-8", "icons.csv", Array("slug,name\nx,".utf8) + [0xC0, 0xAF] + Array("\n".utf8),
                 "icons.csv:2: name: is not valid UTF-8 (save the file as UTF-8)"),
        BadInput("NUL byte", "icons.csv", Array("slug,name\nx,A".utf8) + [0] + Array("B\n".utf8),
                 "icons.csv:2: name: holds a NUL byte"),
        BadInput("escaped NUL in JSON", "icons.json", #"[{"slug": "x", "name": "A\u0000B"}]"#,
                 "icons.json:1: record 1: name: a string holds a NUL byte"),
        BadInput("byte-order mark in the middle", "icons.csv", "slug,name\nx,A\u{FEFF}B\n",
                 "icons.csv:2: name: holds a byte-order mark (U+FEFF) inside the data"),
        BadInput("unknown table", "widgets.csv", "slug,name\nx,X\n",
                 "widgets.csv: unknown table \"widgets\""),
        BadInput("broken NDJSON line", "icons.ndjson", "{\"slug\": \"a\", \"name\": \"A\"}\n{\"slug\": \"b\",\n",
                 "icons.ndjson:2: record 2: expected a key in quotes, found the end of the line"),
        BadInput("record that is not an object", "icons.ndjson", "[\"twiggy\"]\n",
                 "icons.ndjson:1: record 1: expected an object, found an array"),
        BadInput("value of the wrong vocabulary", "icon_shoes.csv", "icon,shoe,relation\nserge-gainsbourg,repetto-zizi,adored\n",
                 "icon_shoes.csv:2: relation: \"adored\" is not one of wore, designed_for, popularised, muse, inspired"),
        BadInput("relation duplicated", "icon_shoes.csv", "icon,shoe,relation\nserge-gainsbourg,sneakerina,wore\nserge-gainsbourg,sneakerina,wore\n",
                 "icon_shoes.csv:3: this icon-shoes relation appears more than once in this import"),
        // The rules of the schema (CHECK, UNIQUE), one of each shape, in the archive's words: never the SQL.
        BadInput("a field only some records have", "designers.csv", "slug,name,kind,founded\nrider-2,Someone,person,1990\n",
                 "designers.csv:2: founded: 1990 is only for a designer whose kind is house (this one's is person)"),
        BadInput("a Wikidata id", "designers.csv", "slug,name,wikidata\nx,X,X123\n",
                 "designers.csv:2: wikidata: \"X123\" is not a Wikidata id (Q and digits)"),
        BadInput("a ULAN id", "icons.csv", "slug,name,ulan\nx,X,123\n",
                 "icons.csv:2: ulan: \"123\" is not a Getty ULAN id (5 and 8 digits)"),
        BadInput("a VIAF id", "designers.csv", "slug,name,viaf\nx,X,12a\n",
                 "designers.csv:2: viaf: \"12a\" is not a VIAF id (up to 22 digits)"),
        BadInput("an AAT id of a tag", "tags.csv", "slug,name,aat\ntg,Women,30002\n",
                 "tags.csv:2: aat: \"30002\" is not a Getty AAT id (3 and 8 digits)"),
        BadInput("years out of order", "trends.csv", "slug,name,earliest_year,latest_year\nt,T,1990,1980\n",
                 "trends.csv:2: earliest_year: 1990 is after latest_year 1980"),
        BadInput("years out of order in an update", "designers.csv", "slug,active_from,active_to\nceline,2030,2000\n",
                 "designers.csv:2: active_from: 2030 is after active_to 2000"),
        BadInput("a designer affiliated with itself", "designer_affiliations.csv", "person,house,role\nrepetto,repetto,designer\n",
                 "designer_affiliations.csv:2: house: \"repetto\" is the person itself: a designer cannot be its own house"),
        BadInput("a trend its own ancestor", "trend_lineage.csv", "trend,ancestor,relation\nballetcore,balletcore,revival_of\n",
                 "trend_lineage.csv:2: ancestor: \"balletcore\" is the trend itself: a trend cannot be its own ancestor"),
        BadInput("a nested relation to itself", "designers.json", #"[{"slug": "zz", "name": "ZZ", "kind": "person", "affiliations": [{"house": "zz", "role": "designer"}]}]"#,
                 "designers.json:1: record 1 (zz): affiliations[1].house: \"zz\" is the person itself: a designer cannot be its own house"),
        BadInput("an accession number held by another object", "objects.csv",
                 "slug,institution,title,accession_number\no1,m,Dress,1937-45-4\no2,m,Coat,1937-45-4\n",
                 "objects.csv:3: accession_number: \"1937-45-4\" is already held by o1 at m", with: [("institutions.csv", "slug,name\nm,Museum\n")]),
        BadInput("nesting too deep", "icons.json", "[{\"slug\": \"x\", \"name\": " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}]",
                 "icons.json:1: record 1: name: nested more than 64 levels deep"),
        BadInput("bad text in the header", "icons.csv", Array("slug,na".utf8) + [0xFF] + Array("me\nx,X\n".utf8),
                 "icons.csv:1: field 2 is not valid UTF-8 (save the file as UTF-8)"),
        BadInput("unknown column after blank lines", "icons.csv", "\n\nslug,name,shoe_size\nx,X,39\n",
                 "icons.csv:3: shoe_size: unknown field for icons"),
        BadInput("NUL inside a nested list", "collections.json", #"[{"slug": "c", "title": "C", "designers": [{"role": "a\u0000"}]}]"#,
                 "collections.json:1: record 1: designers.role: a string holds a NUL byte"),
        BadInput("a field longer than 16 MiB", "icons.csv", "slug,name\nx,\"" + String(repeating: "tulle ", count: 3_000_000) + "\"\n",
                 "icons.csv:2: a field is longer than 16 MiB (is a closing quote missing?)"),
    ]

    @Test(arguments: cases)
    func isRefusedWithItsPlaceAndChangesNothing(_ input: BadInput) throws {
        let fixture = try ArchiveFixture(seeded: true)
        let before = try fixture.dump()
        let path = try fixture.write(input.file, Data(input.content))
        for other in input.others { try fixture.write(other.name, other.content) }
        let problems = try fixture.problems(importing: input.others.isEmpty ? path : fixture.inputFolder)
        #expect(problems.count >= 1)
        #expect(problems.first?.hasPrefix(path.dropLast(input.file.count) + input.expected) == true,
                "got: \(problems.first ?? "no problem")")
        // SQLite's words for its rules are not the archive's.
        for word in BadInputTests.sqlWords { #expect(problems.first?.contains(word) == false, "\(word) in \(problems.first ?? "")") }
        #expect(try fixture.dump() == before)
    }

    static let sqlWords = ["CHECK", "GLOB", "typeof", "constraint failed", "SELECT", "IS NULL", "UNIQUE"]
}
