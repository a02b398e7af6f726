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

    init(_ input: ByteReader, file: String, layout: Layout) {
        parser = JSONParser(input)
        self.file = file
        self.layout = layout
    }

    var offset: Int64 { parser.offset }

    func next() throws(ImportProblem) -> ReadOutcome? {
        do {
            return try layout == .array ? nextInArray() : nextLine()
        } catch let error as JSONSyntaxError {
            throw ImportProblem(file: file, line: error.line, record: layout == .array && started ? count + 1 : nil, message: error.message)
        } catch let error as ImportProblem {
            throw error
        } catch let error as ReadError {
            throw ImportProblem(file: file, message: error.description)
        } catch {
            throw ImportProblem(file: file, message: "\(error)")
        }
    }

    private func nextInArray() throws -> ReadOutcome? {
        if finished { return nil }
        if !started {
            try parser.skipByteOrderMark()
            guard try parser.skipWhitespace() != nil else { finished = true; return nil } // an empty file holds no records
            try parser.expect(UInt8(ascii: "["), "'[' (a JSON file holds an array of objects)")
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
        if try parser.skipWhitespace() != nil { throw parser.fail("unexpected text after the closing ']'") }
    }

    private func nextLine() throws -> ReadOutcome? {
        if !started {
            started = true
            try parser.skipByteOrderMark()
        }
        while true {
            // Skip blank lines.
            while let byte = try parser.input.peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                _ = try parser.input.next()
            }
            guard try parser.input.peek() != nil else { return nil }
            let line = parser.line
            do {
                let value = try parser.parseValue()
                while let byte = try parser.input.peek(), byte == 0x20 || byte == 0x09 { _ = try parser.input.next() }
                if let byte = try parser.input.peek(), byte != 0x0A && byte != 0x0D {
                    throw parser.fail("a line holds more than one JSON value")
                }
                return try record(from: value, line: line)
            } catch let error as JSONSyntaxError {
                // One bad line does not hide the others: report it and go on at the next line.
                count += 1
                try skipRestOfLine(from: line)
                return .problem(ImportProblem(file: file, line: error.line, record: count, message: error.message))
            }
        }
    }

    private func skipRestOfLine(from line: Int) throws {
        while parser.line == line, try parser.input.next() != nil {}
    }

    private func record(from value: JSONValue, line: Int) throws -> ReadOutcome {
        count += 1
        guard case .object(let members) = value else {
            return .problem(ImportProblem(file: file, line: line, record: count, message: "expected an object, found \(value.kindDescription)"))
        }
        return .record(InputRecord(line: line, number: count, fields: members.map { (name: $0.key, value: $0.value) }))
    }
}
