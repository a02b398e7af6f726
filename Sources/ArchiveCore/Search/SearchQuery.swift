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
    /// True when a prefix is not one the indexes keep (they keep three-letter ones, see 0002_search.sql): FTS5
    /// then merges the lists of every word with that prefix each time it evaluates the query, 50 ms for `haute*`
    /// in 1M collections, so the query is best evaluated once rather than once per hit.
    public let hasUnindexedPrefix: Bool
    /// The prefix length the search indexes keep (`prefix = '3'` in 0002_search.sql).
    static let indexedPrefixLength = 3

    /// Distinct words and phrases a query may hold: FTS5's cost grows faster than the number of terms (a
    /// 4,000-word query took 39 s on 50,000 collections), and no one means more than this.
    public static let maximumTerms = 32
    /// Prefixes (`bal*`) a query may hold: each merges the lists of every word it starts.
    public static let maximumPrefixes = 8
    /// Words a query may hold in all, phrases' words included ("a b c …" is one phrase of many words).
    public static let maximumWords = 64
    /// Characters a raw `--match` expression may hold (its terms cannot be counted before FTS5 parses it).
    public static let maximumRawLength = 1_000
    /// Characters a plain query may hold (repeated words are searched once, so a long query can be harmless).
    public static let maximumLength = 100_000

    /// True when `text` holds something to search for: not only white space and control characters.
    public static func isSearchable(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.properties.isWhitespace && !isControl($0) }
    }

    /// A query from plain text. Throws on an empty query or one beyond the limits (usage errors).
    public init(_ text: String) throws(SearchError) {
        guard SearchQuery.isSearchable(text) else { throw .emptyQuery }
        guard text.count <= SearchQuery.maximumLength else { throw .tooLong(text.count, limit: SearchQuery.maximumLength) }
        self.text = text
        self.isRaw = false
        // Control characters (NUL among them) separate words; FTS5 would take a NUL as the end of the query.
        var cleaned = ""
        cleaned.unicodeScalars.append(contentsOf: text.unicodeScalars.map { SearchQuery.isControl($0) ? " " : $0 })
        // A word typed twice is searched once (case and accents aside, FTS5 would find the same rows).
        var seen: Set<Term> = []
        let terms = SearchQuery.terms(of: cleaned)
            .filter { $0.text.unicodeScalars.contains(where: SearchQuery.isTokenCharacter) }
            .filter { seen.insert(Term(text: $0.text.lowercased(), isPrefix: $0.isPrefix)).inserted }
        guard terms.count <= SearchQuery.maximumTerms else { throw .tooManyTerms(terms.count) }
        let prefixes = terms.filter(\.isPrefix).count
        guard prefixes <= SearchQuery.maximumPrefixes else { throw .tooManyPrefixes(prefixes) }
        // What FTS5 will see as words: the runs of letters and digits, in phrases and hyphenated terms too.
        let words = terms.reduce(0) { $0 + $1.text.unicodeScalars.split { !SearchQuery.isTokenCharacter($0) }.count }
        guard words <= SearchQuery.maximumWords else { throw .tooManyWords(words) }
        expression = terms.isEmpty ? nil : terms.map { SearchQuery.quoted($0.text) + ($0.isPrefix ? "*" : "") }.joined(separator: " AND ")
        // The tokenizer keeps letters and digits: a prefix "t-sh*" is the phrase "t" + prefix "sh", so look at
        // the last token of each prefix term.
        hasUnindexedPrefix = terms.contains { term in
            guard term.isPrefix else { return false }
            let last = term.text.unicodeScalars.split { !SearchQuery.isTokenCharacter($0) }.last
            return last?.count != SearchQuery.indexedPrefixLength
        }
    }

    /// A raw FTS5 query (`--match`): its syntax errors are reported as SearchError.syntax.
    public init(match expression: String) throws(SearchError) {
        guard SearchQuery.isSearchable(expression) else { throw .emptyQuery }
        guard expression.count <= SearchQuery.maximumRawLength else { throw .tooLong(expression.count, limit: SearchQuery.maximumRawLength) }
        text = expression
        self.expression = expression
        isRaw = true
        hasUnindexedPrefix = expression.contains("*") // only a cost: any * may be a prefix
    }

    /// C0 and C1 control characters and DEL: never part of a word, and never sent to FTS5.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    struct Term: Hashable {
        let text: String
        let isPrefix: Bool
    }

    /// Splits on white space outside quotes; a quote opens a phrase up to the next quote (or the end). Works on
    /// Unicode scalars, not Characters: a quote followed by a combining mark is one Character, and FTS5 would
    /// still see its quote (found by the query fuzzer).
    static func terms(of text: String) -> [Term] {
        let quote: Unicode.Scalar = "\"", star: Unicode.Scalar = "*"
        let scalars = Array(text.unicodeScalars)
        var terms: [Term] = []
        var index = 0
        func string(_ range: Range<Int>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars[range])
            return result
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == quote {
                let start = index + 1
                var end = start
                while end < scalars.count && scalars[end] != quote { end += 1 }
                index = min(end + 1, scalars.count)
                let isPrefix = index < scalars.count && scalars[index] == star
                while index < scalars.count && scalars[index] == star { index += 1 }
                terms.append(Term(text: string(start..<end), isPrefix: isPrefix))
            } else {
                let start = index
                while index < scalars.count && !scalars[index].properties.isWhitespace && scalars[index] != quote { index += 1 }
                var end = index
                let isPrefix = scalars[end - 1] == star
                while end > start && scalars[end - 1] == star { end -= 1 }
                terms.append(Term(text: string(start..<end), isPrefix: isPrefix))
            }
        }
        return terms
    }

    /// `text` as an FTS5 string: in double quotes, each quote inside doubled.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { result.unicodeScalars.append(scalar) }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
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
    case tooManyTerms(Int)
    case tooManyPrefixes(Int)
    case tooManyWords(Int)
    case tooLong(Int, limit: Int)
    /// A `--match` expression FTS5 could not parse.
    case syntax(String)
    /// The search ran past its time limit (seconds) and was stopped.
    case timeLimit(Double)

    /// True for the mistakes of the query itself (a usage error), as opposed to its syntax or its cost.
    public var isUsageError: Bool {
        switch self {
        case .emptyQuery, .tooManyTerms, .tooManyPrefixes, .tooManyWords, .tooLong: true
        case .syntax, .timeLimit: false
        }
    }

    public var description: String {
        switch self {
        case .emptyQuery: "the search query is empty"
        case .tooManyTerms(let count):
            "the query has \(count) different words or phrases; at most \(SearchQuery.maximumTerms) are searched: keep the ones that matter"
        case .tooManyPrefixes(let count):
            "the query has \(count) prefixes (word*); at most \(SearchQuery.maximumPrefixes) are searched: write more of each word, or fewer of them"
        case .tooManyWords(let count):
            "the query has \(count) words in all (phrases included); at most \(SearchQuery.maximumWords) are searched"
        case .tooLong(let count, let limit):
            "the \(limit == SearchQuery.maximumRawLength ? "--match " : "")query is \(count) characters long; at most \(limit) are accepted"
        case .timeLimit(let seconds):
            "the search took longer than its time limit (\(seconds) s) and was stopped: make the query more specific (longer words, fewer prefixes, a filter), or give --time-limit"
        case .syntax(let message):
            "the --match query is not valid FTS5 syntax (\(message)); search without --match to look for the words as typed"
        }
    }
}
