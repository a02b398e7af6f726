// How pages name the archive's tables and link its records.
import ArchiveCore

enum Names {
    static func singular(_ table: String) -> String {
        switch table {
        case "sources": "source"
        case "institutions": "institution"
        case "designers": "designer"
        case "collections": "collection"
        case "shoes": "shoe"
        case "icons": "icon"
        case "objects": "object"
        case "trends": "trend"
        default: table.replacing("_", with: " ")
        }
    }

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
