// A streaming JSON parser (RFC 8259) over a ByteReader: it parses one value at a time, so a file holding an
// array of a million records is read record by record. Strict: no comments, no trailing commas, no duplicate
// keys in an object, no NUL or invalid UTF-8, nesting at most 64 deep.

public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let message: String
    public var kind = ImportProblem.Kind.syntax
    /// The key (path of keys) whose value holds the error, when it is inside an object: "designers.role".
    public var field: String? = nil
    public var description: String { message }
}

public final class JSONParser {
    static let maximumDepth = 64

    let input: ByteReader
    private var scratch: [UInt8] = []
    /// How messages name the end of the input ("the end of the line" for one NDJSON line).
    var endOfInput = "the end of the file"
    /// When set, the line where each key and array item starts, by path ("born", "designers[2].role"), so that
    /// a problem found later can name its line (an edited record). Off for imports.
    var keyLines: [String: Int]?
    private var path = ""

    public init(_ input: ByteReader) {
        self.input = input
    }

    public var line: Int { input.line }
    public var offset: Int64 { input.offset }

    func fail(_ message: String, kind: ImportProblem.Kind = .syntax) -> JSONSyntaxError {
        JSONSyntaxError(line: input.line, message: message, kind: kind)
    }

    /// Skips spaces, tabs and line breaks; returns the next byte without consuming it.
    public func skipWhitespace() throws -> UInt8? {
        while let byte = try input.peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            _ = try input.next()
        }
        return nil
    }

    /// Skips a UTF-8 byte-order mark at the very start.
    func skipByteOrderMark() throws {
        guard try input.peek() == 0xEF else { return }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try input.next() == expected else { throw fail("the file starts with bytes that are not JSON") }
        }
    }

    func expect(_ byte: UInt8, _ what: String) throws {
        guard try skipWhitespace() == byte else { throw fail("expected \(what), found \(try describeNext())") }
        _ = try input.next()
    }

    func describeNext() throws -> String {
        guard let byte = try input.peek() else { return endOfInput }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    /// Parses one complete value.
    public func parseValue(depth: Int = 0) throws -> JSONValue {
        guard depth <= JSONParser.maximumDepth else {
            throw JSONSyntaxError(line: input.line, message: "nested more than \(JSONParser.maximumDepth) levels deep", kind: .limit)
        }
        guard let byte = try skipWhitespace() else { throw fail("expected a value, found \(endOfInput)") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["):
            _ = try input.next()
            var elements: [JSONValue] = []
            if try skipWhitespace() == UInt8(ascii: "]") {
                _ = try input.next()
                return .array(elements)
            }
            let parent = path
            defer { path = parent }
            while true {
                if keyLines != nil {
                    path = parent + "[\(elements.count + 1)]"
                    _ = try skipWhitespace()
                    keyLines?[path] = input.line
                }
                elements.append(try parseValue(depth: depth + 1))
                switch try skipWhitespace() {
                case UInt8(ascii: ","): _ = try input.next()
                case UInt8(ascii: "]"): _ = try input.next(); return .array(elements)
                default: throw fail("expected ',' or ']' in an array, found \(try describeNext())")
                }
            }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("expected a value, found \(try describeNext())")
        }
    }

    /// Reads one complete value and keeps nothing of it (what an answer holds beside its records): memory does
    /// not grow with the value, only with its nesting.
    func skipValue(depth: Int = 0) throws {
        guard depth <= JSONParser.maximumDepth else {
            throw JSONSyntaxError(line: input.line, message: "nested more than \(JSONParser.maximumDepth) levels deep", kind: .limit)
        }
        let open = try skipWhitespace()
        guard open == UInt8(ascii: "{") || open == UInt8(ascii: "[") else { _ = try parseValue(depth: depth); return }
        let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        _ = try input.next()
        if try skipWhitespace() == close {
            _ = try input.next()
            return
        }
        while true {
            if close == UInt8(ascii: "}") { _ = try parseKey() }
            try skipValue(depth: depth + 1)
            switch try skipWhitespace() {
            case UInt8(ascii: ","): _ = try input.next()
            case close: _ = try input.next(); return
            default: throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(try describeNext())")
            }
        }
    }

    /// A key in quotes and the ':' after it.
    func parseKey() throws -> String {
        guard try skipWhitespace() == UInt8(ascii: "\"") else { throw fail("expected a key in quotes, found \(try describeNext())") }
        let key = try parseString()
        try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
        return key
    }

    private func parseObject(depth: Int) throws -> JSONValue {
        _ = try input.next() // {
        var members: [(key: String, value: JSONValue)] = []
        if try skipWhitespace() == UInt8(ascii: "}") {
            _ = try input.next()
            return .object(members)
        }
        let parent = path
        defer { path = parent }
        // Keys seen, for the duplicate check: a list scan for a record's few keys, a set once there are many (a
        // line of 80,000 keys took 10 s when every key scanned the list).
        var keys: Set<String>?
        while true {
            guard try skipWhitespace() == UInt8(ascii: "\"") else { throw fail("expected a key in quotes, found \(try describeNext())") }
            let keyLine = input.line
            let key = try parseString()
            if keyLines != nil {
                path = parent.isEmpty ? key : parent + "." + key
                keyLines?[path] = keyLine
            }
            if members.count == 32 { keys = Set(members.map(\.key)) }
            let repeated = keys != nil ? !keys!.insert(key).inserted : members.contains(where: { $0.key == key })
            if repeated { throw fail("the key \"\(key)\" appears twice in one object") }
            try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
            do {
                members.append((key, try parseValue(depth: depth + 1)))
            } catch var error as JSONSyntaxError {
                error.field = error.field.map { key + "." + $0 } ?? key
                throw error
            }
            switch try skipWhitespace() {
            case UInt8(ascii: ","): _ = try input.next()
            case UInt8(ascii: "}"): _ = try input.next(); return .object(members)
            default: throw fail("expected ',' or '}' in an object, found \(try describeNext())")
            }
        }
    }

    private func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard try input.next() == expected else { throw fail("expected \(word)") }
        }
    }

    private func parseNumber() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        func digits() throws -> Int {
            var count = 0
            while let byte = try input.peek(), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                scratch.append(byte)
                _ = try input.next()
                count += 1
            }
            return count
        }
        if try input.peek() == UInt8(ascii: "-") { scratch.append(try input.next()!) }
        let integerStart = scratch.count
        guard try digits() > 0 else { throw fail("a number needs digits") }
        if scratch[integerStart] == UInt8(ascii: "0") && scratch.count - integerStart > 1 {
            throw fail("a number cannot start with 0 (write identifiers such as 0047 as strings: \"0047\")")
        }
        if try input.peek() == UInt8(ascii: ".") {
            scratch.append(try input.next()!)
            guard try digits() > 0 else { throw fail("a number needs digits after '.'") }
        }
        if let byte = try input.peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            scratch.append(try input.next()!)
            if let sign = try input.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { scratch.append(try input.next()!) }
            guard try digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private func parseString() throws -> String {
        let startLine = input.line
        _ = try input.next() // opening quote
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard let byte = try input.next() else { throw JSONSyntaxError(line: startLine, message: "a string is never closed (a '\"' is missing)") }
            switch byte {
            case UInt8(ascii: "\""):
                do {
                    return try TextDecoding.text(scratch)
                } catch let failure {
                    throw JSONSyntaxError(line: startLine, message: "a string \(failure.message)", kind: .encoding)
                }
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw fail("a string holds a raw control character (byte 0x\(String(byte, radix: 16))); escape it, e.g. \\n")
            default:
                if scratch.count >= CSVReader.maximumFieldBytes {
                    throw JSONSyntaxError(line: startLine, message: "a string is longer than \(CSVReader.maximumFieldBytes >> 20) MiB", kind: .limit)
                }
                scratch.append(byte)
            }
        }
    }

    private func parseEscape() throws {
        guard let byte = try input.next() else { throw fail("a string ends inside an escape") }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard try input.next() == UInt8(ascii: "\\"), try input.next() == UInt8(ascii: "u") else {
                    throw fail("a \\u escape holds half of a surrogate pair", kind: .encoding)
                }
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape holds half of a surrogate pair", kind: .encoding) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("a \\u escape holds half of a surrogate pair", kind: .encoding)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("a \\u escape is not a character") }
            scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw fail("unknown escape \\\(Character(Unicode.Scalar(byte)))")
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try input.next(), let digit = UInt32(String(Unicode.Scalar(byte)), radix: 16) else {
                throw fail("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        return value
    }
}
