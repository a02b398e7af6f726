// What a search's facets say: counts of its hits by institution, category, object type, maker or designer and
// period, each value labelled by name and carrying the filter that narrows the search to it, and how far the
// counts can be trusted (every hit counted, or estimated from a sample, or cut short by a time budget).

/// What a facet counts hits by. Its raw value names it in the API and the CLI's rows; every kind but the period
/// is also the name of the filter its values set (a period sets `from` and `to`).
public enum FacetKind: String, CaseIterable, Sendable {
    case institution, category, type, designer, period
}

/// How far counts can be trusted.
public enum FacetAccuracy: String, Sendable {
    /// Every hit was counted.
    case exact
    /// Estimated from a sample of the hits spread over the whole index, rounded.
    case about
    /// Counted until the time budget ran out: at least this many.
    case atLeast = "at least"
}

public struct Facet: Sendable, Equatable {
    public let facet: FacetKind
    /// What the facet's filter takes: an institution's or a designer's slug, a category, an object type; a
    /// period's first and last year ("1920/1929").
    public let value: String
    /// The value as people read it: a name, "Design drawing", "Slippers", "1920s", "19th century".
    public let label: String
    public let count: Int
    public let accuracy: FacetAccuracy
    /// A period's first and last year: the search's `from` and `to` for it.
    public let years: ClosedRange<Int>?

    public init(facet: FacetKind, value: String, label: String, count: Int, accuracy: FacetAccuracy = .exact, years: ClosedRange<Int>? = nil) {
        self.facet = facet
        self.value = value
        self.label = label
        self.count = count
        self.accuracy = accuracy
        self.years = years
    }
}

/// The facets of one search and what they were counted from.
public struct FacetCounts: Sendable, Equatable {
    /// Every kind's values: the most frequent first (a period's in time order), kinds in `FacetKind` order.
    public let facets: [Facet]
    public let accuracy: FacetAccuracy
    /// The hits the counts are of: all of them, an estimate of all of them, or those counted in time.
    public let hits: Int
    /// Hits read to count them (all of them when exact).
    public let hitsRead: Int

    public init(facets: [Facet], accuracy: FacetAccuracy, hits: Int, hitsRead: Int) {
        self.facets = facets
        self.accuracy = accuracy
        self.hits = hits
        self.hitsRead = hitsRead
    }

    public static let none = FacetCounts(facets: [], accuracy: .exact, hits: 0, hitsRead: 0)

    public func values(_ kind: FacetKind) -> [Facet] { facets.filter { $0.facet == kind } }
}

/// How facets are counted (Searcher+Facets): every hit up to `exactLimit` hits; a sample of about `sampleSize`
/// hits drawn in one pass over the matches up to `scanLimit` matches, or taken at `windows` evenly spaced places
/// of the index beyond; counting stops when `timeBudget` is spent. In an index of more than `largeIndex` records
/// the hits read are a quarter as many: there, reading a hit's record and designers means reading their pages
/// from the system's cache (8 µs a hit at 1M collections, against 1–2 µs where the archive is held in memory).
public struct FacetCounting: Sendable {
    public var exactLimit: Int
    public var sampleSize: Int
    public var scanLimit: Int
    public var windows: Int
    public var largeIndex: Int
    /// Seconds; nil for none (the search's own time limit still applies).
    public var timeBudget: Double?
    /// Values of each kind kept, the most frequent (every period is kept).
    public var valuesPerFacet: Int

    public init(exactLimit: Int, sampleSize: Int, scanLimit: Int = 10_000, windows: Int, largeIndex: Int = .max, timeBudget: Double?,
                valuesPerFacet: Int) {
        self.exactLimit = exactLimit
        self.sampleSize = sampleSize
        self.scanLimit = scanLimit
        self.windows = windows
        self.largeIndex = largeIndex
        self.timeBudget = timeBudget
        self.valuesPerFacet = valuesPerFacet
    }

    /// For a page: measured at 1M collections (BENCHMARKS.md), 64 hits read add about 0.5 ms of CPU to a page.
    public static let page = FacetCounting(exactLimit: 256, sampleSize: 256, windows: 64, largeIndex: 100_000, timeBudget: 0.05, valuesPerFacet: 20)

    /// These limits for an index of `records` records.
    func forIndex(of records: Int64) -> FacetCounting {
        guard records > largeIndex else { return self }
        var large = self
        large.exactLimit = exactLimit == .max ? .max : exactLimit / 4
        large.sampleSize = sampleSize == .max ? .max : max(1, sampleSize / 4)
        return large
    }
    /// Every hit, however many (`archive search --facets`, bounded by the search's time limit).
    public static let exact = FacetCounting(exactLimit: .max, sampleSize: .max, windows: 1, timeBudget: nil, valuesPerFacet: .max)
}

/// Spans of years grouped into periods whose length suits the span of the hits: single years for a few years,
/// decades up to 150 years, centuries beyond.
public struct Periods: Sendable, Equatable {
    /// Years in a period: 1, 10 or 100.
    public let length: Int

    public init(length: Int) { self.length = length }

    /// The periods for hits dated from `first` to `last`.
    public init(spanning first: Int, _ last: Int) {
        let span = last - first
        length = span < 15 ? 1 : span < 150 ? 10 : 100
    }

    /// The first year of the period holding `year` (1923 → 1920; 150 BC, -150 → -200, the 2nd century BC).
    public func start(of year: Int) -> Int {
        let quotient = year / length
        return (year % length < 0 ? quotient - 1 : quotient) * length
    }

    /// The starts of the periods a span overlaps, first to last.
    public func starts(from first: Int, to last: Int) -> StrideThrough<Int> {
        stride(from: start(of: first), through: start(of: last), by: length)
    }

    /// "1923", "500 BC"; "1920s", "200–191 BC"; "19th century", "2nd century BC".
    public func label(start: Int) -> String {
        switch length {
        case 1: return start < 0 ? "\(-start) BC" : String(start)
        case 10: return start < 0 ? "\(-start)–\(-(start + 9)) BC" : "\(start)s"
        default: return start < 0 ? "\(Self.ordinal(-start / length)) century BC" : "\(Self.ordinal(start / length + 1)) century"
        }
    }

    static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }
}

extension ObjectCategory {
    /// The category as a facet shows it: "Garment", "Design drawing".
    public var label: String { FacetLabel.sentence(rawValue.replacing("-", with: " ")) }
}

enum FacetLabel {
    /// The first letter in upper case: "slippers" → "Slippers".
    static func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// ASCII letters in lower case, others as they are: what SQLite's NOCASE compares equal.
    static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    /// An estimate as people would say it: two significant digits from 100 on (2,934 → 2,900).
    static func rounded(_ estimate: Double) -> Int {
        guard estimate >= 100 else { return max(1, Int(estimate.rounded())) }
        var unit = 1.0
        while estimate / unit >= 100 { unit *= 10 }
        return Int((estimate / unit).rounded() * unit)
    }
}
