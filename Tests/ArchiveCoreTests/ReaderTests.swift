// The CSV and JSON readers on their own: RFC 4180 quoting, line endings, JSON's strictness.
@testable import ArchiveCore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct CSVReaderTests {
    private func records(_ text: String) throws -> [[String]] {
        try records(Array(text.utf8))
    }

    private func records(_ bytes: [UInt8]) throws -> [[String]] {
        let reader = CSVReader(ByteReader(bytes: bytes))
        var result: [[String]] = []
        while let record = try reader.next() { result.append(record.fields) }
        return result
    }

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        #expect(try records(text) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"]])
    }

    @Test func everyLineEndingEndsARecord() throws {
        #expect(try records("a,b\r\n1,2\n3,4\r5,6") == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        #expect(try records("a,,c\n\n,,\n\"\",x,\n") == [["a", "", "c"], ["", "", ""], ["", "x", ""]])
        #expect(try records("") == [])
        #expect(try records("\n\n") == [])
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        #expect(try records([0xEF, 0xBB, 0xBF] + Array("slug\nx\n".utf8)) == [["slug"], ["x"]])
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let reader = CSVReader(ByteReader(bytes: Array("h\n\"a\nb\nc\"\nnext\r\n\r\nlast".utf8)))
        var lines: [Int] = []
        while let record = try reader.next() { lines.append(record.line) }
        #expect(lines == [1, 2, 5, 7])
    }

    @Test func unterminatedQuoteNamesTheLineItOpensOn() {
        #expect(throws: CSVReader.Failure.self) { try records("a\n\"open\nmore\n") }
        do {
            _ = try records("a\n\"open\nmore\n")
        } catch let failure as CSVReader.Failure {
            #expect(failure.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(throws: CSVReader.Failure.self) { try records("\"a\"b,c\n") }
    }

    @Test func aBadRecordDoesNotStopTheNextOne() throws {
        let reader = CSVReader(ByteReader(bytes: Array("a,b\n".utf8) + [0xFF] + Array(",x\nok,y\n".utf8)))
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(throws: CSVReader.Failure.self) { try reader.next() }
        #expect(try reader.next()?.fields == ["ok", "y"])
    }

    @Test func readsAFileBiggerThanItsBuffer() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("big.csv")
        var text = "slug,description\n"
        for index in 0..<20_000 { text += "row-\(index),\"line one, with comma\nline two \"\"quoted\"\"\"\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = CSVReader(try ByteReader(path: path))
        var count = 0
        while let record = try reader.next() {
            if count > 0 { #expect(record.fields[1] == "line one, with comma\nline two \"quoted\"") }
            count += 1
        }
        #expect(count == 20_001)
    }
}

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser(ByteReader(bytes: Array(text.utf8))).parseValue()
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#"{"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "": ""}"#)
        #expect(value == .object([
            ("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
            ("b", .object([("c", .string("d"))])),
            ("", .string("")),
        ]))
    }

    /// An object of 50,000 keys (a line of 80,000 took 10 s when each key scanned the list of those before it):
    /// every key kept in order, and a duplicate found wherever it is, among few keys or many.
    @Test func aDuplicateKeyIsFoundAmongFewKeysOrMany() throws {
        let keys = (0..<50_000).map { "\"k\($0)\": \($0)" }
        guard case .object(let members) = try parse("{" + keys.joined(separator: ", ") + "}") else { Issue.record("not an object"); return }
        #expect(members.count == 50_000 && members.last?.key == "k49999" && members[31].key == "k31" && members[32].key == "k32")
        for (count, repeated) in [(3, "k1"), (31, "k0"), (32, "k0"), (33, "k32"), (50_000, "k3"), (50_000, "k49999")] {
            let text = "{" + keys.prefix(count).joined(separator: ", ") + ", \"\(repeated)\": 0}"
            #expect(throws: JSONSyntaxError.self, "\(repeated) after \(count) keys") { try parse(text) }
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""\"\\\/\b\f\n\r\t\u00e9\ud83e\ude70""#) == .string("\"\\/\u{8}\u{C}\n\r\té🩰"))
        #expect(try parse("\"Céline — “ballet”\"") == .string("Céline — “ballet”"))
    }

    @Test func numbersKeepTheirText() throws {
        #expect(try parse("123456789012345678901234567890") == .number("123456789012345678901234567890"))
        #expect(try parse("0") == .number("0"))
    }

    @Test(arguments: [
        "[1,]", "{\"a\":1,}", "{'a': 1}", "[01]", "\"unterminated", "\"bad \\x escape\"", "\"\\ud800\"", "tru",
        "{\"a\" 1}", "[1 2]", "\"raw\ttab\"", "{\"a\":1,\"a\":2}", "-", "1.", "1e", "// comment",
    ])
    func rejects(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try parse(text) }
    }

    @Test func limitsNesting() throws {
        _ = try parse(String(repeating: "[", count: 60) + String(repeating: "]", count: 60))
        #expect(throws: JSONSyntaxError.self) { try parse(String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)) }
    }
}
