// One column as files see it (a CSV header, a JSON key) and as SQL stores it. Import, export and the codebook
// all read these, so a column's name, type and meaning are written once.

public struct ColumnDescription: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The record's natural key (see Slug).
        case slug
        case text
        /// An open vocabulary kept in lowercase (a maker's role: designer, weaver): imported text is lowercased.
        case word
        /// A whole number in the range (years).
        case integer(ClosedRange<Int64>)
        /// One of a fixed vocabulary (the schema's CHECK).
        case choice([String])
        /// The slug of a record in another table; stored as that record's id.
        case reference(table: String)
    }

    /// The name in files: `designer`, `year`, `source`.
    public let name: String
    /// The column in SQL: `designer_id`, `year`, `source_id`.
    public let column: String
    public let kind: Kind
    public let isRequired: Bool
    /// What the column means, for the codebook.
    public let meaning: String

    public init(_ name: String, _ kind: Kind, required: Bool = false, column: String? = nil, meaning: String) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.meaning = meaning
        if let column {
            self.column = column
        } else if case .reference = kind {
            self.column = name + "_id"
        } else {
            self.column = name
        }
    }

    public static let years: ClosedRange<Int64> = 1...9999
    /// Objects' years may be before the common era: -1500 is 1500 BC.
    public static let objectYears: ClosedRange<Int64> = -9999...9999
}
