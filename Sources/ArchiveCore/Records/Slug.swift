// A record's stable natural key: lowercase ASCII letters and digits in words joined by single hyphens
// ("repetto", "celine-ss-2026"). The same rule is a CHECK in the schema; this checks it before SQLite does,
// so that an import can say which field is wrong.

public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else {
            return false
        }
        var previousWasHyphen = false
        for byte in bytes {
            let isHyphen = byte == UInt8(ascii: "-")
            let isWordByte = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isWordByte || (isHyphen && !previousWasHyphen) else { return false }
            previousWasHyphen = isHyphen
        }
        return true
    }

    /// What a valid slug looks like, for error messages.
    public static let rule = "lowercase ASCII letters and digits, words joined by single hyphens (e.g. celine-ss-2026)"
}
