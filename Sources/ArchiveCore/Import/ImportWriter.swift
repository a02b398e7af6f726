// Turns one row read from a file into a row of the archive: converts each field to its column's type, resolves
// references from slugs to ids, checks required fields, and upserts through the table's TableWriter. What is
// wrong goes to the problem log, located by file, line and field.
import ArchiveStorage

final class ImportWriter {
    private let db: Database
    private let problems: ProblemLog
    let lookup: SlugLookup
    private(set) var writers: [String: TableWriter] = [:]
    /// The rowids written per table, when asked for (an edit removes the relations its text no longer lists).
    private(set) var written: [String: Set<Int64>]?

    /// The change an import is, whose updated rows the table writers log (nil: not a change, or one whose
    /// updates are logged by ChangeLog's triggers).
    private let log: ChangeLog?

    /// Keeps the fields a curator edited since an import set them (nil: the file's values win, as in an edit).
    let curatorEdits: CuratorEdits?

    init(_ db: Database, problems: ProblemLog, keepingRowIDs: Bool = false, log: ChangeLog? = nil, curatorEdits: CuratorEdits? = nil) {
        self.db = db
        self.curatorEdits = curatorEdits
        self.log = log
        self.problems = problems
        lookup = SlugLookup(db)
        written = keepingRowIDs ? [:] : nil
    }

    func writer(for table: TableDescription) throws -> TableWriter {
        if let writer = writers[table.name] { return writer }
        let writer = try TableWriter(table: table, database: db, log: log)
        writers[table.name] = writer
        return writer
    }

    func problem(_ kind: ImportProblem.Kind, _ file: ImportFile, _ record: InputRecord, field: String?,
                 _ message: String) -> ImportProblem {
        ImportProblem(kind, file: file.name, line: record.line, record: record.number, slug: record.slug, field: field, message: message)
    }

    /// Checks and converts one row's fields, resolves its references and upserts it.
    func writeRow(_ fields: [(name: String, value: JSONValue)], of record: InputRecord, in file: ImportFile,
                  into table: TableDescription, fieldPrefix: String = "") throws {
        var values: [(column: ColumnDescription, value: DatabaseValue)] = []
        var isValid = true
        for field in fields {
            guard let column = table.column(named: field.name) else { continue }
            switch column.convert(field.value) {
            case .failure(let error):
                isValid = false
                try problems.report(problem(.type, file, record, field: fieldPrefix + field.name, error.message))
            case .success(let value):
                if value.isNull && column.isRequired {
                    isValid = false
                    try problems.report(problem(.missing, file, record, field: fieldPrefix + field.name, "is required but empty"))
                } else if case .reference(let target) = column.kind, case .text(let slug) = value {
                    guard let id = try lookup.id(of: slug, in: target) else {
                        isValid = false
                        try problems.report(problem(.reference, file, record, field: fieldPrefix + field.name,
                                                    "no \(Tables.singular(target)) with slug \"\(slug)\" in the archive or in this import"))
                        continue
                    }
                    values.append((column, .integer(id)))
                } else {
                    values.append((column, value))
                }
            }
        }
        guard isValid else { return }
        // Created when missing, never changed: a record a mapping declares or creates may be a curator's.
        if file.createOnly, table.kind == .record, try writer(for: table).existingRowID(values) != nil { return }
        // A row that keeps a curator's fields exists and is written in part (an UPDATE: see TableWriter.write).
        var existing = false
        if let curatorEdits {
            let spared = try curatorEdits.sparing(values, of: table, file: file.name, line: record.line)
            existing = spared.count < values.count
            values = spared
        }
        let missing = existing ? [] : table.requiredColumns.filter { column in !fields.contains { $0.name == column.name } }
        if !missing.isEmpty {
            // A record that already exists may be updated with fewer fields; a new one needs them all.
            let keyMissing = missing.contains { table.key.contains($0.name) }
            existing = keyMissing ? false : try writer(for: table).existingRowID(values) != nil
            if !existing {
                for column in missing { try problems.report(problem(.missing, file, record, field: fieldPrefix + column.name, "is required but missing")) }
                return
            }
        }
        do {
            let writer = try writer(for: table)
            if try writer.write(values, existing: existing) == .duplicate {
                let what = table.kind == .record ? "the slug \"\(record.slug ?? "")\"" : "this \(Tables.singular(table.name)) relation"
                try problems.report(problem(.duplicate, file, record, field: nil, "\(what) appears more than once in this import"))
            }
            if written != nil { written?[table.name, default: []].insert(writer.lastRowID) }
            if table.kind == .record, case .text(let slug)? = values.first(where: { $0.column.kind == .slug })?.value {
                lookup.wrote(slug, id: writer.lastRowID, in: table.name)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // In the archive's words: SQLite's message is the rule's SQL.
            let broken = try BrokenRule(error, table: table, values: values, db)
            try problems.report(problem(.rule, file, record, field: broken.field.map { fieldPrefix + $0 }, broken.message))
        }
    }
}
