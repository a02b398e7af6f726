// A record read from an input file, before it is checked against its table: names and JSON-like values.
// CSV fields arrive as strings (an empty field is null); JSON keeps its types.

public struct InputRecord {
    public let line: Int
    /// 1-based record number for JSON and NDJSON, nil for CSV (whose line says it all).
    public let number: Int?
    public let fields: [(name: String, value: JSONValue)]
    /// For CSV, the line of the header that named the fields.
    public var headerLine: Int? = nil
    /// The table a mapped row goes to (a mapping makes rows of several tables from one row of a file); nil: the file's.
    public var target: String? = nil

    public func value(_ name: String) -> JSONValue? { fields.first { $0.name == name }?.value }

    /// The record's slug when it has a text one, to name it in messages.
    public var slug: String? {
        if case .string(let slug) = value("slug") { slug } else { nil }
    }
}

/// What a reader hands over: a record, or a problem with one record after which reading can go on.
public enum ReadOutcome {
    case record(InputRecord)
    case problem(ImportProblem)
}

/// Reads records from one file. A thrown problem ends the file (it cannot be read further).
public protocol RecordReader: AnyObject {
    func next() throws(ImportProblem) -> ReadOutcome?
    /// Bytes read so far, for progress.
    var offset: Int64 { get }
}
