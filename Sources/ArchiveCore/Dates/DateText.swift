// Dates as museums write them ("ca. 1770", "mid 1970's", "16th–17th century", "1860–70") turned into the
// earliest and latest year they mean, after Getty CDWA's practice of keeping the text as written beside the
// span it indexes. The rules, each tested in DateTextTests:
// - a year: 1986 → 1986–1986, of three or four digits unless BC or AD follows; BC or B.C. makes it negative
//   (1500 BC → -1500);
// - a range: 1860–1870, 1860-70, 2009–12 (the end borrows the start's leading digits), ca. 1920–40; a BC range
//   runs downwards and borrows only so (1045-40 BC → -1045–-1040; 1045-771 B.C. → -1045–-771);
// - a decade: 1970s, 1970's, 1970’s → 1970–1979; a year in 00s is a century: 1800s → 1800–1899; a range of
//   decades: 1780's - 1790's → 1780–1799;
// - a century: 19th century → 1800–1899 (as CDWA indexes it), 16th–17th century → 1500–1699;
// - early, mid, late take the first, middle and last third of a decade or century (early 20th century →
//   1900–1932, mid 1970s → 1973–1975); first/second half and 1st–4th quarter likewise, with or without "of the"
//   (third quarter 18th century → 1750–1774);
// - circa (ca., c., circa, about, approximately) widens a year or a range by 5 years each side; a decade or
//   a century is already approximate and stays as it is;
// - several dates joined by "or", "," or ";" span from the earliest to the latest ("1760s or 1770s");
//   "13th or 14th century" lends its "century" to the part before;
// - a season names its year: Spring/Summer 1997, Spring / Summer 1987, Spring/Summer, 1977 → that year; Autumn -
//   Winter 1983 -1984 → 1983–1984; "possibly", "probably", "designed", "made" and
//   "dated" before a date leave its years as they are;
// - abbreviations: 20C., 19-20C., 18th c → centuries; 1983/84 → 1983–1984; 1940s–60s → 1940–1969; two
//   portions joined (mid–late 18th century, early to mid 1900s) run from the first's start to the second's end;
// - an open range (`years`, not `span`): before 1925 → unknown–1924, after 1950 → 1951–unknown;
// Anything else ("Bronze age", "by 1931", "Ch'ing Dynasty") is not parsed: the text is kept as written and
// its years stay unknown.

public enum DateText {
    public struct Span: Equatable, Sendable {
        public let earliest: Int
        public let latest: Int
    }

    /// The years `text` means, with an open end for "before …" and "after …" (strictly: before 1925 ends in 1924,
    /// after 1950 starts in 1951; the other end stays unknown), or nil when it is not a date these rules read.
    public static func years(_ text: String) -> (earliest: Int?, latest: Int?)? {
        let lowered = text.lowercased().trimmingWhitespace()
        for (word, before) in [("before ", true), ("after ", false)] where lowered.hasPrefix(word) {
            guard let span = span(String(lowered.dropFirst(word.count))) else { return nil }
            return before ? (nil, span.earliest - 1) : (span.latest + 1, nil)
        }
        return span(text).map { ($0.earliest, $0.latest) }
    }

    /// Years widened on each side of a circa date.
    public static let circaMargin = 5

    /// The span `text` means, or nil when it is not a date these rules read.
    public static func span(_ text: String) -> Span? {
        var normalized = DateText.replacingInOnePass(text.lowercased())
        normalized = DateText.expandingAbbreviations(normalized).trimmingWhitespace()
        guard !normalized.isEmpty else { return nil }
        var parts = normalized.splitOnAny([" or ", ",", ";"]).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.count <= 8 else { return nil }
        // "13th or 14th century": the last part's unit applies to the ordinals before it.
        if let last = parts.last, last.hasSuffix("century") {
            parts = parts.map { $0.hasSuffix("century") || !$0.last!.isLetter ? $0 : $0 + " century" }
        }
        var spans: [Span] = []
        for part in parts {
            guard let span = single(part) else { return nil }
            spans.append(span)
        }
        return Span(earliest: spans.map(\.earliest).min()!, latest: spans.map(\.latest).max()!)
    }

    /// Dashes to hyphens, 1970's to 1970s, b.c. to bc, mid-18th to mid 18th: every pattern, in one pass over
    /// the bytes (a date is parsed for every row of an import).
    private static let replacements: [(from: [UInt8], to: [UInt8])] = [
        ("–", "-"), ("—", "-"), ("‐", "-"), ("’s", "s"), ("'s", "s"), (" - ", "-"), ("b.c.", "bc"), ("a.d.", "ad"),
        ("mid-", "mid "), ("early-", "early "), ("late-", "late "), ("mid–", "mid "), ("early–", "early "), ("late–", "late "),
        ("mid—", "mid "), ("early—", "early "), ("late—", "late "),
        // Fashion seasons as museums write them: "Spring / Summer 1987", "Autumn - Winter 1983 -1984", "Spring/Summer, 1977".
        (" / ", "/"), ("summer, ", "summer "), ("winter, ", "winter "),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static func replacingInOnePass(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        outer: while index < bytes.count {
            for replacement in replacements where bytes[index] == replacement.from[0] && index + replacement.from.count <= bytes.count
                && bytes[index..<(index + replacement.from.count)].elementsEqual(replacement.from) {
                result += replacement.to
                index += replacement.from.count
                continue outer
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: One date

    private static let circaWords = ["circa ", "ca. ", "ca.", "ca ", "c. ", "c.", "about ", "approximately ", "approx. "]
    /// Words before a date that keep its years as they are: the institution's best answer is the span.
    private static let plainWords = ["possibly ", "probably ", "designed ", "made ", "dated "]
    private static let seasonWords = ["spring/summer ", "autumn/winter ", "fall/winter ", "spring-summer ", "autumn-winter ", "fall-winter ",
                                      "spring ", "summer ", "autumn ", "fall ", "winter ", "resort ", "pre-fall "]

    private static func single(_ text: String) -> Span? {
        var text = text
        for word in plainWords where text.hasPrefix(word) {
            text = String(text.dropFirst(word.count)).trimmingWhitespace()
            break
        }
        var circa = false
        for word in circaWords where text.hasPrefix(word) {
            circa = true
            text = String(text.dropFirst(word.count)).trimmingWhitespace()
            break
        }
        for word in seasonWords where text.hasPrefix(word) {
            text = String(text.dropFirst(word.count))
            break
        }
        var bc = false
        for suffix in [" bc", "bc", " bce", " ad", " ce"] where text.hasSuffix(suffix) {
            bc = suffix.contains("b")
            text = String(text.dropLast(suffix.count)).trimmingWhitespace()
            break
        }
        if text.hasSuffix(" century") || text.hasSuffix("-century") { return century(String(text.dropLast(8)), bc: bc) }
        if let span = decade(text) ?? qualifiedDecade(text) { return span }
        // 1780s-1790s: a range of decades.
        let ends = text.split(separator: "-").map { String($0).trimmingWhitespace() }
        if ends.count == 2, let first = decade(ends[0]) ?? qualifiedDecade(ends[0]),
           let last = shortDecade(ends[1], after: first) ?? decade(ends[1]) ?? qualifiedDecade(ends[1]), first.earliest <= last.latest {
            return Span(earliest: first.earliest, latest: last.latest)
        }
        guard let span = yearOrRange(text, bare: !bc) else { return nil }
        let signed = bc ? Span(earliest: -span.latest, latest: -span.earliest) : span
        return circa ? Span(earliest: signed.earliest - circaMargin, latest: signed.latest + circaMargin) : signed
    }

    /// 1860, 1860-1870, 1860-70, 2009-12. A `bare` year (no BC or AD beside it) has three or four digits:
    /// "19" alone is not a date.
    private static func yearOrRange(_ text: String, bare: Bool) -> Span? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard let first = year(ends[0]), !bare || ends[0].count >= 3 else { return nil }
        if ends.count == 1 { return Span(earliest: first, latest: first) }
        guard ends.count == 2, ends[1].allSatisfy(\.isASCIIDigit), (1...4).contains(ends[1].count) else { return nil }
        let digits = String(first)
        // 900-1400: a longer end is a whole year; a shorter one borrows the start's leading digits. BC ranges run
        // downwards: 1045-40 BC borrows (1045 to 1040 BC), 1045-771 BC does not (1045 to 771 BC, not 1771).
        var full = ends[1].count >= digits.count ? ends[1] : String(digits.dropLast(ends[1].count)) + ends[1]
        if !bare, let borrowed = Int(full), borrowed > first { full = ends[1] }
        guard let end = Int(full) else { return nil }
        // BC ranges run downwards (300-100 BC): the caller turns them round.
        if !bare && end < first { return Span(earliest: end, latest: first) }
        guard end >= first else { return nil }
        return Span(earliest: first, latest: end)
    }

    private static func year(_ text: String) -> Int? {
        guard (1...4).contains(text.count), text.allSatisfy(\.isASCIIDigit), let value = Int(text), value >= 1 else { return nil }
        return value
    }

    /// 1970s → 1970-1979; 1800s → 1800-1899.
    private static func decade(_ text: String) -> Span? {
        guard text.hasSuffix("s"), let start = year(String(text.dropLast())), start % 10 == 0, start >= 10 else { return nil }
        return start % 100 == 0 ? Span(earliest: start, latest: start + 99) : Span(earliest: start, latest: start + 9)
    }

    /// The "60s" of "1940s-60s": a decade written with the start's century left out.
    private static func shortDecade(_ text: String, after start: Span) -> Span? {
        guard text.count == 3, text.hasSuffix("s") else { return nil }
        return decade(String(String(start.earliest).dropLast(2)) + text)
    }

    /// 20c. → 20th century, 19-20c. → 19th-20th century, 18th c → 18th century; 1983/84 → 1983-84.
    private static func expandingAbbreviations(_ text: String) -> String {
        var characters = Array(text)
        for index in characters.indices.dropFirst().dropLast() where characters[index] == "/"
            && characters[index - 1].isASCIIDigit && characters[index + 1].isASCIIDigit {
            characters[index] = "-"
        }
        var result = String(characters)
        for suffix in ["th c.", "th c", "c.", "c"] where result.hasSuffix(suffix) {
            let body = result.dropLast(suffix.count)
            guard let last = body.last, last.isASCIIDigit else { continue }
            let numbers = body.split(separator: "-").map { part -> String in
                let digits = part.filter(\.isASCIIDigit)
                return part.hasSuffix("th") || part.hasSuffix("st") || part.hasSuffix("nd") || part.hasSuffix("rd") || digits.isEmpty
                    ? String(part) : part + DateText.ordinalSuffix(Int(digits) ?? 0)
            }
            result = numbers.joined(separator: "-") + " century"
            break
        }
        return result
    }

    private static func ordinalSuffix(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// early/mid/late 1970s, early 1900s.
    private static func qualifiedDecade(_ text: String) -> Span? {
        guard let (part, rest) = portion(text), let whole = decade(rest) else { return nil }
        return part(whole)
    }

    /// 19th century, early 20th, 16th-17th, late 16th-early 17th, 2nd quarter 19th.
    private static func century(_ text: String, bc: Bool) -> Span? {
        let ends = text.split(separator: "-").map { String($0).trimmingWhitespace() }
        guard (1...2).contains(ends.count) else { return nil }
        var spans: [Span] = []
        for end in ends {
            var body = end
            var cut: ((Span) -> Span)?
            if let (part, rest) = portion(end) { cut = part; body = rest }
            guard let number = ordinal(body), (1...99).contains(number) else { return nil }
            let whole = bc ? Span(earliest: -(number * 100), latest: -(number - 1) * 100 - 1)
                           : Span(earliest: (number - 1) * 100, latest: (number - 1) * 100 + 99)
            spans.append(cut.map { $0(whole) } ?? whole)
        }
        // 0 is not a year: the first century starts at 1. A span that ends before it starts ("late 19th-early
        // 19th", a museum's slip) is no date.
        let span = Span(earliest: max(spans.first!.earliest, bc ? -9999 : 1), latest: spans.last!.latest)
        return span.earliest <= span.latest ? span : nil
    }

    private static func ordinal(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCIIDigit }
        let suffix = text.dropFirst(digits.count)
        guard !digits.isEmpty, ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
        return Int(digits)
    }

    /// A leading "early", "mid", "late", "first half of the", "2nd quarter (of the)": the cut it makes and the rest.
    private static func portion(_ text: String) -> ((Span) -> Span, String)? {
        // Two portions joined, "mid-late", "mid to late", "early to mid": from the first's start to the second's end.
        for joiner in [" to ", "-", " "] {
            for first in ["early", "mid", "late"] {
                for second in ["mid", "late"] where first != second && text.hasPrefix(first + joiner + second + " ") {
                    let rest = String(text.dropFirst((first + joiner + second + " ").count))
                    guard let (from, _) = single(portionNamed: first, rest), let (to, _) = single(portionNamed: second, rest) else { return nil }
                    return ({ whole in Span(earliest: from(whole).earliest, latest: to(whole).latest) }, rest)
                }
            }
        }
        return simplePortion(text)
    }

    private static func single(portionNamed name: String, _ rest: String) -> ((Span) -> Span, String)? {
        simplePortion(name + " " + rest)
    }

    private static func simplePortion(_ text: String) -> ((Span) -> Span, String)? {
        let portions: [(words: [String], index: Int, of: Int)] = [
            (["early ", "early-"], 0, 3), (["mid ", "mid-", "middle "], 1, 3), (["late ", "late-"], 2, 3),
            (["first half of the ", "first half of ", "1st half of the ", "1st half of ", "1st half ", "first half "], 0, 2),
            (["second half of the ", "second half of ", "2nd half of the ", "2nd half of ", "2nd half ", "second half "], 1, 2),
            (["first quarter of the ", "first quarter of ", "1st quarter of the ", "1st quarter of ", "1st quarter ", "first quarter "], 0, 4),
            (["second quarter of the ", "second quarter of ", "2nd quarter of the ", "2nd quarter of ", "2nd quarter ", "second quarter "], 1, 4),
            (["third quarter of the ", "third quarter of ", "3rd quarter of the ", "3rd quarter of ", "3rd quarter ", "third quarter "], 2, 4),
            (["fourth quarter of the ", "fourth quarter of ", "4th quarter of the ", "4th quarter of ", "4th quarter ",
              "last quarter of the ", "last quarter of ", "fourth quarter ", "last quarter "], 3, 4),
        ]
        for portion in portions {
            for word in portion.words where text.hasPrefix(word) {
                let rest = String(text.dropFirst(word.count)).trimmingWhitespace()
                return ({ whole in
                    let length = whole.latest - whole.earliest + 1
                    let start = whole.earliest + length * portion.index / portion.of
                    let end = whole.earliest + length * (portion.index + 1) / portion.of - 1
                    return Span(earliest: start, latest: end)
                }, rest)
            }
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    func splitOnAny(_ separators: [String]) -> [String] {
        var parts = [self]
        for separator in separators {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        return parts
    }
}
