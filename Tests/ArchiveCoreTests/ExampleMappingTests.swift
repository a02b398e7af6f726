// The example mappings of Mappings/examples import their samples (Tests/Fixtures/museum-samples) exactly, as the
// oracle expected.json — written from the samples' own definitions, not by the archive — says: every field with a
// home, each maker with its own role and ids from the Met's zipped columns, one record per person (two people of
// one name stay two, one person spelt two ways is one), tags with their ids, the V&A's records under `records`.
@testable import ArchiveCore
import ArchiveStorage
import Foundation
import Testing

@Suite struct ExampleMappingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let samples = root.appendingPathComponent("Tests/Fixtures/museum-samples")

    private func oracle(_ museum: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("expected.json"))
        return try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?[museum] as? [String: Any])
    }

    private func imported(_ museum: String, file: String) throws -> ArchiveFixture {
        let fixture = try ArchiveFixture(seeded: true)
        let mapping = try ImportMapping.load(Self.root.appendingPathComponent("Mappings/examples/\(museum).json").path)
        _ = try Importer(archive: fixture.archive).run(try ImportFile.files(at: Self.samples.appendingPathComponent(file).path, mapping: mapping))
        #expect(try IntegrityCheck().run(on: fixture.archive).isEmpty)
        return fixture
    }

    /// One row of `sql` with `slug` bound, column name → value (text or integer, nil for NULL).
    private func row(_ db: Database, _ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> [[String: AnyHashable?]] {
        let statement = try db.prepare(sql)
        var rows: [[String: AnyHashable?]] = []
        let cursor = try statement.rows(arguments)
        let names = statement.columnNames
        while let row = try cursor.next() {
            var values: [String: AnyHashable?] = [:]
            for (index, name) in names.enumerated() {
                switch row.value(at: Int32(index)) {
                case .integer(let number): values[name] = AnyHashable(number)
                case .text(let text): values[name] = AnyHashable(text)
                default: values[name] = .some(nil)
                }
            }
            rows.append(values)
        }
        return rows
    }

    /// The oracle's value as the archive stores it: integers, texts, booleans as 1/0, null as nil.
    private func stored(_ value: Any?) -> AnyHashable? {
        switch value {
        case let bool as Bool where type(of: value!) == type(of: true as Any): return AnyHashable(Int64(bool ? 1 : 0))
        case let number as NSNumber: return AnyHashable(number.int64Value)
        case let text as String: return AnyHashable(text)
        default: return nil
        }
    }

    private func text(_ value: AnyHashable?) -> String { value.map { "\($0)" } ?? "NULL" }

    @Test func theMetSampleImportsExactly() throws {
        let expected = try oracle("met")
        let fixture = try imported("met", file: "met-objects.csv")
        let db = fixture.db
        let objects = try #require(expected["objects"] as? [[String: Any]])
        #expect(objects.count == 40)
        // The record each oracle person became, by the first object that names them.
        var records: [String: String] = [:]
        for object in objects {
            let key = try #require(object["key"] as? String)
            let found = try row(db, "SELECT * FROM objects WHERE slug = ?", ["met-" + key])
            let stored = try #require(found.first, "met-\(key) is missing")
            for column in ["accession_number", "title", "object_type", "date_text", "earliest_year", "latest_year", "classification",
                           "accession_year", "public_domain", "rights", "wikidata", "city", "country", "region", "url", "department",
                           "culture", "medium", "dimensions", "credit_line"] {
                // Years the file gives as text only are the date rules' to read (README, Dates), not the oracle's.
                if column.hasSuffix("_year") && column != "accession_year" && object["years_from"] as? String == "text-only" { continue }
                #expect(stored[column] ?? nil == self.stored(object[column]), "met-\(key).\(column)")
            }
            let makers = try row(db, """
                SELECT d.slug, d.name, d.nationality, d.born, d.died, d.ulan, d.wikidata, d.museum_id, m.role, m.qualifier
                FROM object_makers m JOIN designers d ON d.id = m.designer_id JOIN objects o ON o.id = m.object_id WHERE o.slug = ?
                """, ["met-" + key])
            let expectedMakers = try #require(object["makers"] as? [[String: Any]])
            #expect(makers.count == expectedMakers.count, "met-\(key): makers")
            for maker in expectedMakers {
                let person = try #require(maker["person"] as? String)
                let match = makers.first { found in
                    found["role"] ?? nil == self.stored(maker["role"]) && found["ulan"] ?? nil == self.stored(maker["ulan"])
                        && found["museum_id"] ?? nil == self.stored(maker["museum_id"])
                }
                let link = try #require(match, "met-\(key): no maker \(person) as \(maker["role"] ?? "")")
                #expect(link["qualifier"] ?? nil == self.stored(maker["prefix"]), "met-\(key) \(person): prefix")
                for column in ["nationality", "born", "died", "wikidata"] {
                    #expect(link[column] ?? nil == self.stored(maker[column]), "met-\(key) \(person).\(column)")
                }
                // One record per person, whichever object names them and however it is spelt.
                let slug = try #require(link["slug"] as? String)
                #expect(records[person, default: slug] == slug, "\(person) became \(records[person]!) and \(slug)")
                records[person] = slug
            }
            let tags = try row(db, "SELECT t.name, t.aat, t.wikidata FROM object_tags ot JOIN tags t ON t.id = ot.tag_id JOIN objects o ON o.id = ot.object_id WHERE o.slug = ?", ["met-" + key])
            let expectedTags = try #require(object["tags"] as? [[String: Any]])
            let storedTags: Set<String> = Set(tags.map { tag in ["name", "aat", "wikidata"].map { text(tag[$0] ?? nil) }.joined(separator: "|") })
            let wantedTags: Set<String> = Set(expectedTags.map { tag in ["name", "aat", "wikidata"].map { text(self.stored(tag[$0])) }.joined(separator: "|") })
            #expect(storedTags == wantedTags, "met-\(key): tags")
        }
        let people = try #require(expected["people"] as? [[String: Any]])
        #expect(Set(records.values).count == people.count, "one record per person")
        #expect(records.count == people.count)
        // Every person's record shows the name it was first written with.
        for person in people {
            let name = try #require((person["spellings"] as? [String])?.first)
            let slug = try #require(records[person["person"] as! String])
            #expect(try db.fetchOne("SELECT name FROM designers WHERE slug = ?", [slug]) == name.trimmingCharacters(in: .whitespaces))
        }
        #expect(try db.fetchOne("SELECT count(*) FROM designers WHERE slug LIKE 'met-%'") == Int64(people.count))
    }

    @Test func theVAndASampleImportsExactly() throws {
        let expected = try oracle("vam")
        let fixture = try imported("vam", file: "vam-objects.json")
        let db = fixture.db
        let objects = try #require(expected["objects"] as? [[String: Any]])
        #expect(objects.count == 15)
        for object in objects {
            let key = try #require(object["key"] as? String)
            let slug = "vam-" + key.lowercased()
            let stored = try #require(try row(db, "SELECT * FROM objects WHERE slug = ?", [slug]).first, "\(slug) is missing")
            for column in ["accession_number", "title", "object_type", "date_text", "place"] {
                #expect(stored[column] ?? nil == self.stored(object[column]), "\(slug).\(column)")
            }
            let makers = try row(db, """
                SELECT d.slug, d.name, m.role FROM object_makers m JOIN designers d ON d.id = m.designer_id JOIN objects o ON o.id = m.object_id
                WHERE o.slug = ?
                """, [slug])
            let expectedMakers = try #require(object["makers"] as? [[String: Any]])
            let storedMakers: [String] = makers.map { text($0["name"] ?? nil) + " as " + text($0["role"] ?? nil) }
            let wantedMakers: [String] = expectedMakers.map { text(self.stored($0["name"])) + " as " + text(self.stored($0["role"])) }
            #expect(storedMakers == wantedMakers, "\(slug): makers")
        }
        #expect(try db.fetchOne("SELECT count(*) FROM designers WHERE slug LIKE 'vam-%'") == Int64((expected["people"] as? [Any])?.count ?? -1))
    }
}
