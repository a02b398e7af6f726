// Checks one input value against its column and turns it into what SQL stores, with a message that says
// what was expected when it does not fit. Identifiers stay text: "0047" is not 47.
import ArchiveStorage

extension ColumnDescription {
    /// The value to bind, or a message saying what is wrong. References come back as their slug (text),
    /// which the writer resolves to an id. Null and empty text are both "unknown" (nil).
    func convert(_ value: JSONValue) -> Result<DatabaseValue, ConversionError> {
        if case .null = value { return .success(.null) }
        if case .string(let text) = value, text.isEmpty { return .success(.null) }
        switch kind {
        case .text:
            switch value {
            case .string(let text): return .success(.text(text))
            case .number(let literal): return .success(.text(literal))
            default: return .failure(.init("expected text, found \(value.kindDescription)"))
            }
        case .word:
            switch value {
            case .string(let text): return .success(.text(text.lowercased()))
            default: return .failure(.init("expected a word, found \(value.kindDescription)"))
            }
        case .slug, .reference:
            guard case .string(let text) = value else { return .failure(.init("expected a slug in quotes, found \(value.kindDescription)")) }
            guard Slug.isValid(text) else { return .failure(.init("\(quoted(text)) is not a valid slug: \(Slug.rule)")) }
            return .success(.text(text))
        case .integer(let range):
            let literal: String
            switch value {
            case .number(let text): literal = text
            case .string(let text): literal = text.trimmingWhitespace()
            default: return .failure(.init("expected a whole number, found \(value.kindDescription)"))
            }
            // pandas writes an integer column with gaps as floats (2026.0): a point followed by zeros only is
            // that whole number. 2026.5 and 1e3 stay errors: they are not whole numbers as written.
            guard let number = Int64(literal) ?? ColumnDescription.wholeNumber(fromDecimal: literal) else {
                let isNumeric = !literal.isEmpty && literal.allSatisfy { "0123456789-+.eE".contains($0) }
                return .failure(.init(isNumeric && literal.allSatisfy { "0123456789-+".contains($0) }
                    ? "\(literal) is too large"
                    : "expected a whole number, found \(quoted(literal))"))
            }
            guard range.contains(number) else {
                return .failure(.init("\(number) is out of range (\(range.lowerBound) to \(range.upperBound))"))
            }
            return .success(.integer(number))
        case .choice(let choices):
            guard case .string(let text) = value else { return .failure(.init("expected one of \(choices.joined(separator: ", ")), found \(value.kindDescription)")) }
            if choices.contains(text) { return .success(.text(text)) }
            if let match = choices.first(where: { $0.lowercased() == text.lowercased() }) { return .success(.text(match)) }
            return .failure(.init("\(quoted(text)) is not one of \(choices.joined(separator: ", "))"))
        }
    }
}

extension ColumnDescription {
    /// "2026.0", "-12.000" as 2026 and -12; nil for anything else.
    static func wholeNumber(fromDecimal literal: String) -> Int64? {
        guard let point = literal.firstIndex(of: "."), literal.index(after: point) < literal.endIndex,
              literal[literal.index(after: point)...].allSatisfy({ $0 == "0" }) else { return nil }
        let whole = literal[..<point]
        guard whole.last?.isASCII == true, whole.last?.isNumber == true else { return nil }
        return Int64(whole)
    }
}

struct ConversionError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A value in quotes for a message, cut short when long.
func quoted(_ text: String) -> String {
    let limit = 60
    let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
    return "\"" + shown + "\""
}
