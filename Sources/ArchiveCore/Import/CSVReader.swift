// A streaming RFC 4180 reader: comma-separated, fields quoted with '"' and quotes doubled inside them,
// records ended by CRLF, LF or CR (mixed endings are fine), newlines allowed inside quoted fields.
// A UTF-8 byte-order mark at the start is skipped. Each record comes with the line it starts on.

public final class CSVReader {
    public struct Record {
        /// The line the record starts on (1-based).
        public let line: Int
        public let fields: [String]
    }

    public enum Failure: Error, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        case fieldTooLong(line: Int)
        case textAfterClosingQuote(line: Int)
        case badText(line: Int, field: Int, TextDecoding.Failure)
        case read(ReadError)

        public var line: Int? {
            switch self {
            case .unterminatedQuote(let line), .fieldTooLong(let line), .textAfterClosingQuote(let line), .badText(let line, _, _): line
            case .read: nil
            }
        }

        var kind: ImportProblem.Kind {
            switch self {
            case .unterminatedQuote, .textAfterClosingQuote: .syntax
            case .fieldTooLong: .limit
            case .badText: .encoding
            case .read: .unreadable
            }
        }

        public var description: String {
            switch self {
            case .unterminatedQuote: "a quoted field is never closed (a '\"' is missing)"
            case .fieldTooLong: "a field is longer than \(CSVReader.maximumFieldBytes >> 20) MiB (is a closing quote missing?)"
            case .textAfterClosingQuote: "text follows a closing quote; a quote inside a quoted field must be doubled (\"\")"
            case .badText(_, let field, let failure): "field \(field) \(failure.message)"
            case .read(let error): error.description
            }
        }
    }

    /// Longer fields are refused, so that a stray quote cannot make the reader hold the rest of a huge file.
    public static let maximumFieldBytes = 16 << 20

    private let input: ByteReader
    private var startedReading = false
    /// The first field of the current record whose bytes are not acceptable text (reported once it is read).
    private var badField: (field: Int, failure: TextDecoding.Failure)?
    private var field: [UInt8] = []

    public init(_ input: ByteReader) {
        self.input = input
    }

    /// Bytes read so far, for progress.
    public var offset: Int64 { input.offset }

    /// The next record, or nil at the end of the input. Blank lines are skipped.
    public func next() throws(Failure) -> Record? {
        do {
            if !startedReading {
                startedReading = true
                try skipByteOrderMark()
            }
            while true {
                let line = input.line
                guard try input.peek() != nil else { return nil }
                var fields: [String] = []
                badField = nil
                let isBlank = try readRecord(into: &fields, line: line)
                // The whole record is read before its bad text is reported, so reading can go on after it.
                if let badField { throw Failure.badText(line: line, field: badField.field, badField.failure) }
                if !isBlank { return Record(line: line, fields: fields) }
            }
        } catch let error as Failure {
            throw error
        } catch let error as ReadError {
            throw .read(error)
        } catch {
            fatalError("unexpected error \(error)")
        }
    }

    private func skipByteOrderMark() throws {
        guard try input.peek() == 0xEF else { return }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var consumed: [UInt8] = []
        while consumed.count < 3, let byte = try input.peek(), byte == bom[consumed.count] {
            consumed.append(byte)
            _ = try input.next()
        }
        // A lone 0xEF that was not a BOM stays as data of the first field.
        if consumed.count < 3 { field = consumed }
    }

    /// Reads one record; returns true when the line was blank (no fields at all).
    private func readRecord(into fields: inout [String], line: Int) throws -> Bool {
        var sawAnything = !field.isEmpty
        while true {
            let fieldLine = input.line
            var quoted = false
            if try input.peek() == UInt8(ascii: "\"") {
                quoted = true
                sawAnything = true
                _ = try input.next()
                try readQuotedField(startLine: fieldLine)
            }
            // Unquoted field, or what follows a closing quote.
            if quoted {
                if let byte = try input.peek(), byte != UInt8(ascii: ",") && byte != 0x0A && byte != 0x0D {
                    throw Failure.textAfterClosingQuote(line: input.line)
                }
            } else {
                let before = field.count
                let stop = try input.read(into: &field, limit: CSVReader.maximumFieldBytes) {
                    $0 == UInt8(ascii: ",") || $0 == 0x0A || $0 == 0x0D
                }
                if stop == .limit { throw Failure.fieldTooLong(line: fieldLine) }
                if field.count > before { sawAnything = true }
            }
            do {
                fields.append(try TextDecoding.text(field))
            } catch let failure {
                if badField == nil { badField = (fields.count + 1, failure) }
                fields.append("")
            }
            field.removeAll(keepingCapacity: true)
            switch try input.next() {
            case UInt8(ascii: ","):
                sawAnything = true
                continue
            case 0x0D:
                if try input.peek() == 0x0A { _ = try input.next() }
                return !sawAnything
            default: // LF or end of input
                return !sawAnything
            }
        }
    }

    private func readQuotedField(startLine: Int) throws {
        while true {
            switch try input.read(into: &field, limit: CSVReader.maximumFieldBytes, until: { $0 == UInt8(ascii: "\"") }) {
            case .endOfInput: throw Failure.unterminatedQuote(line: startLine)
            case .limit: throw Failure.fieldTooLong(line: startLine)
            case .byte: break
            }
            _ = try input.next() // the quote
            guard try input.peek() == UInt8(ascii: "\"") else { return }
            _ = try input.next()
            field.append(UInt8(ascii: "\""))
        }
    }
}
