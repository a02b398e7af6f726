// How pages name the archive's tables and link its records.
import ArchiveCore

enum Names {
    /// "designer", "object tags": the core's word for a row, in words.
    static func singular(_ table: String) -> String { Tables.singular(table).replacing("-", with: " ") }

    static func title(_ table: String) -> String {
        let words = table.replacing("_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The table of a search hit's kind ("collection" → "collections").
    static func table(ofKind kind: String) -> String {
        Tables.records.first { singular($0.name) == kind || $0.name == kind }?.name ?? kind
    }

    static func recordPath(_ table: String, _ slug: String) -> String {
        "/records/\(Query.encode(table))/\(Query.encode(slug))"
    }

    static func isRecordTable(_ name: String) -> Bool { Tables.records.contains { $0.name == name } }

    /// The words of a field name: "year_introduced" → "year introduced".
    static func field(_ name: String) -> String { name.replacing("_", with: " ") }
}

extension Int {
    /// 21,802: a count as people read it (the site is in English).
    var formatted: String {
        let digits = String(magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (self < 0 ? "-" : "") + grouped
    }
}
