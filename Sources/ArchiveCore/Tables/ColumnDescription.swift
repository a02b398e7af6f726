// One column as files see it (a CSV header, a JSON key) and as SQL stores it. Import, export and the codebook
// all read these, so a column's name, type and meaning are written once.

public final class ColumnDescription: Sendable {
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
    /// What a page calls the column: "Accession number", "Date" for date_text.
    public let label: String
    /// A choice's values as a page says them, where the value is an abbreviation ("SS": "Spring/Summer").
    private let valueLabels: [String: String]

    /// `label`: when the name in words ("accession_number": "Accession number") is not what a reader calls it.
    public init(_ name: String, _ kind: Kind, required: Bool = false, column: String? = nil, label: String? = nil,
                valueLabels: [String: String] = [:], meaning: String) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.meaning = meaning
        self.label = label ?? ColumnDescription.words(name)
        self.valueLabels = valueLabels
        if let column {
            self.column = column
        } else if case .reference = kind {
            self.column = name + "_id"
        } else {
            self.column = name
        }
    }

    /// A value of the column as a page says it: a choice or word in words ("design-drawing": "Design drawing",
    /// "creative_director": "Creative director"); other values as they are.
    public func label(of value: String) -> String {
        if let label = valueLabels[value] { return label }
        switch kind {
        case .choice, .word: return ColumnDescription.words(value)
        default: return value
        }
    }

    /// "accession_number" → "Accession number".
    public static func words(_ name: String) -> String {
        let words = String(name.map { $0 == "_" || $0 == "-" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    public static let years: ClosedRange<Int64> = 1...9999
    /// Objects' years may be before the common era: -1500 is 1500 BC.
    public static let objectYears: ClosedRange<Int64> = -9999...9999
}
