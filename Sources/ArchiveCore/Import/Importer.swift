// Imports files into the archive as one transaction: every file is read and checked, records first and then
// the relations that refer to them by slug, and either all of it lands or none of it does. Problems are
// collected (up to a limit) rather than stopping at the first, so that a user can fix a file in one go.
import ArchiveStorage

public struct ImportOptions: Sendable {
    /// Check everything, write nothing.
    public var dryRun = false
    /// Stop reading after this many problems.
    public var maximumProblems = 50
    /// Whether indexes are rebuilt once at the end instead of being kept up to date row by row (BulkLoad).
    public var bulkLoad = BulkLoadPolicy.automatic
    /// What the import log calls the input ("seeds", a path).
    public var source = "files"
    /// Undo export's formula guard in CSV (a leading apostrophe before = + - @ tab CR). Off for files
    /// exported with --no-formula-guard, whose apostrophes are the data's own.
    public var formulaGuard = true
    /// Who imports, for the history.
    public var actor = "unknown"

    public init(dryRun: Bool = false, maximumProblems: Int = 50, bulkLoad: BulkLoadPolicy = .automatic, source: String = "files",
                formulaGuard: Bool = true, actor: String = "unknown") {
        self.dryRun = dryRun
        self.actor = actor
        self.formulaGuard = formulaGuard
        self.source = source
        self.maximumProblems = maximumProblems
        self.bulkLoad = bulkLoad
    }
}

public final class Importer {
    /// Called now and then with (bytes read, total bytes), for a progress bar.
    public typealias Progress = (Int64, Int64) -> Void

    private let archive: Archive
    private var db: Database { archive.database }
    private var problems: [ImportProblem] = []
    private var options = ImportOptions()
    private var writers: [String: TableWriter] = [:]
    private var idLookups: [String: String] = [:]
    private var lastLookups: [String: (slug: String, id: Int64)] = [:]
    /// The nested relation lists found in JSON record files, to be written once every record exists.
    private var nestedLists: [(file: ImportFile, list: TableDescription.NestedList)] = []
    private var reportedUnknownFields: Set<String> = []
    private var progress: Progress?
    private var bytesDone: Int64 = 0
    private var bytesTotal: Int64 = 0

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Imports `files`. Throws ImportFailure (listing every problem found) when anything is wrong, leaving
    /// the archive exactly as it was.
    public func run(_ files: [ImportFile], options: ImportOptions = ImportOptions(), progress: Progress? = nil) throws -> ImportReport {
        self.options = options
        self.progress = progress
        problems = []
        writers = [:]
        lastLookups = [:]
        nestedLists = []
        reportedUnknownFields = []
        bytesDone = 0
        bytesTotal = files.reduce(0) { $0 + $1.size }

        for file in files where Tables.named(file.table) == nil {
            problems.append(ImportProblem(
                .unknownTable, file: file.name,
                message: "unknown table \"\(file.table)\": name the file after one of \(Tables.all.map(\.name).joined(separator: ", ")), or give --table"))
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems, truncated: false) }

        // A bounded, larger page cache: index pages touched again and again stay in memory instead of being
        // spilled to the WAL each time (the default 2 MiB spilled most of a 1M-row import). Within the 100 MB aim.
        let cacheSize: Int64 = try db.fetchOne("PRAGMA cache_size") ?? -2000
        try db.execute("PRAGMA cache_size = -\(Importer.cacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }
        do {
            return try db.transaction(.immediate) {
                let archiveBytes: Int64 = try db.fetchOne("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
                let bulkLoad = options.bulkLoad.applies(inputBytes: bytesTotal, archiveBytes: archiveBytes)
                    ? try BulkLoad.begin(db, tables: Set(files.map(\.table))) : nil
                // The import is one change of the history: updated rows logged by temporary triggers with their
                // before- and after-images, added rows by the rowid above which they lie.
                let log = options.dryRun ? nil : try ChangeLog(db, command: "import \(options.source)", by: options.actor)
                try log?.watchUpdates(Tables.all.map(\.name))
                defer { log?.stopWatching() }
                try importAll(files)
                guard problems.isEmpty else { throw ImportFailure(problems: problems, truncated: false) }
                let report = makeReport()
                if options.dryRun { throw DryRunFinished(report: report) }
                try bulkLoad?.finish(db)
                for table in Tables.all {
                    if let writer = writers[table.name], writer.added > 0 { try log?.insertedAbove(table.name, rowid: writer.startMax) }
                }
                log?.stopWatching()
                try log?.discardIfEmpty()
                try db.execute(
                    "INSERT INTO imports (finished_at, source, added, updated, unchanged) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                    [options.source, report.added, report.updated, report.unchanged])
                return report
            }
        } catch let finished as DryRunFinished {
            return finished.report
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// The page cache an import may use, in KiB.
    static let cacheKiB = 16 * 1024

    private struct DryRunFinished: Error { let report: ImportReport }
    private struct TooManyProblems: Error {}

    private func importAll(_ files: [ImportFile]) throws {
        do {
            for table in Tables.records {
                for file in files where file.table == table.name { try importFile(file, into: table) }
            }
            for table in Tables.relations {
                for file in files where file.table == table.name { try importFile(file, into: table) }
                for (file, list) in nestedLists where list.table == table.name { try importNested(list, of: file, into: table) }
            }
        } catch is TooManyProblems {
            throw ImportFailure(problems: problems, truncated: true)
        }
    }

    private func makeReport() -> ImportReport {
        ImportReport(
            tables: Tables.all.compactMap { table in
                writers[table.name].map { ImportReport.TableCounts(table: table.name, added: $0.added, updated: $0.updated, unchanged: $0.unchanged) }
            },
            dryRun: options.dryRun)
    }

    private func report(_ problem: ImportProblem) throws {
        problems.append(problem)
        if problems.count >= options.maximumProblems { throw TooManyProblems() }
    }

    private func writer(for table: TableDescription) throws -> TableWriter {
        if let writer = writers[table.name] { return writer }
        let writer = try TableWriter(table: table, database: db)
        writers[table.name] = writer
        return writer
    }

    // MARK: Reading files

    /// Reads every record of `file`. The second pass over a file (for its nested lists) does not report
    /// what is wrong with the file again: the first pass did.
    private func forEachRecord(in file: ImportFile, reportingProblems: Bool = true, _ body: (InputRecord) throws -> Void) throws {
        let reader: any RecordReader
        do {
            reader = try file.makeReader(formulaGuard: options.formulaGuard)
        } catch {
            if reportingProblems { try report(error) }
            return
        }
        var lastOffset: Int64 = 0
        var count = 0
        while true {
            let outcome: ReadOutcome?
            do {
                outcome = try reader.next()
            } catch {
                if reportingProblems { try report(error) }
                break
            }
            guard let outcome else { break }
            switch outcome {
            case .problem(let problem): if reportingProblems { try report(problem) }
            case .record(let record): try body(record)
            }
            count += 1
            if count % 4096 == 0, let progress {
                bytesDone += reader.offset - lastOffset
                lastOffset = reader.offset
                progress(bytesDone, bytesTotal)
            }
        }
        bytesDone += reader.offset - lastOffset
        progress?(bytesDone, bytesTotal)
    }

    private func importFile(_ file: ImportFile, into table: TableDescription) throws {
        var foundLists: Set<String> = []
        try forEachRecord(in: file) { record in
            var fields: [(name: String, value: JSONValue)] = []
            var unknown: [String] = []
            for field in record.fields {
                if table.column(named: field.name) != nil {
                    fields.append(field)
                } else if file.format != .csv, let list = table.nested.first(where: { $0.key == field.name }) {
                    if case .array = field.value {
                        foundLists.insert(list.key)
                    } else {
                        try report(problem(.type, file, record, field: field.name, "expected a list of \(list.table) rows, found \(field.value.kindDescription)"))
                    }
                } else {
                    unknown.append(field.name)
                }
            }
            // Every unknown column is reported at once (once per file), each with the nearest known name.
            guard unknown.isEmpty else {
                for name in unknown { try reportUnknownField(name, in: file, table: table, record: record) }
                return
            }
            try writeRow(fields, of: record, in: file, into: table)
        }
        for list in table.nested where foundLists.contains(list.key) { nestedLists.append((file, list)) }
    }

    private func reportUnknownField(_ name: String, in file: ImportFile, table: TableDescription, record: InputRecord) throws {
        guard reportedUnknownFields.insert(file.name + "\u{0}" + name).inserted else { return }
        var known = table.columns.map(\.name)
        if file.format != .csv { known += table.nested.map(\.key) }
        let suggestion = NearestName.suggestion(for: name, among: known).map { "; did you mean \"\($0)\"?" } ?? ""
        let message = "unknown field for \(table.name)\(suggestion) (known: \(known.joined(separator: ", ")))"
        if file.format == .csv {
            try report(ImportProblem(.unknownField, file: file.name, line: record.headerLine ?? 1, field: name, message: message))
        } else {
            try report(problem(.unknownField, file, record, field: name, message))
        }
    }

    /// Writes the relations listed inside JSON records, once every record of the import exists.
    private func importNested(_ list: TableDescription.NestedList, of file: ImportFile, into table: TableDescription) throws {
        try forEachRecord(in: file, reportingProblems: false) { record in
            guard let slug = record.slug, case .array(let items)? = record.value(list.key) else { return }
            // A record that did not make it in was reported by the first pass; its lists are not checked again.
            guard try lookUpID(slug, in: file.table) != nil else { return }
            for (index, item) in items.enumerated() {
                let path = "\(list.key)[\(index + 1)]"
                guard case .object(let members) = item else {
                    try report(problem(.type, file, record, field: path, "expected an object, found \(item.kindDescription)"))
                    continue
                }
                var fields: [(name: String, value: JSONValue)] = [(list.parentColumn, .string(slug))]
                for member in members {
                    guard member.key != list.parentColumn, table.column(named: member.key) != nil else {
                        let known = table.columns.map(\.name).filter { $0 != list.parentColumn }
                        try report(problem(.unknownField, file, record, field: "\(path).\(member.key)", "unknown field (known: \(known.joined(separator: ", ")))"))
                        continue
                    }
                    fields.append((member.key, member.value))
                }
                try writeRow(fields, of: record, in: file, into: table, fieldPrefix: path + ".")
            }
        }
    }

    // MARK: Writing rows

    private func problem(_ kind: ImportProblem.Kind, _ file: ImportFile, _ record: InputRecord, field: String?,
                         _ message: String) -> ImportProblem {
        ImportProblem(kind, file: file.name, line: record.line, record: record.number, slug: record.slug, field: field, message: message)
    }

    /// Checks and converts one row's fields, resolves its references and upserts it.
    private func writeRow(_ fields: [(name: String, value: JSONValue)], of record: InputRecord, in file: ImportFile,
                          into table: TableDescription, fieldPrefix: String = "") throws {
        var values: [(column: ColumnDescription, value: DatabaseValue)] = []
        var isValid = true
        for field in fields {
            guard let column = table.column(named: field.name) else { continue }
            switch column.convert(field.value) {
            case .failure(let error):
                isValid = false
                try report(problem(.type, file, record, field: fieldPrefix + field.name, error.message))
            case .success(let value):
                if value.isNull && column.isRequired {
                    isValid = false
                    try report(problem(.missing, file, record, field: fieldPrefix + field.name, "is required but empty"))
                } else if case .reference(let target) = column.kind, case .text(let slug) = value {
                    guard let id = try lookUpID(slug, in: target) else {
                        isValid = false
                        try report(problem(.reference, file, record, field: fieldPrefix + field.name,
                                           "no \(singular(target)) with slug \"\(slug)\" in the archive or in this import"))
                        continue
                    }
                    values.append((column, .integer(id)))
                } else {
                    values.append((column, value))
                }
            }
        }
        guard isValid else { return }
        let missing = table.columns.filter { column in column.isRequired && !fields.contains { $0.name == column.name } }
        var existing = false
        if !missing.isEmpty {
            // A record that already exists may be updated with fewer fields; a new one needs them all.
            let keyMissing = missing.contains { table.key.contains($0.name) }
            existing = keyMissing ? false : try writer(for: table).existingRowID(values) != nil
            if !existing {
                for column in missing { try report(problem(.missing, file, record, field: fieldPrefix + column.name, "is required but missing")) }
                return
            }
        }
        do {
            if try writer(for: table).write(values, existing: existing) == .duplicate {
                let what = table.kind == .record ? "the slug \"\(record.slug ?? "")\"" : "this \(singular(table.name)) relation"
                try report(problem(.duplicate, file, record, field: nil, "\(what) appears more than once in this import"))
            }
        } catch let error as DatabaseError where error.primaryCode == 19 { // SQLITE_CONSTRAINT
            try report(problem(.rule, file, record, field: nil, "breaks a rule of the archive: \(error.message)"))
        }
    }

    private func lookUpID(_ slug: String, in table: String) throws -> Int64? {
        // Relation files usually list a record's links one after another: remember the last answer per table.
        if let last = lastLookups[table], last.slug == slug { return last.id }
        let sql = idLookups[table] ?? "SELECT id FROM \(table) WHERE slug = ?"
        idLookups[table] = sql
        let id: Int64? = try db.fetchOne(sql, [slug])
        if let id { lastLookups[table] = (slug, id) } // not a miss: the record may come later in the import
        return id
    }

    private func singular(_ table: String) -> String {
        switch table {
        case "sources": "source"
        case "designers": "designer"
        case "collections": "collection"
        case "shoes": "shoe"
        case "icons": "icon"
        case "institutions": "institution"
        case "objects": "object"
        case "trends": "trend"
        default: String(table.map { $0 == "_" ? "-" : $0 })
        }
    }
}

