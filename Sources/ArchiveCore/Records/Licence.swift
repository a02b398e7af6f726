// The licence a source's or object's rights text names, as the address of its deed: sources say "CC0 1.0 (…)" or
// "CC BY 3.0 (attribution required)" in words; a page links the deed and structured data names it by URL.

public enum Licence {
    /// The deed of the Creative Commons licence (or CC0, or the Public Domain Mark) that `text` names, or `text`
    /// itself when it is an http(s) address; nil for text that names none of them.
    public static func url(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return trimmed.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) ? nil : trimmed
        }
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "," || $0 == ";" }).map(String.init)
        guard let first = words.first else { return nil }
        let version = words.dropFirst().first { $0.first?.isNumber == true && $0.allSatisfy { $0.isNumber || $0 == "." } }
        if first == "cc0" { return "https://creativecommons.org/publicdomain/zero/1.0/" }
        if lowered.hasPrefix("public domain mark") { return "https://creativecommons.org/publicdomain/mark/1.0/" }
        guard first == "cc", words.count >= 3 else { return nil }
        let elements = words[1].split(separator: "-").map(String.init)
        guard elements.first == "by", elements.allSatisfy({ ["by", "sa", "nc", "nd"].contains($0) }), let version else { return nil }
        return "https://creativecommons.org/licenses/\(elements.joined(separator: "-"))/\(version)/"
    }
}

private extension String {
    func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
