// One thing wrong with the input, located so that a user can fix it: `file:line: field: what is wrong`,
// and for JSON the record's number and slug.

public struct ImportProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of wrong it is, for programs and tests (the message says it for people).
    public enum Kind: String, Sendable {
        /// The file is not well-formed CSV or JSON (unclosed quote, wrong number of fields, bad token).
        case syntax
        /// Bytes that are not acceptable text: invalid UTF-8, NUL, a byte-order mark inside the data.
        case encoding
        /// Beyond a limit that keeps memory bounded (field size, nesting depth).
        case limit
        /// A value of the wrong type or outside its vocabulary or range.
        case type
        /// A required field absent or empty.
        case missing
        case unknownField = "unknown-field"
        case unknownTable = "unknown-table"
        /// A slug that names no record in the archive or the import.
        case reference
        /// A key that comes twice in one import.
        case duplicate
        /// A rule of the schema across fields (a CHECK constraint).
        case rule
        /// The file cannot be read at all.
        case unreadable
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    /// 1-based position of the record in a JSON array or NDJSON file.
    public var record: Int?
    public var slug: String?
    public var field: String?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, record: Int? = nil, slug: String? = nil, field: String? = nil,
                message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.record = record
        self.slug = slug
        self.field = field
        self.message = message
    }

    /// One line, whatever the file is called or the input holds (a newline in a name is written `\n`).
    public var description: String {
        var text = file.escapingControlCharacters
        if let line { text += ":\(line)" }
        if let record { text += ": record \(record)" + (slug.map { " (\($0.escapingControlCharacters))" } ?? "") }
        if let field { text += ": \(field.escapingControlCharacters)" }
        return text + ": " + message.escapingControlCharacters
    }
}

/// An import that did not happen: every problem found (up to the limit); the archive is unchanged.
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public let problems: [ImportProblem]
    /// True when reading stopped at the limit and there may be more.
    public let truncated: Bool

    public var description: String {
        let count = "\(problems.count)\(truncated ? "+" : "") problem\(problems.count == 1 ? "" : "s")"
        return (problems.map(\.description) + ["import failed with \(count); the archive was not changed"]).joined(separator: "\n")
    }
}
