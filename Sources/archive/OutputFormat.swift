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

/// Pads each column to its widest cell; lines carry no trailing spaces. A cell is one line: a line break or
/// tab inside it is a space, and other control characters are written as escapes (`\u{1B}`), so that text
/// stored in the archive cannot drive the terminal.
func alignedTable(_ rows: [[String]]) -> String {
    let rows = rows.map { row in row.map { String($0.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }).escapingControlCharacters } }
    guard let columns = rows.map(\.count).max(), columns > 0 else { return "" }
    let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    return rows.map { row in
        var line = row.enumerated().map { column, cell in
            cell + String(repeating: " ", count: widths[column] - cell.count)
        }.joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }.joined(separator: "\n") + "\n"
}
