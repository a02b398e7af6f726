// Slugs made from text (an import mapping's `{institution}-{name}`): letters folded to ASCII by their Unicode
// names (É is LATIN CAPITAL LETTER E WITH ACUTE: e), everything else a hyphen, runs of hyphens one. Made
// unique deterministically: the first text to want a slug gets it, the next different text the slug with -2.

public enum SlugMaker {
    /// `text` as a slug, or nil when it holds no letter or digit.
    public static func slug(_ text: String) -> String? {
        var result = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue } // an apostrophe joins: O'Brien → obrien
            let folded = fold(scalar)
            guard !folded.isEmpty else {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen { result += "-" }
            pendingHyphen = false
            result += folded
        }
        return result.isEmpty ? nil : result
    }

    /// A lowercase ASCII letter or digit for `scalar`, or "" for a separator.
    static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 0x20)!)
        case 0xDF: return "ss"
        default: break
        }
        guard scalar.value >= 0x80, let name = scalar.properties.name else { return "" }
        for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
            let letter = name.dropFirst(prefix.count).prefix { $0 != " " }
            if (1...2).contains(letter.count), letter.allSatisfy({ $0.isASCII && $0.isLetter }) { return letter.lowercased() }
        }
        return ""
    }
}

/// Hands out slugs so that two different keys never share one: the same key always gets the same slug.
struct SlugRegistry<Key: Hashable> {
    private var owners: [String: Key] = [:]
    private var assigned: [Key: String] = [:]
    /// For each base, the suffix to try first: every `base-2` … below it is taken (slugs are never given back), so
    /// 20,000 rows titled "Untitled" cost 20,000 steps, not 200 million.
    private var nextSuffix: [String: Int] = [:]

    /// The slug of `key`: `base`, or `base-2`, `-3`… when an earlier key holds it or `isTaken` says the
    /// archive has it for someone else (a maker of the same name with another authority id).
    mutating func slug(for key: Key, base: String) -> String { slug(for: key, base: base) { _ in false } }

    mutating func slug(for key: Key, base: String, isTaken: (String) throws -> Bool) rethrows -> String {
        if let slug = assigned[key] { return slug }
        var candidate = base
        var suffix = 1
        if let owner = owners[base], owner != key {
            suffix = nextSuffix[base] ?? 2
            candidate = "\(base)-\(suffix)"
        }
        while true {
            if let owner = owners[candidate] {
                if owner == key { break }
            } else if try !isTaken(candidate) {
                break
            }
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        if candidate != base { nextSuffix[base] = suffix + 1 }
        owners[candidate] = key
        assigned[key] = candidate
        return candidate
    }
}
