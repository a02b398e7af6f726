// One pass of an import over its files, inside a transaction somebody else holds: records first and then the
// relations that refer to them by slug (nested JSON lists once every record exists), reporting what is wrong
// with each file to the problem log and progress as bytes are read.
final class ImportRun {
    /// Called now and then with (bytes read, total bytes), for a progress bar.
    typealias Progress = (Int64, Int64) -> Void

    let problems: ProblemLog
    let writer: ImportWriter
    private let formulaGuard: Bool
    private let progress: Progress?
    /// The nested relation lists found in JSON record files, to be written once every record exists.
    private var nestedLists: [(file: ImportFile, list: TableDescription.NestedList)] = []
    private var reportedUnknownFields: Set<String> = []
    private var bytesDone: Int64 = 0
    private var bytesTotal: Int64 = 0

    /// The archive as the import found it, for mappings that match makers by authority id.
    private let archiveBeforeImport: ArchiveBeforeImport?

    init(writer: ImportWriter, problems: ProblemLog, formulaGuard: Bool, progress: Progress? = nil, archive: ArchiveBeforeImport? = nil) {
        self.writer = writer
        archiveBeforeImport = archive
        self.problems = problems
        self.formulaGuard = formulaGuard
        self.progress = progress
    }

    /// Reads and writes every file; throws ImportFailure when the problem log filled up, and otherwise leaves
    /// the problems found in the log for the caller to act on.
    func importAll(_ files: [ImportFile]) throws {
        bytesTotal = files.reduce(0) { $0 + $1.size }
        do {
            for table in Tables.records {
                for file in files where file.table == table.name { try importFile(file, into: table) }
            }
            // A mapped file wrote its relations with its records, row by row.
            for table in Tables.relations {
                for file in files where file.table == table.name && file.mappingStats == nil { try importFile(file, into: table) }
                for (file, list) in nestedLists where list.table == table.name { try importNested(list, of: file, into: table) }
            }
        } catch is ProblemLog.Full {
            throw problems.failure(truncated: true)
        }
    }

    /// Reads every record of `file`. The second pass over a file (for its nested lists) does not report
    /// what is wrong with the file again: the first pass did.
    private func forEachRecord(in file: ImportFile, reportingProblems: Bool = true, _ body: (InputRecord) throws -> Void) throws {
        let reader: any RecordReader
        do {
            reader = try file.makeReader(formulaGuard: formulaGuard, archive: archiveBeforeImport)
        } catch {
            if reportingProblems { try problems.report(error) }
            return
        }
        var lastOffset: Int64 = 0
        var count = 0
        while true {
            let outcome: ReadOutcome?
            do {
                outcome = try reader.next()
            } catch {
                if reportingProblems { try problems.report(error) }
                break
            }
            guard let outcome else { break }
            switch outcome {
            case .problem(let problem): if reportingProblems { try problems.report(problem) }
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
        // A mapped file's rows name their tables; the records its splits create are only ever created.
        var created = file
        created.createOnly = true
        try forEachRecord(in: file) { record in
            if let target = record.target, target != table.name, let other = Tables.named(target) {
                try writer.writeRow(record.fields, of: record, in: other.kind == .record ? created : file, into: other)
                return
            }
            var fields: [(name: String, value: JSONValue)] = []
            var unknown: [String] = []
            for field in record.fields {
                if table.column(named: field.name) != nil {
                    fields.append(field)
                } else if file.format != .csv, let list = table.nested.first(where: { $0.key == field.name }) {
                    if case .array = field.value {
                        foundLists.insert(list.key)
                    } else {
                        try problems.report(writer.problem(.type, file, record, field: field.name, "expected a list of \(list.table) rows, found \(field.value.kindDescription)"))
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
            try writer.writeRow(fields, of: record, in: file, into: table)
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
            try problems.report(ImportProblem(.unknownField, file: file.name, line: record.headerLine ?? 1, field: name, message: message))
        } else {
            try problems.report(writer.problem(.unknownField, file, record, field: name, message))
        }
    }

    /// Writes the relations listed inside JSON records, once every record of the import exists.
    private func importNested(_ list: TableDescription.NestedList, of file: ImportFile, into table: TableDescription) throws {
        try forEachRecord(in: file, reportingProblems: false) { record in
            guard let slug = record.slug, case .array(let items)? = record.value(list.key) else { return }
            // A record that did not make it in was reported by the first pass; its lists are not checked again.
            guard try writer.lookup.id(of: slug, in: file.table) != nil else { return }
            for (index, item) in items.enumerated() {
                let path = "\(list.key)[\(index + 1)]"
                guard case .object(let members) = item else {
                    try problems.report(writer.problem(.type, file, record, field: path, "expected an object, found \(item.kindDescription)"))
                    continue
                }
                var fields: [(name: String, value: JSONValue)] = [(list.parentColumn, .string(slug))]
                for member in members {
                    guard member.key != list.parentColumn, table.column(named: member.key) != nil else {
                        let known = table.columns.map(\.name).filter { $0 != list.parentColumn }
                        try problems.report(writer.problem(.unknownField, file, record, field: "\(path).\(member.key)", "unknown field (known: \(known.joined(separator: ", ")))"))
                        continue
                    }
                    fields.append((member.key, member.value))
                }
                try writer.writeRow(fields, of: record, in: file, into: table, fieldPrefix: path + ".")
            }
        }
    }

    /// What was added, updated and left unchanged, per table written.
    func report(dryRun: Bool) -> ImportReport {
        ImportReport(
            tables: Tables.all.compactMap { table in
                writer.writers[table.name].map { ImportReport.TableCounts(table: table.name, added: $0.added, updated: $0.updated, unchanged: $0.unchanged) }
            },
            dryRun: dryRun, keptEdits: writer.curatorEdits?.kept ?? [], keptEditCount: writer.curatorEdits?.count ?? 0)
    }
}
