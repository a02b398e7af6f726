// What a search asks for, checked once for both front ends: the words, where, the filters, which hits. The CLI
// and the server parse their own spellings (`--from -500`, `from=-500`) into it; its bounds live here only.

/// A request's value that is out of bounds, named by its field; each front end spells the field its own way
/// (`--from` on the command line, `from` in an address).
public enum RequestProblem: Error, Equatable, Sendable {
    case notAYear(field: String)
    case fromAfterTo(from: Int, to: Int)
    case outOfRange(field: String, range: ClosedRange<Int>, hint: String)
    case filtersDoNotApply(scope: String)
    case notOneOf(field: String, value: String, choices: [String])

    /// The message, with each field name after `prefix` ("--" for options, "" for parameters).
    public func message(prefix: String) -> String {
        switch self {
        case .notAYear(let field): "\(prefix)\(field) must be a year from \(Years.range.lowerBound) (BC) to \(Years.range.upperBound)"
        case .fromAfterTo(let from, let to): "\(prefix)from \(from) is after \(prefix)to \(to)"
        case .outOfRange(let field, let range, let hint): "\(prefix)\(field) must be between \(range.lowerBound) and \(range.upperBound)\(hint)"
        case .notOneOf(let field, let value, let choices): "unknown \(field) '\(value)'; \(field)s: \(choices.joined(separator: ", "))"
        case .filtersDoNotApply(let scope):
            "these filters do not apply to \(scope) (\(prefix)season is for collections; \(prefix)institution, \(prefix)category and \(prefix)type for objects; "
                + "icons and institutions have no year; designers and institutions have no \(prefix)designer)"
        }
    }
}

/// Years as requests give them: objects may be dated before the common era (negative years).
public enum Years {
    public static let range = -9999...9999

    /// Checks `from`, `to` (and `year`) are years, and `from` is not after `to`.
    public static func check(from: Int?, to: Int?, year: Int? = nil) throws(RequestProblem) {
        for (field, value) in [("year", year), ("from", from), ("to", to)] {
            if let value, !range.contains(value) { throw .notAYear(field: field) }
        }
        if let from, let to, from > to { throw .fromAfterTo(from: from, to: to) }
    }
}

public struct SearchRequest: Sendable {
    /// Hits are counted up to this many ("more than 10000").
    public static let countCap = 10_000
    /// The deepest a search pages, and the most hits one request takes: past it, narrow with filters.
    public static let maximumOffset = 10_000
    public static let maximumLimit = 10_000

    public let query: SearchQuery
    /// The scopes asked for, less those a filter cannot apply to.
    public let scopes: [SearchScope]
    public let filters: SearchFilters
    public let limit: Int
    public let offset: Int

    /// `scopeName` names what was asked for in messages ("collections", "all").
    public init(_ query: SearchQuery, in requested: [SearchScope], scopeName: String, filters: SearchFilters,
                limit: Int = 20, offset: Int = 0) throws(RequestProblem) {
        try Years.check(from: filters.from, to: filters.to, year: filters.year)
        guard (1...Self.maximumLimit).contains(limit) else { throw .outOfRange(field: "limit", range: 1...Self.maximumLimit, hint: "") }
        guard (0...Self.maximumOffset).contains(offset) else {
            throw .outOfRange(field: "offset", range: 0...Self.maximumOffset, hint: " (narrow the search with filters to go deeper)")
        }
        let scopes = Searcher.scopes(requested, filters: filters)
        // Searching everything, a filter leaves out the kinds it does not apply to; asked of one kind, it is a mistake.
        guard !scopes.isEmpty, requested.count == SearchScope.allCases.count || scopes.count == requested.count else {
            throw .filtersDoNotApply(scope: scopeName)
        }
        self.query = query
        self.scopes = scopes
        self.filters = filters
        self.limit = limit
        self.offset = offset
    }
}
