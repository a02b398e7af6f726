// Spreadsheet safety (OWASP CSV injection): a text cell that a spreadsheet would run as a formula — one that
// begins with =, +, -, @, tab or CR — is written with a leading apostrophe. The importer undoes it, so that
// export → import loses nothing: a value that itself begins with apostrophes before such a character gets one
// more apostrophe, and importing removes exactly one.

public enum FormulaGuard {
    /// True when `text` (after any leading apostrophes) begins with a formula character.
    public static func needsGuard<Bytes: Collection>(_ text: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard let first = text.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// The text as an exported cell holds it.
    public static func escape(_ text: String) -> String { needsGuard(text.utf8) ? "'" + text : text }

    /// The original text of an exported cell.
    public static func unescape(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "'"), needsGuard(text.utf8.dropFirst()) else { return text }
        return String(text.dropFirst())
    }
}
