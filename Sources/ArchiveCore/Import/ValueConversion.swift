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
            guard let number = Int64(literal) else {
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
