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
    var layout = TableLayout()
    let rows = rows.map(TableLayout.cells)
    for row in rows { layout.measure(row) }
    guard !layout.widths.isEmpty else { return "" }
    return rows.map(layout.line).joined(separator: "\n") + "\n"
}

/// The columns of an aligned table, measured before any line is written, so that a table too long to hold
/// (a whole timeline) can be written as `alignedTable` writes it by reading its rows twice: `measure` every
/// row, then write each row's `line`. Only the widths are kept, never the rows.
struct TableLayout {
    private(set) var widths: [Int] = []

    /// A row's cells as the table shows them: each on one line, control characters escaped.
    static func cells(_ row: [String]) -> [String] {
        row.map { cell in
            // Most cells hold no line break or tab, and are not rebuilt character by character.
            let breaks = cell.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            let line = breaks ? String(cell.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }) : cell
            return line.escapingControlCharacters
        }
    }

    /// Widens the columns to fit `cells` (from `cells(_:)`).
    mutating func measure(_ cells: [String]) {
        for (column, cell) in cells.enumerated() {
            if column == widths.count { widths.append(0) }
            widths[column] = max(widths[column], cell.count)
        }
    }

    /// `cells` (from `cells(_:)`) padded to the widths measured, without trailing spaces or a line break.
    func line(_ cells: [String]) -> String {
        var line = cells.enumerated().map { column, cell in
            cell + String(repeating: " ", count: widths[column] - cell.count)
        }.joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }
}
