// "Did you mean": the known name nearest to what was typed (a column, a slug), by edit distance, when it is
// near enough to be a typo rather than another word.

public enum NearestName {
    /// The closest of `candidates` to `name` (case aside), if within a typo's reach: at most a third of the
    /// name's length in edits, and at least one.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        nearest(to: name, among: candidates, count: 1).first
    }

    /// Up to `count` candidates within a typo's reach, nearest first (ties in the candidates' order).
    public static func nearest(to name: String, among candidates: [String], count: Int) -> [String] {
        let typed = Array(name.lowercased().unicodeScalars)
        let reach = max(1, typed.count / 3)
        let scored = candidates.enumerated().compactMap { index, candidate -> (distance: Int, index: Int, name: String)? in
            guard let distance = distance(typed, Array(candidate.lowercased().unicodeScalars), within: reach) else { return nil }
            return (distance, index, candidate)
        }
        return scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(count).map(\.name)
    }

    /// Levenshtein distance, or nil as soon as it must exceed `limit` (so a long list costs little).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], within limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
