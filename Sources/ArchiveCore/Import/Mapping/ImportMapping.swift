// An import mapping: how a file with a museum's columns becomes archive records (README, "Import mappings").
// It is read from a JSON file and checked whole before any data is read: a mistake names the mapping file
// and the key (`mapping.json: split[1].pattern: …`).

public struct ImportMapping: Sendable {
    /// A text with `{field}` placeholders, filled from a record's fields.
    struct Template: Sendable {
        let text: String
        /// The field names it refers to, in order.
        let fields: [String]
        /// The text cut once into literal parts and fields, so that filling it in is a concatenation.
        private let parts: [(literal: String, field: String?)]

        init(_ text: String) {
            self.text = text
            var fields: [String] = []
            var parts: [(String, String?)] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let field = String(rest[rest.index(after: open)..<close])
                fields.append(field)
                parts.append((String(rest[..<open]), field))
                rest = rest[rest.index(after: close)...]
            }
            parts.append((String(rest), nil))
            self.fields = fields
            self.parts = parts
        }

        /// The text filled in, or the first field that is empty or missing.
        func render(_ values: [String: String]) -> Result<String, MissingField> {
            var result = ""
            for part in parts {
                result += part.literal
                guard let field = part.field else { continue }
                guard let value = values[field], !value.isEmpty else { return .failure(MissingField(name: field)) }
                result += value
            }
            return .success(result)
        }
    }

    struct MissingField: Error { let name: String }

    /// A multi-valued field split into relation rows: `Name (Role) | Name (Role)` → makers with roles.
    struct Split: Sendable {
        let key: String
        let column: String
        let separator: String
        /// Whether items read as `{name} ({role})`; otherwise each item is `{name}` alone.
        let hasRole: Bool
        let relation: TableDescription
        /// The relation's column that names the main record, and the one that names the other record.
        let parentColumn: String
        let otherColumn: String
        let create: (table: TableDescription, slug: Template, columns: [(String, Template)])
        let fields: [(String, Template)]
        /// Roles that are really qualifiers ("Attributed to", "Possibly"): kept in `qualifierColumn`, the role
        /// then being `qualifiedRole`.
        let qualifiers: [String]
        let qualifierColumn: String?
        let qualifiedRole: String?
    }

    /// The mapping file, as messages name it.
    public let path: String
    let table: TableDescription
    let slug: Template
    /// Archive column ← source column.
    let columns: [(column: String, source: String)]
    let constants: [(column: String, value: String)]
    /// Archive column → (value as written → value in the archive).
    let values: [String: [String: String]]
    let dates: (text: String, earliest: String, latest: String)?
    /// Life dates from a text such as "American, 1907–1993": its two years become born and died.
    let life: (text: String, born: String, died: String)?
    /// Names for templates computed from a source column through a value map ({institution} from `source`).
    let context: [(name: String, from: String, values: [String: String])]
    /// Every main record cites a source (a slug, or a template such as `{institution}-open-access`) through
    /// a relation table (object_sources), with an optional note (the record's page at the source).
    let cite: (source: Template, table: TableDescription, note: Template?)?
    let splits: [Split]
    /// Records the mapping declares once (the institution, the source), written before the data.
    let records: [(table: TableDescription, rows: [[(name: String, value: JSONValue)]])]

    /// The tables the mapped rows go to (not the declared records'), in the order an import fills them.
    var mappedTables: [TableDescription] {
        let named = Set([table.name] + splits.flatMap { [$0.create.table.name, $0.relation.name] } + (cite.map { [$0.table.name] } ?? []))
        return Tables.all.filter { named.contains($0.name) }
    }
}
