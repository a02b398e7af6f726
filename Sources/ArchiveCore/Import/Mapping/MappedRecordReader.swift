// Reads a file through an import mapping, for one of the tables the mapping writes: the main records, the
// records its split fields create (makers), the relation rows between them, the citations. Each table is a
// pass over the file of its own, so memory does not grow with the file (only the slugs handed out, one per
// distinct record, are kept); every pass makes the same slugs, in the same order.

/// What a mapped import noticed, for its summary (dates as written that no rule reads).
public final class MappingStats: @unchecked Sendable {
    public internal(set) var dateTexts = 0
    public internal(set) var unparsedDates = 0
}

final class MappedRecordReader: RecordReader {
    private let source: any RecordReader
    private let mapping: ImportMapping
    private let table: TableDescription
    private let file: String
    private let stats: MappingStats?
    private var pending: [ReadOutcome] = []
    private var checkedHeader = false
    /// Main records by their place in the file (line, record number); created ones by the text of their slug.
    private var mainSlugs = SlugRegistry<Int64>()
    private var createdSlugs: [String: SlugRegistry<String>] = [:]
    private var created: Set<String> = []

    /// True when a template of the mapping refers to a date column, so that every pass must parse dates.
    private let needsDates: Bool

    init(source: any RecordReader, mapping: ImportMapping, table: TableDescription, file: String, stats: MappingStats?) {
        var templates: [ImportMapping.Template] = [mapping.slug]
        for split in mapping.splits {
            templates.append(split.create.slug)
            templates += split.create.columns.map(\.1) + split.fields.map(\.1)
        }
        if let cite = mapping.cite {
            templates.append(cite.source)
            if let note = cite.note { templates.append(note) }
        }
        let dateColumns: Set<String> = mapping.dates.map { [$0.earliest, $0.latest] } ?? []
        needsDates = templates.contains { !Set($0.fields).isDisjoint(with: dateColumns) }
        self.source = source
        self.mapping = mapping
        self.table = table
        self.file = file
        self.stats = stats
    }

    var offset: Int64 { source.offset }

    func next() throws(ImportProblem) -> ReadOutcome? {
        while pending.isEmpty {
            guard let outcome = try source.next() else { return nil }
            switch outcome {
            case .problem(let problem): return .problem(problem)
            case .record(let record): try map(record)
            }
        }
        return pending.removeFirst()
    }

    private func problem(_ record: InputRecord, _ field: String, _ message: String) -> ReadOutcome {
        .problem(ImportProblem(.missing, file: file, line: record.line, record: record.number, field: field, message: message))
    }

    private func map(_ record: InputRecord) throws(ImportProblem) {
        var fields: [String: String] = Dictionary(minimumCapacity: record.fields.count * 2 + mapping.columns.count + 8)
        for field in record.fields {
            switch field.value {
            case .string(let text): fields[field.name] = text
            case .number(let literal): fields[field.name] = literal
            case .bool(let value): fields[field.name] = value ? "true" : "false"
            default: break
            }
        }
        if !checkedHeader { try checkColumns(Set(record.fields.map(\.name))) }

        // The main record's values, in archive columns.
        var values: [String: String] = Dictionary(minimumCapacity: mapping.columns.count + mapping.constants.count + 4)
        for (column, sourceColumn) in mapping.columns { values[column] = fields[sourceColumn] ?? "" }
        for (column, value) in mapping.constants { values[column] = value }
        for (column, map) in mapping.values { if let value = values[column], let mapped = map[value] { values[column] = mapped } }
        // Dates matter to the main records alone (and to a template that names a year): other passes skip them.
        if let dates = mapping.dates, table.name == mapping.table.name || needsDates, let text = values[dates.text], !text.isEmpty {
            if table.name == mapping.table.name { stats?.dateTexts += 1 }
            // An explicit year wins over the parse; the parse fills only what is empty.
            if values[dates.earliest, default: ""].isEmpty || values[dates.latest, default: ""].isEmpty {
                if let years = DateText.years(text) {
                    if values[dates.earliest, default: ""].isEmpty, let earliest = years.earliest { values[dates.earliest] = String(earliest) }
                    if values[dates.latest, default: ""].isEmpty, let latest = years.latest { values[dates.latest] = String(latest) }
                } else if table.name == mapping.table.name && values[dates.earliest, default: ""].isEmpty && values[dates.latest, default: ""].isEmpty {
                    stats?.unparsedDates += 1
                }
            }
        }
        if let life = mapping.life, let text = fields[life.text] {
            let years = text.split { !$0.isNumber }.filter { $0.count == 4 }.compactMap { Int($0) }
            if years.count == 2, years[0] < years[1] {
                values[life.born] = String(years[0])
                values[life.died] = String(years[1])
            }
        }
        var context = fields
        for (column, value) in values { context[column] = value }
        for computed in mapping.context {
            let raw = fields[computed.from] ?? ""
            context[computed.name] = computed.values[raw] ?? raw
        }
        let slug: String
        switch mapping.slug.render(context) {
        // A record without a slug is reported once, by the pass over the main table; the others skip it.
        case .failure(let missing):
            if table.name == mapping.table.name {
                pending.append(problem(record, "slug", "cannot make the slug \(mapping.slug.text): \(missing.name) is empty (mapping \(mapping.path))"))
            }
            return
        case .success(let text):
            guard let base = SlugMaker.slug(text) else {
                if table.name == mapping.table.name {
                    pending.append(problem(record, "slug", "\(quoted(text)) holds no letter or digit to make a slug of (mapping \(mapping.path))"))
                }
                return
            }
            // Each row is a record of its own: two rows that make the same text (two makers named alike at one
            // museum) get the slug and the slug with -2, in the order of the file.
            slug = mainSlugs.slug(for: Int64(record.line) << 24 | Int64(record.number ?? 0), base: base)
        }

        if table.name == mapping.table.name {
            let row = [(name: "slug", value: JSONValue.string(slug))] + mapping.table.columns.compactMap { column -> (name: String, value: JSONValue)? in
                guard let value = values[column.name] else { return nil }
                return (column.name, value.isEmpty ? .null : .string(value))
            }
            pending.append(.record(InputRecord(line: record.line, number: record.number, fields: row, headerLine: record.headerLine)))
        }
        let citedSource: String? = mapping.cite.flatMap { try? $0.source.render(context).get() }
        if let cite = mapping.cite, cite.table.name == table.name, let column = cite.table.columns.first(where: { $0.kind == .reference(table: mapping.table.name) }) {
            var row: [(name: String, value: JSONValue)] = [(column.name, .string(slug)), ("source", citedSource.map(JSONValue.string) ?? .null)]
            if let note = cite.note, cite.table.column(named: "note") != nil {
                row.append(("note", (try? note.render(context).get()).map(JSONValue.string) ?? .null))
            }
            pending.append(.record(InputRecord(line: record.line, number: record.number, fields: row, headerLine: record.headerLine)))
        }
        for split in mapping.splits where split.create.table.name == table.name || split.relation.name == table.name {
            try splitRows(split, of: record, fields: fields, context: context, slug: slug, source: citedSource)
        }
    }

    private func splitRows(_ split: ImportMapping.Split, of record: InputRecord, fields: [String: String], context: [String: String], slug: String,
                           source: String?) throws(ImportProblem) {
        guard let text = fields[split.column], !text.isEmpty else { return }
        var seenLinks: Set<String> = []
        for item in text.components(separatedBy: split.separator) {
            let item = item.trimmingWhitespace()
            guard !item.isEmpty else { continue }
            var name = item, role: String?
            if split.hasRole, item.hasSuffix(")"), let open = item.lastRange(of: " (") {
                name = String(item[..<open.lowerBound]).trimmingWhitespace()
                role = String(item[open.upperBound..<item.index(before: item.endIndex)]).trimmingWhitespace()
            }
            var qualifier: String?
            if let given = role, split.qualifiers.contains(given.lowercased()) {
                qualifier = given.lowercased()
                role = split.qualifiedRole
            }
            var itemContext = context
            itemContext["name"] = name
            itemContext["role"] = role ?? split.qualifiedRole ?? ""
            guard case .success(let rendered) = split.create.slug.render(itemContext), let base = SlugMaker.slug(rendered) else {
                if split.create.table.name == table.name { pending.append(problem(record, split.column, "cannot make a slug from \(quoted(item)) with \(split.create.slug.text) (mapping \(mapping.path), \(split.key).create.slug)")) }
                continue
            }
            let otherSlug = createdSlugs[split.create.table.name, default: SlugRegistry()].slug(for: rendered, base: base)
            if split.create.table.name == table.name, created.insert(otherSlug).inserted {
                var row: [(name: String, value: JSONValue)] = [("slug", .string(otherSlug))]
                for (column, template) in split.create.columns {
                    if case .success(let value) = template.render(itemContext) { row.append((column, .string(value))) }
                }
                pending.append(.record(InputRecord(line: record.line, number: record.number, fields: row, headerLine: record.headerLine)))
            }
            guard split.relation.name == table.name else { continue }
            var row: [(name: String, value: JSONValue)] = [(split.parentColumn, .string(slug)), (split.otherColumn, .string(otherSlug))]
            for (column, template) in split.fields {
                switch template.render(itemContext) {
                case .success(let value): row.append((column, .string(value)))
                case .failure: row.append((column, .null))
                }
            }
            if let column = split.qualifierColumn { row.append((column, qualifier.map(JSONValue.string) ?? .null)) }
            if let source, split.relation.column(named: "source") != nil { row.append(("source", .string(source))) }
            // The same maker twice in one role on one object is one link.
            let link = row.map { field in if case .string(let text) = field.value { text } else { "" } }.joined(separator: "\u{0}")
            guard seenLinks.insert(link).inserted else { continue }
            pending.append(.record(InputRecord(line: record.line, number: record.number, fields: row, headerLine: record.headerLine)))
        }
    }

    /// Every column the mapping reads must be in the file: a missing one is the mapping's mistake, named by key.
    private func checkColumns(_ names: Set<String>) throws(ImportProblem) {
        checkedHeader = true
        func require(_ column: String, _ key: String) throws(ImportProblem) {
            guard names.contains(column) else {
                let suggestion = NearestName.suggestion(for: column, among: names.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                throw ImportProblem(.unknownField, file: mapping.path, field: key, message: "\(file) has no column \"\(column)\"\(suggestion)")
            }
        }
        for (column, source) in mapping.columns { try require(source, "columns.\(column)") }
        for split in mapping.splits { try require(split.column, "\(split.key).column") }
        if let dates = mapping.dates, mapping.columns.contains(where: { $0.column == dates.text }) == false {
            throw ImportProblem(.syntax, file: mapping.path, field: "dates.text", message: "\(dates.text) is not one of the mapping's columns")
        }
        if let life = mapping.life { try require(life.text, "life.text") }
        for computed in mapping.context { try require(computed.from, "context.\(computed.name).from") }
        // What a template may name: the file's columns, the archive columns the mapping fills, the context; a
        // split's templates also its item's name and role. A field named nowhere was reported on every row.
        let known = names.union(mapping.columns.map(\.column)).union(mapping.constants.map(\.column)).union(mapping.context.map(\.name))
            .union(mapping.dates.map { [$0.earliest, $0.latest] } ?? []).union(mapping.life.map { [$0.born, $0.died] } ?? [])
        func check(_ template: ImportMapping.Template, _ key: String, also extra: Set<String> = []) throws(ImportProblem) {
            for field in template.fields where !known.contains(field) && !extra.contains(field) {
                let suggestion = NearestName.suggestion(for: field, among: known.union(extra).sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                throw ImportProblem(.unknownField, file: mapping.path, field: key,
                                    message: "the template \"\(template.text)\" names {\(field)}, which is neither a column of \(file) nor one the mapping makes\(suggestion)")
            }
        }
        try check(mapping.slug, "slug")
        if let cite = mapping.cite {
            try check(cite.source, "cite.source")
            if let note = cite.note { try check(note, "cite.note") }
        }
        for split in mapping.splits {
            let item: Set<String> = ["name", "role"]
            try check(split.create.slug, "\(split.key).create.slug", also: item)
            for (column, template) in split.create.columns { try check(template, "\(split.key).create.columns.\(column)", also: item) }
            for (column, template) in split.fields { try check(template, "\(split.key).fields.\(column)", also: item) }
        }
    }
}

/// The records a mapping declares once (its institution, its source), read like a file.
final class FixedRecordsReader: RecordReader {
    private var rows: [[(name: String, value: JSONValue)]]
    private var number = 0

    init(_ rows: [[(name: String, value: JSONValue)]]) { self.rows = rows }

    var offset: Int64 { 0 }

    func next() throws(ImportProblem) -> ReadOutcome? {
        guard !rows.isEmpty else { return nil }
        number += 1
        return .record(InputRecord(line: 1, number: number, fields: rows.removeFirst()))
    }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    /// The last range of `target`.
    func lastRange(of target: String) -> Range<Index>? {
        var index = endIndex
        while index > startIndex {
            index = self.index(before: index)
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
        }
        return nil
    }
}
