// The rules of the schema in the archive's words (BrokenRule): every CHECK the migrations write is one that
// SchemaRule reads, and the rules an import's own checks meet first (an empty text, a type, a vocabulary, a
// range, lowercase, the slug's form, NOT NULL, a trigger's RAISE), met here by writing SQL past those checks,
// still get words naming the field and the value, never the SQL. The rules an import meets are in BadInputTests.
@testable import ArchiveCore
import ArchiveStorage
import Testing

@Suite struct BrokenRuleTests {
    let fixture: ArchiveFixture

    init() throws { fixture = try ArchiveFixture(seeded: true) }

    /// The CHECK texts of every table, as sqlite_schema holds them (comments and all).
    private func checks() throws -> [(table: String, text: String)] {
        var found: [(String, String)] = []
        for table in try fixture.column("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'") {
            let sql = Array(try fixture.one("SELECT sql FROM sqlite_schema WHERE name = ?", [table]) as String? ?? "")
            var index = 0
            while let start = (index..<sql.count).first(where: { String(sql[$0..<min($0 + 7, sql.count)]) == "CHECK (" }) {
                var (depth, end, quoted) = (0, start + 6, false)
                repeat {
                    if sql[end] == "'" { quoted.toggle() } else if !quoted && sql[end] == "(" { depth += 1 } else if !quoted && sql[end] == ")" { depth -= 1 }
                    end += 1
                } while depth > 0
                found.append((table, String(sql[(start + 7)..<(end - 1)])))
                index = end
            }
        }
        return found
    }

    @Test func everyCheckOfTheSchemaIsARuleThatIsRead() throws {
        let checks = try checks()
        #expect(checks.count > 100)
        for check in checks { #expect(SchemaRule(check.text) != nil, "\(check.table): \(check.text)") }
    }

    /// Writes `values` (SQL columns) into `table` past the import's checks and returns the rule it broke.
    private func broken(_ table: String, _ values: KeyValuePairs<String, DatabaseValue>) throws -> BrokenRule? {
        let description = try #require(Tables.named(table))
        let row = values.map { name, value in
            (column: description.columns.first { $0.column == name } ?? ColumnDescription(name, .text, meaning: ""), value: value)
        }
        do {
            try fixture.db.execute("INSERT INTO \(table) (\(row.map(\.column.column).joined(separator: ", "))) VALUES ("
                + row.map { _ in "?" }.joined(separator: ", ") + ")", row.map(\.value))
        } catch let error as DatabaseError {
            return try BrokenRule(error, table: description, values: row, fixture.db)
        }
        return nil
    }

    @Test func rulesAnImportMeetsFirstStillGetWords() throws {
        let cases: [(String, KeyValuePairs<String, DatabaseValue>, BrokenRule)] = [
            ("designers", ["slug": .text("x"), "name": .text("")], BrokenRule(field: "name", "is empty: leave it out when it is unknown")),
            ("designers", ["slug": .text("x"), "name": .text("X"), "born": .text("abc")],
             BrokenRule(field: "born", "expected a whole number, found \"abc\"")),
            ("designers", ["slug": .text("x"), "name": .text("X"), "kind": .text("shop")], BrokenRule(field: "kind", "\"shop\" is not one of house, person")),
            ("designers", ["slug": .text("x"), "name": .text("X"), "founded": .integer(0)], BrokenRule(field: "founded", "0 is out of range (1 to 9999)")),
            // A named CHECK (slug_format): SQLite gives its name, and the rule is read from the table's text.
            ("designers", ["slug": .text("Bad Slug"), "name": .text("X")], BrokenRule(field: "slug", "\"Bad Slug\" is not a valid slug: \(Slug.rule)")),
            ("designers", ["slug": .text("x")], BrokenRule(field: "name", "is required but empty")),
            ("trends", ["slug": .text("x"), "name": .text("X"), "earliest_year": .integer(2000), "latest_year": .integer(1990)],
             BrokenRule(field: "earliest_year", "2000 is after latest_year 1990")),
        ]
        for (table, values, expected) in cases {
            let rule = try broken(table, values)
            #expect(rule == expected, "\(values)")
            for word in BadInputTests.sqlWords { #expect(rule?.message.contains(word) == false) }
        }
    }

    @Test func aMakersRoleInCapitalsIsRefusedInWords() throws {
        try fixture.db.execute("INSERT INTO institutions (slug, name) VALUES ('m', 'Museum')")
        try fixture.db.execute("INSERT INTO objects (slug, institution_id, title) VALUES ('o', (SELECT id FROM institutions WHERE slug = 'm'), 'Dress')")
        let object: Int64 = try #require(try fixture.one("SELECT id FROM objects WHERE slug = 'o'"))
        let designer: Int64 = try #require(try fixture.one("SELECT id FROM designers WHERE slug = 'repetto'"))
        let rule = try broken("object_makers", ["object_id": .integer(object), "designer_id": .integer(designer), "role": .text("Designer")])
        #expect(rule == BrokenRule(field: "role", "\"Designer\" must be in lowercase (\"designer\")"))
    }

    /// Shapes no migration writes yet, and one no shape fits: still the field and its value in words.
    @Test(arguments: [
        ("public_domain IS NULL OR (typeof(public_domain) = 'integer' AND public_domain IN (0, 1))", "public_domain", DatabaseValue.integer(2),
         BrokenRule(field: "public_domain", "2 is not one of 0, 1")),
        ("aat IS NULL OR (typeof(aat) = 'text' AND aat GLOB '3[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')", "aat", .text("123"),
         BrokenRule(field: "aat", "\"123\" is not a Getty AAT id (3 and 8 digits)")),
        ("museum_id IS NULL OR (museum_id GLOB 'M*' AND substr(museum_id, 2) NOT GLOB '*[^0-9]*' AND length(museum_id) <= 8)", "museum_id", .text("X1"),
         BrokenRule(field: "museum_id", "\"X1\" is not a valid museum_id (M and digits, at most 8 characters)")),
        ("copies >= 1", "copies", .integer(0), BrokenRule(field: "copies", "0 must be at least 1")),
        ("name LIKE 'x%'", "name", .text("Celine"), BrokenRule(field: "name", "\"Celine\" is not a value the archive keeps for name (Name as commonly written)")),
        ("reviewed_by <> name", "reviewed_by", .text("Celine"), BrokenRule(field: "reviewed_by", "\"Celine\" is also the name: the two must differ")),
    ])
    func aRuleOfAnotherShapeStillNamesItsFieldAndValue(_ check: String, _ column: String, _ value: DatabaseValue, _ expected: BrokenRule) throws {
        let designers = try #require(Tables.named("designers"))
        let error = DatabaseError(resultCode: .SQLITE_CONSTRAINT_CHECK, message: "CHECK constraint failed: " + check)
        let values = [(column: designers.column(named: column) ?? ColumnDescription(column, .text, meaning: ""), value: value),
                      (column: designers.column(named: "name")!, value: DatabaseValue.text("Celine"))]
        #expect(try BrokenRule(error, table: designers, values: values, fixture.db) == expected)
    }

    @Test func withoutTheRowARuleIsStillSaidInWords() throws {
        let cited: String = try #require(try fixture.one("SELECT slug FROM sources LIMIT 1"))
        do {
            try fixture.db.execute("DELETE FROM sources WHERE slug = ?", [cited])
            Issue.record("a cited source was deleted")
        } catch let error as DatabaseError {
            #expect(BrokenRule.rowless(error, table: "sources") == BrokenRule(field: nil, "this source is still cited; remove the citations first"))
        }
        do {
            try fixture.db.execute("UPDATE designers SET slug = 'celine' WHERE slug = 'repetto'")
            Issue.record("two designers have one slug")
        } catch let error as DatabaseError {
            #expect(BrokenRule.rowless(error, table: "designers") == BrokenRule(field: "slug", "two designers would have the same slug"))
        }
    }
}
