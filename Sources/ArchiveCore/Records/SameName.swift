// Records of one table whose names hold the same words, case, accents, punctuation and word order aside:
// "Dior, Christian" (a museum's inverted form) and "Christian Dior", "Cristóbal Balenciaga" and "CRISTOBAL
// BALENCIAGA". Perhaps one house or person entered twice (two museums' files), perhaps two; a page shows them
// as candidates, never merges them. The lookup is bounded whatever the table's size: the search index of the
// table finds the records whose name holds every word (at most `scanLimit`), and only those are compared.
import ArchiveStorage

public struct SameName: Sendable {
    public struct Candidate: Sendable, Equatable {
        public let slug: String
        public let name: String
    }

    public let table: String
    /// The name's words as written, for a search of each.
    public let words: [String]
    /// Other records whose names have the same key, in slug order.
    public let candidates: [Candidate]
    /// True when more records hold every word than were compared: there may be candidates not listed.
    public let mayHaveMore: Bool

    /// Records whose names hold every word that are compared with the name, at most.
    public static let scanLimit = 500

    /// The tables whose records are named (a house, a person, a shoe model, a trend, an institution): titles of
    /// collections, objects and sources repeat without naming the same thing ("Evening dress").
    public static let tables: [String] = SearchScope.allCases.filter { $0.columns.first == "name" }.map(\.rawValue)

    /// The name's words folded (case and accents; letters of other scripts kept, lowercased), sorted: equal keys
    /// are names of the same words. Nil for a name without a letter or digit.
    public static func key(_ name: String) -> String? {
        let words = self.words(of: name).map { word in word.unicodeScalars.map(fold).joined() }.filter { !$0.isEmpty }
        return words.isEmpty ? nil : words.sorted().joined(separator: " ")
    }

    /// The runs of letters and digits of a name, as the search index cuts them (a combining accent stays in its word).
    static func words(of name: String) -> [String] {
        var words: [String] = [], word = ""
        for scalar in name.unicodeScalars {
            if isWordScalar(scalar) || (!word.isEmpty && scalar.properties.generalCategory == .nonspacingMark) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A Latin letter as its ASCII letters (É: e, ß: ss), another script's letter lowercased, an accent dropped.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        let latin = SlugMaker.fold(scalar)
        if !latin.isEmpty || scalar.isASCII { return latin }
        if scalar.properties.generalCategory == .nonspacingMark { return "" }
        return scalar.properties.lowercaseMapping
    }

    /// The records of `table` other than `slug` whose names fold to the key of `name`, at most `limit`; nil when the
    /// table's records are not named or the name has no words.
    public static func find(_ name: String, of slug: String, in table: String, limit: Int = 20, archive: Archive) throws -> SameName? {
        guard tables.contains(table), let scope = SearchScope(rawValue: table), let key = key(name) else { return nil }
        let words = self.words(of: name)
        guard words.count <= SearchQuery.maximumTerms else { return nil }
        let match = "name : (" + words.map(SearchQuery.quoted).joined(separator: " AND ") + ")"
        let rows = try archive.database.cachedStatement("""
            SELECT r.slug, r.name FROM \(scope.index) AS f JOIN \(table) AS r ON r.id = f.rowid
            WHERE \(scope.index) MATCH ? LIMIT ?
            """).rows([match, scanLimit])
        var candidates: [Candidate] = [], scanned = 0
        while let row = try rows.next() {
            scanned += 1
            guard let other = row.string(at: 0), other != slug, let otherName = row.string(at: 1), self.key(otherName) == key else { continue }
            candidates.append(Candidate(slug: other, name: otherName))
        }
        candidates.sort { $0.slug < $1.slug }
        return SameName(table: table, words: words, candidates: Array(candidates.prefix(limit)),
                        mayHaveMore: scanned == scanLimit || candidates.count > limit)
    }
}
