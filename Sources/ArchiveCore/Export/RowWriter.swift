// Writes rows of values as CSV (RFC 4180), JSON (an array of objects) or NDJSON (one object per line), with
// the same columns in the same order every time. Export and search results share it.
import ArchiveStorage
import Glibc

public enum RowFormat: String, CaseIterable, Sendable {
    case csv, json, ndjson
}

public final class RowWriter {
    public struct CSVOptions: Sendable {
        /// CRLF between records (RFC 4180); false for LF.
        public var crlf = true
        /// Prefix cells that a spreadsheet would run as formulas with an apostrophe.
        public var formulaGuard = true
        /// Start the file with a UTF-8 byte-order mark (for Excel).
        public var byteOrderMark = false
        public init(crlf: Bool = true, formulaGuard: Bool = true, byteOrderMark: Bool = false) {
            self.crlf = crlf
            self.formulaGuard = formulaGuard
            self.byteOrderMark = byteOrderMark
        }
    }

    private let output: BufferedOutput
    private let format: RowFormat
    private let columns: [String]
    private let csv: CSVOptions
    private var rows = 0
    private let keys: [[UInt8]]

    public init(output: BufferedOutput, format: RowFormat, columns: [String], csv: CSVOptions = CSVOptions()) throws(OutputError) {
        self.output = output
        self.format = format
        self.columns = columns
        self.csv = csv
        keys = columns.map { Array((JSONText.quoted($0) + ":").utf8) }
        switch format {
        case .csv:
            if csv.byteOrderMark { for byte: UInt8 in [0xEF, 0xBB, 0xBF] { try output.write(byte) } }
            for (index, column) in columns.enumerated() {
                if index > 0 { try output.write(UInt8(ascii: ",")) }
                try writeCSVField(Array(column.utf8), guarded: false)
            }
            try endCSVRecord()
        case .json: try output.write(UInt8(ascii: "["))
        case .ndjson: break
        }
    }

    /// Writes one row; `values` are in the order of `columns`.
    package func write(_ values: [DatabaseValue]) throws(OutputError) {
        switch format {
        case .csv:
            for (index, value) in values.enumerated() {
                if index > 0 { try output.write(UInt8(ascii: ",")) }
                switch value {
                case .null: break
                case .integer(let number): try output.write(String(number))
                case .real(let number): try output.write(String(number))
                case .text(let text): try writeCSVField(Array(text.utf8), guarded: csv.formulaGuard)
                case .blob(let bytes): try writeCSVField(bytes, guarded: false)
                }
            }
            try endCSVRecord()
        case .json, .ndjson:
            if format == .json { try output.write(rows == 0 ? "\n" : ",\n") }
            try output.write(UInt8(ascii: "{"))
            for (index, value) in values.enumerated() {
                if index > 0 { try output.write(UInt8(ascii: ",")) }
                try keys[index].withUnsafeBufferPointer { (bytes) throws(OutputError) in try output.write(bytes) }
                try output.write(JSONText.value(value))
            }
            try output.write(UInt8(ascii: "}"))
            if format == .ndjson { try output.write(UInt8(ascii: "\n")) }
        }
        rows += 1
    }

    /// Writes the current row of a statement, straight from SQLite's buffers: no String is made for CSV cells.
    package func write(_ row: Row) throws(OutputError) {
        guard format == .csv else {
            return try write((0..<row.count).map { row.value(at: $0) })
        }
        for index in 0..<row.count {
            if index > 0 { try output.write(UInt8(ascii: ",")) }
            let guarded = csv.formulaGuard && row.isText(at: index)
            try row.withUnsafeUTF8(at: index) { (bytes) throws(OutputError) in
                if let bytes { try writeCSVField(bytes, guarded: guarded) }
            }
        }
        try endCSVRecord()
        rows += 1
    }

    /// Ends the document (closes a JSON array) and flushes.
    public func finish() throws(OutputError) {
        if format == .json { try output.write(rows == 0 ? "]\n" : "\n]\n") }
        try output.flush()
    }

    private func endCSVRecord() throws(OutputError) {
        if csv.crlf { try output.write(0x0D) }
        try output.write(0x0A)
    }

    private func writeCSVField(_ bytes: [UInt8], guarded: Bool) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in try writeCSVField(buffer, guarded: guarded) }
    }

    /// A field quoted when it holds a comma, quote, CR or LF, with quotes doubled. memchr (vectorised in libc)
    /// finds those bytes: a byte-by-byte scan was a third of an export's instructions.
    private func writeCSVField(_ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool) throws(OutputError) {
        let guardIt = guarded && FormulaGuard.needsGuard(bytes)
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return guardIt ? try output.write(UInt8(ascii: "'")) : ()
        }
        let raw = UnsafeRawPointer(base)
        let quote = memchr(raw, Int32(UInt8(ascii: "\"")), bytes.count)
        let needsQuotes = quote != nil || memchr(raw, Int32(UInt8(ascii: ",")), bytes.count) != nil
            || memchr(raw, 0x0A, bytes.count) != nil || memchr(raw, 0x0D, bytes.count) != nil
        if needsQuotes { try output.write(UInt8(ascii: "\"")) }
        if guardIt { try output.write(UInt8(ascii: "'")) }
        guard needsQuotes else { return try output.write(bytes) }
        // Copy the runs between quotes whole, doubling each quote.
        var start = 0
        var next = quote
        while let found = next {
            let index = UnsafeRawPointer(found) - raw
            try output.write(UnsafeBufferPointer(rebasing: bytes[start...index]))
            try output.write(UInt8(ascii: "\""))
            start = index + 1
            next = start < bytes.count ? memchr(raw + start, Int32(UInt8(ascii: "\"")), bytes.count - start) : nil
        }
        try output.write(UnsafeBufferPointer(rebasing: bytes[start...]))
        try output.write(UInt8(ascii: "\""))
    }
}

/// JSON text for values (RFC 8259), without Foundation.
public enum JSONText {
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A number as JSON has it (null when it is not finite).
    public static func number(_ number: Double) -> String { value(.real(number)) }

    package static func value(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let number): String(number)
        case .real(let number): number.isFinite ? String(number) : "null"
        case .text(let text): quoted(text)
        // Two hex digits a byte: 01 23 and 12 03 must not both print "123".
        case .blob(let bytes): quoted(bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
    }
}
