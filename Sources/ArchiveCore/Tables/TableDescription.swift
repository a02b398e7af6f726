// A table as files see it: its columns, its key, and (for JSON) the relation lists a record may nest.

// A class: an import hands its tables and columns around for every field of every row, and a copy of a
// struct of strings and arrays was a retain of each.
public final class TableDescription: Sendable {
    public enum Kind: Sendable { case record, relation }

    /// A JSON record may hold its relations as a list under `key`: each item is a row of `table` without
    /// `parentColumn`, which is the record's own slug.
    public struct NestedList: Sendable {
        public let key: String
        public let table: String
        public let parentColumn: String
    }

    public let name: String
    public let kind: Kind
    public let columns: [ColumnDescription]
    /// The file names of the columns that identify a row: ["slug"], or a relation's primary key.
    public let key: [String]
    public let nested: [NestedList]
    /// What a row is, for the codebook and messages.
    public let meaning: String
    /// Each column's place in `columns` by name: an import asks for every field of every row.
    private let places: [String: Int]
    /// The columns a new row must have.
    let requiredColumns: [ColumnDescription]

    init(record name: String, meaning: String, columns: [ColumnDescription], nested: [NestedList] = []) {
        self.name = name
        self.kind = .record
        let columns = [ColumnDescription("slug", .slug, required: true, meaning: "Stable identifier: lowercase words joined by hyphens")] + columns
        self.columns = columns
        self.key = ["slug"]
        self.nested = nested
        self.meaning = meaning
        places = Self.places(of: columns)
        requiredColumns = columns.filter(\.isRequired)
    }

    init(relation name: String, meaning: String, key: [String], columns: [ColumnDescription]) {
        self.name = name
        self.kind = .relation
        self.columns = columns
        self.key = key
        self.nested = []
        self.meaning = meaning
        places = Self.places(of: columns)
        requiredColumns = columns.filter(\.isRequired)
    }

    private static func places(of columns: [ColumnDescription]) -> [String: Int] {
        Dictionary(columns.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public func column(named name: String) -> ColumnDescription? { places[name].map { columns[$0] } }
    /// The column's place in `columns` (catalogue order).
    func position(of name: String) -> Int? { places[name] }

    /// The record tables this one refers to.
    public var referencedTables: [String] {
        columns.compactMap { if case .reference(let table) = $0.kind { table } else { nil } }
    }
}
