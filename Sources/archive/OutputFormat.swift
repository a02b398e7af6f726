// --format for commands that print records: aligned text for people, JSON for programs.
import ArchiveCore
import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// --format for commands that print rows: an aligned table for people, or CSV, JSON, NDJSON for programs.
enum RowOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, ndjson

    var rowFormat: RowFormat? { RowFormat(rawValue: rawValue) }
}

func jsonString(_ text: String) -> String { JSONText.quoted(text) }

/// Pads each column to its widest cell; the last column is not padded.
func alignedTable(_ rows: [[String]]) -> String {
    guard let columns = rows.map(\.count).max(), columns > 0 else { return "" }
    let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { column, cell in
            column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
