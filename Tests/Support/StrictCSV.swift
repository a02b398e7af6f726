// A strict RFC 4180 reader for checking what export writes, independent of the importer's reader: records end
// with exactly the expected line ending, a quote appears only around a field or doubled inside one, and every
// record has the header's number of fields. Any deviation throws.

public struct StrictCSV {
    public struct Violation: Error, CustomStringConvertible {
        public let description: String
    }

    public let header: [String]
    /// nil for an empty field (how NULL is written); quoted "" would be the empty string.
    public let rows: [[String?]]

    public init(_ text: String, lineEnding: String = "\r\n") throws {
        var records: [[String?]] = []
        var fields: [String?] = []
        var field = ""
        var quoted = false
        var index = text.startIndex
        let ending = Array(lineEnding)
        func atEnding(_ i: String.Index) -> Bool { text[i...].starts(with: ending) }
        var fieldStart = true
        while index < text.endIndex {
            let character = text[index]
            if fieldStart && character == "\"" {
                quoted = true
                fieldStart = false
                index = text.index(after: index)
                var closed = false
                while index < text.endIndex {
                    let inner = text[index]
                    index = text.index(after: index)
                    if inner == "\"" {
                        if index < text.endIndex && text[index] == "\"" {
                            field.append("\"")
                            index = text.index(after: index)
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        field.append(inner)
                    }
                }
                guard closed else { throw Violation(description: "unterminated quoted field") }
                guard index == text.endIndex || text[index] == "," || atEnding(index) else {
                    throw Violation(description: "text after a closing quote in record \(records.count + 1)")
                }
                continue
            }
            fieldStart = false
            if character == "," {
                fields.append(field.isEmpty && !quoted ? nil : field)
                field = ""
                quoted = false
                fieldStart = true
                index = text.index(after: index)
            } else if atEnding(index) {
                fields.append(field.isEmpty && !quoted ? nil : field)
                records.append(fields)
                fields = []
                field = ""
                quoted = false
                fieldStart = true
                index = text.index(index, offsetBy: ending.count)
            } else {
                guard character != "\"", character != "\r", character != "\n" else {
                    throw Violation(description: "an unquoted field holds \(character.debugDescription) in record \(records.count + 1)")
                }
                field.append(character)
                index = text.index(after: index)
            }
        }
        guard fields.isEmpty && field.isEmpty else { throw Violation(description: "the last record has no line ending") }
        guard let first = records.first else { throw Violation(description: "no header") }
        header = first.map { $0 ?? "" }
        for (number, record) in records.enumerated() where record.count != header.count {
            throw Violation(description: "record \(number + 1) has \(record.count) fields, the header \(header.count)")
        }
        rows = Array(records.dropFirst())
    }

    public func column(_ name: String) -> [String?] {
        guard let index = header.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}
