// A record and the relations it lists, as one JSON object in the shape `archive import` reads (references as
// slugs, relation lists nested under their keys): what `archive edit` puts in the editor.
import ArchiveStorage

enum RecordText {
    /// The text of record `id` of `table`, one field a line, each relation on a line of its own; nil when
    /// there is no such record.
    static func json(_ table: TableDescription, id: Int64, _ db: Database) throws -> String? {
        let query = ExportQuery.table(table, filter: "r.id = ?")
        let statement = try db.prepare(query.sql)
        try statement.bind([id])
        guard let row = try statement.next() else { return nil }
        var lines = query.columns.enumerated().map { index, column in
            "  \(JSONText.quoted(column.name)): \(JSONText.value(row.value(at: Int32(index))))"
        }
        for list in table.nested {
            guard let relation = Tables.named(list.table), let parent = relation.column(named: list.parentColumn) else { continue }
            let items = try self.items(of: relation, without: parent, for: id, db)
            lines.append("  \(JSONText.quoted(list.key)): [" + (items.isEmpty ? "]" : "\n    " + items.joined(separator: ",\n    ") + "\n  ]"))
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// The rows of `relation` whose `parent` is the record, each an object on one line, the parent left out.
    private static func items(of relation: TableDescription, without parent: ColumnDescription, for id: Int64, _ db: Database) throws -> [String] {
        let query = ExportQuery.table(relation, filter: "r.\(parent.column) = ?")
        let statement = try db.prepare(query.sql)
        try statement.bind([id])
        var items: [String] = []
        while let row = try statement.next() {
            let members = query.columns.enumerated().filter { $0.element.name != parent.name }.map { index, column in
                "\(JSONText.quoted(column.name)): \(JSONText.value(row.value(at: Int32(index))))"
            }
            items.append("{" + members.joined(separator: ", ") + "}")
        }
        return items
    }
}
