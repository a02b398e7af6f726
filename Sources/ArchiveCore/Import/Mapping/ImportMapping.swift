// An import mapping: how a file with a museum's columns becomes archive records (README, "Import mappings").
// It is read from a JSON file and checked whole before any data is read: a mistake names the mapping file
// and the key (`mapping.json: split[1].pattern: …`).

public struct ImportMapping: Sendable {
    /// A multi-valued field split into relation rows: `Name (Role) | Name (Role)` → makers with roles.
    struct Split: Sendable {
        let key: String
        /// The file's column (a text cut at `separator`), or a JSON path to a list or an object (each object an
        /// item whose values its templates name: `{name}`, `{association}`).
        let column: String
        let separator: String
        /// Parallel columns cut at the same separator: item i takes part i of each, under the name given
        /// (`"role": "Artist Role"` → `{role}`). Empty places are kept, so makers keep their own roles and ids.
        let zip: [(name: String, column: String)]
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
    /// Where a JSON response keeps its records (`records` of the V&A's answer); nil: the file is the list.
    let recordPath: [String]?
    /// Archive column ← a template over the file's fields (a plain column name is the field as it is).
    let columns: [(column: String, source: Template)]
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

    /// The columns of a table that hold an authority's identifier: a record created from a split is matched by
    /// them before its name (two people of one name are two; one person spelt two ways is one).
    static func authorityColumns(of table: TableDescription) -> [String] {
        ["ulan", "wikidata", "viaf", "aat"].filter { table.column(named: $0) != nil }
    }
}
