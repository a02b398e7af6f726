// Rows a front end already holds (a page of hits, a timeline, a record's row), with their columns, written by
// the archive's one writer: the CLI and the server give the same columns in the same formats.
import ArchiveStorage

public struct RowTable: Sendable {
    public let columns: [String]
    let rows: [[DatabaseValue]]

    public init(hits: [SearchHit]) {
        columns = SearchHit.columns
        rows = hits.map(\.row)
    }

    public init(facets: [Facet]) {
        columns = Facet.columns
        rows = facets.map(\.row)
    }

    public init(events: [TimelineEvent]) {
        columns = Timeline.columns.map(\.name)
        rows = events.map(\.row)
    }

    /// A table page's rows, as text.
    public init(page: TablePage) {
        columns = page.columns
        rows = page.rows.map { $0.map { $0.map(DatabaseValue.text) ?? .null } }
    }

    /// A query's rows read whole (a list or a preview of one).
    init(columns: [String], rows: [[DatabaseValue]]) {
        self.columns = columns
        self.rows = rows
    }

    public var count: Int { rows.count }

    /// Each cell as plain text (a number as digits, NULL as nothing), for a table people read.
    public var texts: [[String]] { rows.map { $0.map(\.plainText) } }

    public func write(to output: BufferedOutput, format: RowFormat, csv: RowWriter.CSVOptions = .init()) throws {
        let writer = try RowWriter(output: output, format: format, columns: columns, csv: csv)
        for row in rows { try writer.write(row) }
        try writer.finish()
    }
}

extension TimelineEvent {
    /// The event as a row of `Timeline.columns`.
    package var row: [DatabaseValue] {
        [earliest.map { .integer(Int64($0)) } ?? .null, latest.map { .integer(Int64($0)) } ?? .null,
         when.map(DatabaseValue.text) ?? .null, .text(kind), .text(slug), .text(name), .text(event),
         otherKind.map(DatabaseValue.text) ?? .null, other.map(DatabaseValue.text) ?? .null,
         otherName.map(DatabaseValue.text) ?? .null, source.map(DatabaseValue.text) ?? .null]
    }
}
