// The row a refused write would have made, for BrokenRule to name fields and show values: the stored row of
// its key (a file may update some columns only) with the written values over it, references shown as slugs.
import ArchiveStorage

struct RuleRow {
    let table: TableDescription
    /// By SQL column: `institution_id`, not `institution`.
    private var values: [String: DatabaseValue] = [:]
    private let db: Database

    init(table: TableDescription, values written: [(column: ColumnDescription, value: DatabaseValue)], _ db: Database) throws {
        self.table = table
        self.db = db
        let key = table.key.compactMap { name in written.first { $0.column.name == name } }
        if key.count == table.key.count {
            try read(where: key.map { "\($0.column.column) = ?" }.joined(separator: " AND "), key.map(\.value))
        }
        for (column, value) in written { values[column.column] = value }
    }

    /// A row as the archive holds it.
    init(table: TableDescription, rowid: Int64, _ db: Database) throws {
        self.table = table
        self.db = db
        try read(where: "rowid = ?", [.integer(rowid)])
    }

    private mutating func read(where condition: String, _ arguments: [DatabaseValue]) throws {
        let statement = try db.prepare("SELECT * FROM \(table.name) WHERE \(condition)")
        try statement.bind(arguments)
        guard let stored = try statement.next() else { return }
        for index in 0..<stored.count { values[statement.columnName(at: index)] = stored.value(at: index) }
    }

    subscript(column: String) -> DatabaseValue { values[column] ?? .null }

    func description(of column: String) -> ColumnDescription? { table.columns.first { $0.column == column } }

    /// The column's name in files.
    func field(_ column: String) -> String { description(of: column)?.name ?? column }

    /// The value for a message: text in quotes, a reference as the slug it names (in quotes unless `quoted` is false).
    func shown(_ column: String, quoted inQuotes: Bool = true) throws -> String {
        let value = self[column]
        if case .reference(let target)? = description(of: column)?.kind, case .integer(let id) = value,
           let slug: String = try db.fetchOne("SELECT slug FROM \(target) WHERE id = ?", [id]) {
            return inQuotes ? quoted(slug) : slug
        }
        switch value {
        case .null: return "an empty value"
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return inQuotes ? quoted(text) : text
        case .blob(let bytes): return "\(bytes.count) bytes"
        }
    }

    /// When no shape of rule fits: the first of `columns` that holds a value is named, with what it means.
    func generic(columns: [String]) throws -> BrokenRule {
        guard let column = columns.first(where: { !self[$0].isNull }) ?? columns.first else {
            return BrokenRule(field: nil, "this \(Tables.singular(table.name)) breaks a rule of the archive")
        }
        let meaning = description(of: column).map { " (\($0.meaning))" } ?? ""
        return BrokenRule(field: field(column), "\(try shown(column)) is not a value the archive keeps for \(field(column))\(meaning)")
    }
}
