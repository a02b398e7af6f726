// What a timeline asks for, checked once for the CLI and the server: around which record, between which years,
// how many facts.

public struct TimelineRequest: Sendable {
    /// The most facts one page of the server's timeline holds (the CLI lists them all).
    public static let maximumLimit = 2_000

    public let around: String?
    public let table: String?
    public let from: Int?
    public let to: Int?
    public let limit: Int?
    /// Facts to pass over before the first shown (a page after the first, with `limit`).
    public let offset: Int
    /// The most facts a page may pass over: pages are within a window of years, which the index chooses.
    public static let maximumOffset = 1_000_000

    public init(around: String? = nil, in table: String? = nil, from: Int? = nil, to: Int? = nil, limit: Int? = nil, offset: Int = 0) throws(RequestProblem) {
        if let table, !Tables.records.contains(where: { $0.name == table }) {
            throw .notOneOf(field: "table", value: table, choices: Tables.records.map(\.name))
        }
        try Years.check(from: from, to: to)
        if let limit, !(1...Self.maximumLimit).contains(limit) { throw .outOfRange(field: "limit", range: 1...Self.maximumLimit, hint: "") }
        self.around = around
        self.table = table
        self.from = from
        self.to = to
        self.limit = limit
        if !(0...Self.maximumOffset).contains(offset) { throw .outOfRange(field: "offset", range: 0...Self.maximumOffset, hint: "") }
        self.offset = offset
    }

    /// The same timeline between other years, or further on; the other bounds kept.
    public func with(from: Int?, to: Int?, offset: Int = 0) -> TimelineRequest {
        (try? TimelineRequest(around: around, in: table, from: from, to: to, limit: limit, offset: offset)) ?? self
    }
}
