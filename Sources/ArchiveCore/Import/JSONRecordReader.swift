// JSON input: a file holding one array of objects, or NDJSON / JSON Lines (one object per line).
// Both stream: one record is parsed at a time.

final class JSONRecordReader: RecordReader {
    enum Layout { case array, lines }

    private let parser: JSONParser
    private let file: String
    private let layout: Layout
    private var started = false
    private var finished = false
    private var count = 0
    private var lineBytes: [UInt8] = []
    /// Keys from the top object down to the array of records (an API response's `records`); empty: the file is the array.
    private let recordPath: [String]

    init(_ input: ByteReader, file: String, layout: Layout, recordPath: [String] = []) {
        parser = JSONParser(input)
        self.file = file
        self.layout = layout
        self.recordPath = recordPath
    }

    var offset: Int64 { parser.offset }

    func next() throws(ImportProblem) -> ReadOutcome? {
        do {
            return try layout == .array ? nextInArray() : nextLine()
        } catch let error as JSONSyntaxError {
            throw ImportProblem(error.kind, file: file, line: error.line, record: layout == .array && started ? count + 1 : nil,
                                field: error.field, message: error.message)
        } catch let error as ImportProblem {
            throw error
        } catch let error as ReadError {
            throw ImportProblem(.unreadable, file: file, message: error.description)
        } catch {
            throw ImportProblem(.syntax, file: file, message: "\(error)")
        }
    }

    private func nextInArray() throws -> ReadOutcome? {
        if finished { return nil }
        if !started {
            try parser.skipByteOrderMark()
            guard try parser.skipWhitespace() != nil else { finished = true; return nil } // an empty file holds no records
            try enterRecordPath()
            try parser.expect(UInt8(ascii: "["), recordPath.isEmpty ? "'[' (a JSON file holds an array of objects)" : "'[' (\(recordPath.joined(separator: ".")) holds the list of records)")
            started = true
            if try parser.skipWhitespace() == UInt8(ascii: "]") {
                _ = try parser.input.next()
                try expectEnd()
                return nil
            }
        } else {
            switch try parser.skipWhitespace() {
            case UInt8(ascii: ","):
                _ = try parser.input.next()
            case UInt8(ascii: "]"):
                _ = try parser.input.next()
                try expectEnd()
                return nil
            default:
                throw parser.fail("expected ',' or ']' after record \(count), found \(try parser.describeNext())")
            }
        }
        _ = try parser.skipWhitespace()
        let line = parser.line
        return try record(from: parser.parseValue(depth: 1), line: line)
    }

    private func expectEnd() throws {
        finished = true
        // The rest of each object around the records, read as any other value: it holds no records.
        for _ in recordPath {
            closing: while true {
                switch try parser.skipWhitespace() {
                case UInt8(ascii: ","):
                    _ = try parser.input.next()
                    _ = try parser.parseKey()
                    try parser.skipValue(depth: 1)
                case UInt8(ascii: "}"):
                    _ = try parser.input.next()
                    break closing
                default:
                    throw parser.fail("expected ',' or '}' in an object, found \(try parser.describeNext())")
                }
            }
        }
        if try parser.skipWhitespace() != nil { throw parser.fail("unexpected text after the closing \(recordPath.isEmpty ? "']'" : "'}'")") }
    }

    /// Reads down the keys of `recordPath` to the value of the last, skipping the values before each.
    private func enterRecordPath() throws {
        for (depth, key) in recordPath.enumerated() {
            let path = recordPath[...depth].joined(separator: ".")
            try parser.expect(UInt8(ascii: "{"), "'{' (the mapping's record_path \(recordPath.joined(separator: ".")) starts in an object)")
            while true {
                guard try parser.skipWhitespace() == UInt8(ascii: "\"") else { throw parser.fail("the file has no \(path) (the mapping's record_path)") }
                let found = try parser.parseKey()
                if found == key { break }
                try parser.skipValue(depth: 1)
                switch try parser.skipWhitespace() {
                case UInt8(ascii: ","): _ = try parser.input.next()
                case UInt8(ascii: "}"): throw parser.fail("the file has no \(path) (the mapping's record_path)")
                default: throw parser.fail("expected ',' or '}' in an object, found \(try parser.describeNext())")
                }
            }
            _ = try parser.skipWhitespace()
        }
    }

    /// NDJSON: each line is parsed on its own, so a broken line cannot swallow the next one.
    private func nextLine() throws -> ReadOutcome? {
        let input = parser.input
        if !started {
            started = true
            try parser.skipByteOrderMark()
        }
        while true {
            let line = input.line
            lineBytes.removeAll(keepingCapacity: true)
            var sawEnd = true
            var tooLong = false
            while let byte = try input.next() {
                if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, try input.peek() == 0x0A { _ = try input.next() }
                    sawEnd = false
                    break
                }
                // A line over the limit is read to its end but not kept: memory stays flat.
                if lineBytes.count >= CSVReader.maximumFieldBytes { tooLong = true } else { lineBytes.append(byte) }
            }
            if tooLong {
                count += 1
                return .problem(ImportProblem(.limit, file: file, line: line, record: count,
                                              message: "the line is longer than \(CSVReader.maximumFieldBytes >> 20) MiB"))
            }
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if sawEnd { return nil }
                continue
            }
            let lineParser = JSONParser(ByteReader(bytes: lineBytes))
            lineParser.endOfInput = "the end of the line"
            do {
                let value = try lineParser.parseValue()
                if try lineParser.skipWhitespace() != nil { throw lineParser.fail("a line holds more than one JSON value") }
                return try record(from: value, line: line)
            } catch let error as JSONSyntaxError {
                count += 1
                return .problem(ImportProblem(error.kind, file: file, line: line, record: count, field: error.field, message: error.message))
            }
        }
    }

    private func record(from value: JSONValue, line: Int) throws -> ReadOutcome {
        count += 1
        guard case .object(let members) = value else {
            return .problem(ImportProblem(.syntax, file: file, line: line, record: count, message: "expected an object, found \(value.kindDescription)"))
        }
        return .record(InputRecord(line: line, number: count, fields: members.map { (name: $0.key, value: $0.value) }))
    }
}
