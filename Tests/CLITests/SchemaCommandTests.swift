// `archive schema [TABLE]`: every table's columns from the catalogue, for people and for programs, without an
// archive; an unknown table is one line with the nearest name.
import ArchiveCore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct SchemaCommandTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    @Test func theTableListsEveryTableAndColumnWithoutAnArchive() throws {
        let result = try run(["schema"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for table in Tables.all {
            #expect(result.stdout.contains("\n\(table.name): \(table.meaning)\n") || result.stdout.hasPrefix("\(table.name): "), "\(table.name)")
        }
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let kind = try #require(lines.first { $0.hasPrefix("  kind ") })
        #expect(kind.contains("choice") && kind.contains("house | person") && kind.contains("house or person"))
        let name = try #require(lines.first { $0.hasPrefix("  name ") })
        #expect(name.contains("text") && name.contains("yes"))
        #expect(lines.contains { $0.hasPrefix("  earliest_year ") && $0.contains("integer") && $0.contains("from -9999 to 9999") })
        #expect(lines.contains { $0.hasPrefix("  designer ") && $0.contains("reference") && $0.contains("a slug of designers") })
        #expect(lines.contains { $0.hasPrefix("  role ") && $0.contains("word") })
        #expect(!folder.exists("archive.sqlite"))
    }

    @Test func machineFormatsHaveOneRowPerColumn() throws {
        let csv = try run(["schema", "--format", "csv"], in: folder.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = try StrictCSV(csv.stdout)
        #expect(rows.header == ["table", "column", "type", "values", "required", "meaning"])
        #expect(rows.rows.count == Tables.all.reduce(0) { $0 + $1.columns.count })
        #expect(rows.rows.contains { $0 == ["objects", "earliest_year", "integer", "from -9999 to 9999", "0", Tables.named("objects")?.column(named: "earliest_year")?.meaning] })
        #expect(rows.rows.contains { $0 == ["designers", "kind", "choice", "house | person", "0", "house or person; empty when the source does not say"] })
        #expect(rows.rows.contains { $0[0] == "designers" && $0[1] == "country" && $0[3] == nil })
        #expect(rows.rows.contains { $0[0] == "collection_designers" && $0[1] == "collection" && $0[2] == "reference" && $0[4] == "1" })

        let json = try run(["schema", "designers", "--format", "json"], in: folder.url)
        #expect(json.status == 0, "\(json.stderr)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["column"] as? String } == Tables.named("designers")?.columns.map(\.name))
        #expect(objects.allSatisfy { $0["table"] as? String == "designers" })
        #expect(objects.first?["required"] as? Int == 1 && objects.first?["type"] as? String == "slug")
    }

    @Test func oneTableAloneAndTheArchiveOptionAccepted() throws {
        let result = try run(["--db", "elsewhere.sqlite", "schema", "trend_lineage"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("trend_lineage: A trend's ancestry"))
        #expect(result.stdout.contains("derived_from | revival_of"))
        #expect(!result.stdout.contains("designers:"))
        #expect(!folder.exists("elsewhere.sqlite"))
    }

    @Test func anUnknownTableIsOneLineWithTheNearestName() throws {
        let result = try run(["schema", "designer"], in: folder.url)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "archive: unknown table 'designer'; did you mean 'designers'? `archive schema` lists them\n")
        let far = try run(["schema", "zzz", "--format", "csv"], in: folder.url)
        #expect(far.status == 64 && far.stderr == "archive: unknown table 'zzz'; `archive schema` lists them\n")
    }

    @Test func helpGivesAnExample() throws {
        let help = try run(["schema", "--help"], in: folder.url)
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:\n  archive schema designers\n"))
        #expect(help.stdout.contains("--format <format>"))
        #expect(try run(["--help"], in: folder.url).stdout.contains("schema"))
    }
}
