// Each table as files see it, column by column (`archive schema`): the name in files, the kind of value and the
// values it takes, whether it is required, what it means. Read from the catalogue (Tables); the kinds are put in
// words once, here, for the schema, the codebook and Datasette's metadata alike.
import ArchiveStorage

extension ColumnDescription.Kind {
    /// The kind in one word: slug, text, word, integer, choice or reference.
    public var name: String {
        switch self {
        case .slug: "slug"
        case .text: "text"
        case .word: "word"
        case .integer: "integer"
        case .choice: "choice"
        case .reference: "reference"
        }
    }

    /// What a file holds: text, integer or slug (the codebook's type).
    var fileType: String {
        switch self {
        case .slug, .reference: "slug"
        case .integer: "integer"
        case .text, .word, .choice: "text"
        }
    }

    /// The values the column takes, in words ("" for any text). None starts with a character a spreadsheet
    /// takes for a formula (- + = @): the codebook is the archive's own text, and must read as written in a
    /// spreadsheet, without the apostrophe the formula guard would put before `-9999 to 9999`.
    public var allowedValues: String {
        switch self {
        case .slug: Slug.rule
        case .text: ""
        case .word: "any word or words in lowercase"
        case .integer(let range): "from \(range.lowerBound) to \(range.upperBound)"
        case .choice(let values): values.joined(separator: " | ")
        case .reference(let table): "a slug of \(table)"
        }
    }
}

extension RowTable {
    /// The columns of `tables`, one row each: table, column, type, values, required (1 or 0), meaning.
    public init(schemaOf tables: [TableDescription]) {
        self.init(columns: ["table", "column", "type", "values", "required", "meaning"], rows: tables.flatMap { table in
            table.columns.map { column in
                [.text(table.name), .text(column.name), .text(column.kind.name),
                 column.kind.allowedValues.isEmpty ? .null : .text(column.kind.allowedValues),
                 .integer(column.isRequired ? 1 : 0), .text(column.meaning)]
            }
        })
    }
}
