// Turns what a person types into an FTS5 query that cannot be a syntax error: words and "quoted phrases"
// become quoted FTS5 strings (inner quotes doubled), a trailing * asks for a prefix, and everything else
// (AND, NEAR(, column:, ^, -, SQL) is just text to look for. `--match` passes raw FTS5 for experts.

public struct SearchQuery: Sendable, Equatable {
    /// What was typed.
    public let text: String
    /// The FTS5 MATCH expression, or nil when nothing searchable is left (only punctuation or emoji):
    /// such a query finds nothing.
    public let expression: String?
    /// True for `--match`: the expression is the user's own FTS5 syntax.
    public let isRaw: Bool

    /// A query from plain text. Throws on an empty query (a usage error).
    public init(_ text: String) throws(SearchError) {
        guard text.contains(where: { !$0.isWhitespace }) else { throw .emptyQuery }
        self.text = text
        self.isRaw = false
        // Control characters (NUL among them) separate words; FTS5 would take a NUL as the end of the query.
        let cleaned = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        let terms = SearchQuery.terms(of: cleaned).compactMap { term -> String? in
            guard term.text.unicodeScalars.contains(where: SearchQuery.isTokenCharacter) else { return nil }
            return "\"" + term.text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" + (term.isPrefix ? "*" : "")
        }
        expression = terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }

    /// A raw FTS5 query (`--match`): its syntax errors are reported as SearchError.syntax.
    public init(match expression: String) throws(SearchError) {
        guard expression.contains(where: { !$0.isWhitespace }) else { throw .emptyQuery }
        text = expression
        self.expression = expression
        isRaw = true
    }

    struct Term: Equatable {
        let text: String
        let isPrefix: Bool
    }

    /// Splits on white space outside quotes; a quote opens a phrase up to the next quote (or the end).
    static func terms(of text: String) -> [Term] {
        var terms: [Term] = []
        var characters = Substring(text)
        while let first = characters.first {
            if first.isWhitespace {
                characters = characters.dropFirst()
            } else if first == "\"" {
                let body = characters.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                var rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
                let isPrefix = rest.first == "*"
                rest = rest.drop { $0 == "*" }
                terms.append(Term(text: String(body[..<end]), isPrefix: isPrefix))
                characters = rest
            } else {
                let end = characters.firstIndex { $0.isWhitespace || $0 == "\"" } ?? characters.endIndex
                var word = characters[..<end]
                let isPrefix = word.last == "*"
                while word.last == "*" { word = word.dropLast() }
                terms.append(Term(text: String(word), isPrefix: isPrefix))
                characters = characters[end...]
            }
        }
        return terms
    }

    /// What FTS5's unicode61 tokenizer keeps as part of a word: letters, numbers and private-use characters.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

public enum SearchError: Error, CustomStringConvertible, Sendable, Equatable {
    case emptyQuery
    /// A `--match` expression FTS5 could not parse.
    case syntax(String)

    public var description: String {
        switch self {
        case .emptyQuery: "the search query is empty"
        case .syntax(let message):
            "the --match query is not valid FTS5 syntax (\(message)); search without --match to look for the words as typed"
        }
    }
}
