// What an export writes: a named query with its columns, for every table (references written as slugs, rows
// in slug order) and for the research-ready views that join what a researcher would otherwise join by hand.

public struct ExportQuery: Sendable {
    /// The file name without extension: "designers", "collections_full".
    public let name: String
    public let sql: String
    public let columns: [ExportColumn]
    /// True for the joined views, which `export --all` writes to views/ where import does not look.
    public let isView: Bool
    public let meaning: String
}

public struct ExportColumn: Sendable {
    public let name: String
    /// "text", "integer", "slug", "list": for the codebook.
    public let type: String
    public let meaning: String
    public let allowedValues: String
}

extension ExportQuery {
    /// The export of a table: the columns import reads, references as slugs, ordered by key; `filter` is SQL
    /// over the table's row `r` (with bound parameters), for some of its rows. `order` (SQL over `r` or column
    /// numbers) replaces the key's order; `withKey` (SQL over `r`) is selected after the columns, for paging.
    /// `rows`, a FROM clause naming the row `r` (a search's hits, best first), reads those rows in their own order.
    public static func table(_ table: TableDescription, filter: String? = nil, order: String? = nil, withKey key: String? = nil,
                             rows: String? = nil) -> ExportQuery {
        var selects: [String] = []
        var joins: [String] = []
        for (index, column) in table.columns.enumerated() {
            if case .reference(let target) = column.kind {
                let alias = "j\(index)"  // expression(of:column:) names it too
                joins.append("\(column.isRequired ? "JOIN" : "LEFT JOIN") \(target) AS \(alias) ON \(alias).id = r.\(column.column)")
                selects.append("\(alias).slug AS \(column.name)")
            } else {
                selects.append("r.\(column.column) AS \(column.name)")
            }
        }
        if let key { selects.append(key) }
        let keyOrder = table.key.compactMap { key in table.columns.firstIndex { $0.name == key }.map { String($0 + 1) } }
        let condition = filter.map { " WHERE " + $0 } ?? ""
        let ordered = order ?? (rows == nil ? keyOrder.joined(separator: ", ") : nil)
        let sql: String = "SELECT " + selects.joined(separator: ", ") + " FROM \(rows ?? "\(table.name) AS r") "
            + joins.joined(separator: " ") + condition + (ordered.map { " ORDER BY " + $0 } ?? "")
        return ExportQuery(name: table.name, sql: sql, columns: table.columns.map(ExportColumn.init), isView: false, meaning: table.meaning)
    }

    /// The SQL of a column of `table` in `table(_:)`'s query: a reference is its record's slug (the join's).
    static func expression(of table: TableDescription, column index: Int) -> String {
        if case .reference = table.columns[index].kind { "j\(index).slug" } else { "r.\(table.columns[index].column)" }
    }

    /// Every table, records first.
    public static var tables: [ExportQuery] { Tables.all.map { table($0) } }

    public static var all: [ExportQuery] { tables + views }

    public static func named(_ name: String) -> ExportQuery? { all.first { $0.name == name } }
}

extension ExportColumn {
    init(_ column: ColumnDescription) {
        name = column.name
        meaning = column.meaning
        type = column.kind.fileType
        allowedValues = column.kind.allowedValues
    }

    init(_ name: String, _ type: String, _ meaning: String, _ allowedValues: String = "") {
        self.name = name
        self.type = type
        self.meaning = meaning
        self.allowedValues = allowedValues
    }
}
