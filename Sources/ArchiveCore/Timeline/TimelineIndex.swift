// How the archive's dated facts spread over the centuries and, within one, its decades: the timeline page's
// index, and where it opens when no years are asked for (the densest century, not the first 500 facts of a
// museum's Bronze Age). One grouping query over the facts; a page's cache keeps it between changes.
import ArchiveStorage

public struct TimelineIndex: Sendable, Equatable {
    public struct Period: Sendable, Equatable {
        /// The first year of the century or decade (negative: BC; -100 is the century 100–1 BC).
        public let start: Int
        public let length: Int
        public let facts: Int
        public var end: Int { start + length - 1 }
    }

    public let centuries: [Period]

    /// The century with the most facts (the latest of equals): where the timeline opens.
    public var densest: Period? { centuries.max { $0.facts < $1.facts || ($0.facts == $1.facts && $0.start < $1.start) } }

    /// Facts per century, from each fact's earliest year.
    public static func load(_ archive: Archive) throws -> TimelineIndex {
        let statement = try archive.database.prepare("""
            WITH facts(earliest_year, latest_year, "when", kind, slug, name, event, other_kind, other, other_name, source) AS (\(Timeline.facts))
            SELECT \(floor("earliest_year", 100)) AS century, count(*) FROM facts WHERE earliest_year IS NOT NULL GROUP BY century ORDER BY century
            """)
        var centuries: [Period] = []
        while let row = try statement.next() {
            if let start = row.int(at: 0), let count = row.int(at: 1) { centuries.append(Period(start: start, length: 100, facts: count)) }
        }
        return TimelineIndex(centuries: centuries)
    }

    /// Facts per decade between two years (a century's), for its index.
    public static func decades(from: Int, to: Int, _ archive: Archive) throws -> [Period] {
        let statement = try archive.database.prepare("""
            WITH facts(earliest_year, latest_year, "when", kind, slug, name, event, other_kind, other, other_name, source) AS (\(Timeline.facts))
            SELECT \(floor("earliest_year", 10)) AS decade, count(*) FROM facts WHERE earliest_year BETWEEN ?1 AND ?2 GROUP BY decade ORDER BY decade
            """)
        try statement.bind([from, to])
        var decades: [Period] = []
        while let row = try statement.next() {
            if let start = row.int(at: 0), let count = row.int(at: 1) { decades.append(Period(start: start, length: 10, facts: count)) }
        }
        return decades
    }

    /// `column` rounded down to a multiple of `step`, BC years included (-1 is in the century starting -100).
    private static func floor(_ column: String, _ step: Int) -> String {
        "CASE WHEN \(column) >= 0 THEN \(column) / \(step) * \(step) ELSE -((-\(column) + \(step - 1)) / \(step)) * \(step) END"
    }
}
