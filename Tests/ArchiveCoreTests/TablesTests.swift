// The catalogue that import (and export) read matches the schema the migrations create.
import ArchiveCore
import ArchiveStorage
import Testing

@Suite struct TablesTests {
    /// Every table but the bookkeeping and the images (which `archive media` reads and writes, not an import).
    @Test func everyColumnOfEveryTableIsDescribedAndExists() throws {
        let fixture = try ArchiveFixture()
        let tables: [String?] = try fixture.db.fetchColumn(
            """
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'
              AND name NOT IN ('schema_migrations', 'imports', 'changes', 'change_rows', 'media', 'media_files', 'media_renditions') ORDER BY name
            """)
        #expect(Set(tables.compactMap { $0 }) == Set(Tables.all.map(\.name)))
        for table in Tables.all {
            let columns: [String?] = try fixture.db.fetchColumn("SELECT name FROM pragma_table_info(?) WHERE name <> 'id'", [table.name])
            #expect(columns.compactMap { $0 } == table.columns.map(\.column), "\(table.name)")
            let primaryKey: [String?] = try fixture.db.fetchColumn(
                "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [table.name])
            if table.kind == .relation {
                #expect(primaryKey.compactMap { $0 } == table.key.compactMap { table.column(named: $0)?.column }, "\(table.name)")
            }
        }
    }

    @Test func recordsComeBeforeTheRelationsThatNeedThem() {
        var seen: Set<String> = []
        for table in Tables.all {
            for referenced in table.referencedTables { #expect(seen.contains(referenced), "\(table.name) needs \(referenced) first") }
            if table.kind == .record { seen.insert(table.name) }
        }
    }

    @Test func nestedListsNameRealRelations() {
        for table in Tables.records {
            for list in table.nested {
                let relation = Tables.named(list.table)
                #expect(relation?.column(named: list.parentColumn) != nil, "\(table.name).\(list.key)")
            }
        }
    }
}
