// A row the schema refused (a CHECK, a UNIQUE index, NOT NULL, a trigger's RAISE), said in the archive's words:
// the field at fault and what is wrong with its value. SQLite names the rule in SQL ("CHECK constraint failed:
// wikidata IS NULL OR …"); a user reads `wikidata: "X123" is not a Wikidata id (Q and digits)` instead. The rule
// is read from SQLite's own text (SchemaRule), so a column a later migration adds is explained by its CHECK's
// shape without code of its own; what no shape fits still gets words, never the SQL.
import ArchiveStorage

struct BrokenRule: Equatable {
    /// The field at fault, as files name it (`institution`, not `institution_id`); nil when no one field is.
    let field: String?
    let message: String

    init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }

    /// The rule that writing `values` (in file columns, references as ids) to `table` broke.
    init(_ error: DatabaseError, table: TableDescription, values: [(column: ColumnDescription, value: DatabaseValue)], _ db: Database) throws {
        let row = try RuleRow(table: table, values: values, db)
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_CHECK:
            self = try Self.check(error, row: row, db)
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            self = try Self.unique(Self.columns(of: error), row: row, db)
        default:
            self = Self.rowless(error, table: table.name)
        }
    }

    /// The rule in words when the row is not at hand (an undo, a deletion): what it asks, without values.
    static func rowless(_ error: DatabaseError, table: String?) -> BrokenRule {
        let description = table.flatMap(Tables.named)
        let fieldName = { (column: String) in description?.columns.first { $0.column == column }?.name ?? column }
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_CHECK:
            let fields = SchemaRule(checkText(of: error) ?? "")?.expression.columns.map(fieldName) ?? []
            let what = table.map { "the \(Tables.singular($0))" } ?? "the record"
            return BrokenRule(field: fields.first, fields.count > 1
                ? "\(listed(fields.dropFirst())) of \(what) would break a rule of the archive together with \(fields[0])"
                : "the value of \(what) would break a rule of the archive")
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            let fields = columns(of: error).map(fieldName)
            return BrokenRule(field: fields.last, "two \(table ?? "records") would have the same \(listed(fields))")
        case .SQLITE_CONSTRAINT_NOTNULL:
            return BrokenRule(field: columns(of: error).last.map(fieldName), "is required but empty")
        case .SQLITE_CONSTRAINT_TRIGGER:
            // The archive's triggers RAISE words of their own; a cited source's says "FOREIGN KEY constraint failed: …" first.
            let words = error.message.dropPrefix("FOREIGN KEY constraint failed: ")
            return BrokenRule(field: nil, words)
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return BrokenRule(field: nil, "would leave a reference to a record that is not in the archive")
        default:
            return BrokenRule(field: nil, "breaks a rule of the archive" + (table.map { " for \($0)" } ?? ""))
        }
    }

    /// The CHECK that failed, from SQLite's message: its expression, or its name (`slug_format`) looked up in
    /// the table's CREATE text.
    private static func check(_ error: DatabaseError, row: RuleRow, _ db: Database) throws -> BrokenRule {
        guard let text = checkText(of: error) else { return try row.generic(columns: []) }
        guard var rule = SchemaRule(text) else {
            // A rule of a shape not read here: the fields it names, by the words of its text that are columns.
            let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
            return try row.generic(columns: words.filter { word in row.table.columns.contains { $0.column == word } })
        }
        if case .column(let name) = rule.expression {
            let create: String? = try db.fetchOne("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", [row.table.name])
            guard let named = create.flatMap({ SchemaRule(named: name, in: $0) }) else { return try row.generic(columns: []) }
            rule = named
        }
        return try rule.broken(by: row) ?? row.generic(columns: rule.expression.columns)
    }

    private static func checkText(of error: DatabaseError) -> String? {
        let prefix = "CHECK constraint failed: "
        return error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : nil
    }

    /// The columns SQLite names: "UNIQUE constraint failed: objects.institution_id, objects.accession_number".
    static func columns(of error: DatabaseError) -> [String] {
        qualifiedColumns(of: error).map { $0.split(separator: ".").last.map(String.init) ?? $0 }
    }

    /// The table SQLite names with the columns ("objects"), when it does (a CHECK's message names none).
    static func table(of error: DatabaseError) -> String? {
        qualifiedColumns(of: error).first.flatMap { name in name.contains(".") ? name.split(separator: ".").first.map(String.init) : nil }
    }

    private static func qualifiedColumns(of error: DatabaseError) -> [String] {
        guard let colon = error.message.firstIndex(of: ":") else { return [] }
        return error.message[error.message.index(after: colon)...].split(separator: ",").map { String($0).trimmingWhitespace() }
    }

    /// A value an index keeps once is already another row's: which record holds it, by its slug.
    static func unique(_ columns: [String], row: RuleRow, _ db: Database) throws -> BrokenRule {
        let table = row.table
        let references = columns.filter { column in table.columns.contains { $0.column == column && $0.isReference } }
        guard let column = columns.last(where: { !references.contains($0) }) ?? columns.last else { return try row.generic(columns: []) }
        let field = row.field(column)
        if column == "slug" { return BrokenRule(field: field, "\(try row.shown(column)) is the slug of another \(Tables.singular(table.name)) already") }
        let others = try columns.filter { $0 != column }.map { other in
            references.contains(other) ? try row.shown(other, quoted: false) : "\(row.field(other)) \(try row.shown(other))"
        }
        let place = others.isEmpty ? "" : " at " + others.joined(separator: ", ")
        guard table.kind == .record, columns.allSatisfy({ !row[$0].isNull }) else {
            return BrokenRule(field: field, "\(try row.shown(column))\(place) is already another \(Tables.singular(table.name))'s")
        }
        let holder: String? = try db.fetchOne("SELECT slug FROM \(table.name) WHERE " + columns.map { "\($0) = ?" }.joined(separator: " AND "),
                                              columns.map { row[$0] })
        let by = holder.map { " by \($0)" } ?? " by another \(Tables.singular(table.name))"
        return BrokenRule(field: field, "\(try row.shown(column)) is already held\(by)\(place)")
    }
}

/// "a, b and c"
func listed<S: BidirectionalCollection<String>>(_ words: S) -> String {
    guard let last = words.last, words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " and " + last
}

extension ColumnDescription {
    var isReference: Bool { if case .reference = kind { true } else { false } }
}

private extension String {
    func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
