// Reads a file through an import mapping, in one pass: each row becomes its main record, its citation, the
// records its split fields create (makers) and the relation rows between them, each tagged with its table, in
// an order that lets each refer to the ones before. Memory does not grow with the file: only the slugs handed
// out, one per distinct record, are kept. (A pass per table cost 4.2× the same file mapped without makers.)

/// What a mapped import noticed, for its summary: dates as written that no rule reads, and what the mapping may
/// not mean (a maker template over a column that holds the split's separator, parallel columns of unequal length).
public final class MappingStats: @unchecked Sendable {
    public internal(set) var dateTexts = 0
    public internal(set) var unparsedDates = 0
    /// Each warning once, with the rows it concerns and the first line: as many as the mapping has keys, no more.
    public internal(set) var warnings: [(message: String, rows: Int, firstLine: Int)] = []

    func warn(_ message: String, line: Int) {
        if let index = warnings.firstIndex(where: { $0.message == message }) { warnings[index].rows += 1 } else { warnings.append((message, 1, line)) }
    }
}

final class MappedRecordReader: RecordReader {
    private let source: any RecordReader
    private let mapping: ImportMapping
    private let file: String
    private let stats: MappingStats?
    /// The archive as it was before the import, where makers are matched by authority id.
    private let archive: ArchiveBeforeImport?
    /// What one record made, handed out in order (an index, not removeFirst: a record may make thousands).
    private var pending: [ReadOutcome] = []
    private var handedOut = 0
    private var checkedHeader = false
    /// Main records by their place in the file (line, record number); created ones by the text of their slug
    /// or by their first authority id.
    private var mainSlugs = SlugRegistry<Int64>()
    private var createdSlugs: [String: SlugRegistry<String>] = [:]
    /// Per created table, "column:id" → the slug of the record made or found for that authority id.
    private var byIdentifier: [String: [String: String]] = [:]
    private var created: Set<String> = []

    /// The fields the mapping takes as one value each: a JSON list or object in their place is reported, not dropped.
    private let singleValued: Set<String>

    /// What each split needs on every row, worked out once.
    private struct SplitPlan {
        /// The names an item has of its own: `name`, `role` and the zipped columns'.
        let own: [String]
        /// Per template key, the row's fields it names: a warning when one holds the separator.
        let rowFields: [(key: String, field: String)]
        /// Whether every template of the split names only the item's own values: then items alike (a maker named
        /// in thousands of rows) make the same record and link fields, worked out once.
        let itemsAlikeMatch: Bool
    }
    private let plans: [SplitPlan]
    /// Per split, an item's own values → the slug of its record and its link's fields (up to `remembered`).
    private var made: [[String: (slug: String, fields: [(name: String, value: JSONValue)])]]
    private static let remembered = 65_536

    init(source: any RecordReader, mapping: ImportMapping, file: String, stats: MappingStats?, archive: ArchiveBeforeImport?) {
        var templates: [ImportMapping.Template] = [mapping.slug] + mapping.columns.map(\.source)
        if let cite = mapping.cite {
            templates.append(cite.source)
            if let note = cite.note { templates.append(note) }
        }
        singleValued = Set(templates.flatMap(\.fields) + mapping.splits.flatMap { $0.zip.map(\.column) } + mapping.context.map(\.from)
                           + (mapping.life.map { [$0.text] } ?? []))
        self.source = source
        self.mapping = mapping
        self.file = file
        self.stats = stats
        self.archive = archive
        plans = mapping.splits.map { split in
            let own = ["name", "role"] + split.zip.map(\.name)
            let templates = [("\(split.key).create.slug", split.create.slug)] + split.create.columns.map { ("\(split.key).create.columns.\($0.0)", $0.1) }
                + split.fields.map { ("\(split.key).fields.\($0.0)", $0.1) }
            let rowFields = templates.flatMap { key, template in
                template.fields.filter { !own.contains($0) && $0 != split.column }.map { (key: key, field: $0) }
            }
            return SplitPlan(own: own, rowFields: rowFields, itemsAlikeMatch: rowFields.isEmpty && templates.allSatisfy { $0.1.fields.allSatisfy(own.contains) })
        }
        made = Array(repeating: [:], count: mapping.splits.count)
    }

    var offset: Int64 { source.offset }

    func next() throws(ImportProblem) -> ReadOutcome? {
        while handedOut == pending.count {
            pending.removeAll(keepingCapacity: true)
            handedOut = 0
            guard let outcome = try source.next() else { return nil }
            switch outcome {
            case .problem(let problem): return .problem(problem)
            case .record(let record): try map(record)
            }
        }
        handedOut += 1
        return pending[handedOut - 1]
    }

    /// A row the mapping made, for `table`.
    private func emit(_ fields: [(name: String, value: JSONValue)], of record: InputRecord, into table: TableDescription) {
        pending.append(.record(InputRecord(line: record.line, number: record.number, fields: fields, headerLine: record.headerLine, target: table.name)))
    }

    private func problem(_ record: InputRecord, _ field: String, _ message: String) -> ReadOutcome {
        .problem(ImportProblem(.missing, file: file, line: record.line, record: record.number, field: field, message: message))
    }

    /// A record's values by path: a CSV column, or a JSON key with the keys of the objects it holds joined by
    /// dots (`_primaryMaker.name`); null is empty. Lists and objects are kept apart, for splits and messages.
    private static func flatten(_ path: String, _ value: JSONValue, _ fields: inout [String: String], _ nested: inout [String: JSONValue]) {
        switch value {
        case .string(let text): fields[path] = text
        case .number(let literal): fields[path] = literal
        case .bool(let value): fields[path] = value ? "true" : "false"
        case .null: fields[path] = ""
        case .array: nested[path] = value
        case .object(let members):
            nested[path] = value
            for member in members { flatten(path.isEmpty ? member.key : path + "." + member.key, member.value, &fields, &nested) }
        }
    }

    private func map(_ record: InputRecord) throws(ImportProblem) {
        var fields: [String: String] = Dictionary(minimumCapacity: record.fields.count * 2 + mapping.columns.count + 8)
        var nested: [String: JSONValue] = [:]
        for field in record.fields { Self.flatten(field.name, field.value, &fields, &nested) }
        if !checkedHeader { try checkColumns(fields, nested) }
        // A list or an object where the mapping takes one value would be lost: the record is refused instead.
        if !nested.isEmpty, let name = singleValued.sorted().first(where: { nested[$0] != nil }) {
            pending.append(problem(record, name, "\(name) is \(nested[name]!.kindDescription) here, where the mapping \(mapping.path) takes one value: name one of its values\(Self.members(of: nested[name]!, at: name))"))
            return
        }

        // The main record's values, in archive columns.
        var values: [String: String] = Dictionary(minimumCapacity: mapping.columns.count + mapping.constants.count + 4)
        for (column, source) in mapping.columns { values[column] = source.value(fields) ?? "" }
        for (column, value) in mapping.constants { values[column] = value }
        for (column, map) in mapping.values { if let value = values[column], let mapped = map[value] { values[column] = mapped } }
        // Dates matter to the main records alone (and to a template that names a year): other passes skip them.
        if let dates = mapping.dates, let text = values[dates.text], !text.isEmpty {
            stats?.dateTexts += 1
            // An explicit year wins over the parse; the parse fills only what is empty.
            if values[dates.earliest, default: ""].isEmpty || values[dates.latest, default: ""].isEmpty {
                if let years = DateText.years(text) {
                    if values[dates.earliest, default: ""].isEmpty, let earliest = years.earliest { values[dates.earliest] = String(earliest) }
                    if values[dates.latest, default: ""].isEmpty, let latest = years.latest { values[dates.latest] = String(latest) }
                } else if values[dates.earliest, default: ""].isEmpty && values[dates.latest, default: ""].isEmpty {
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
        case .failure(let missing):
            pending.append(problem(record, "slug", "cannot make the slug \(mapping.slug.text): \(missing.name) is empty (mapping \(mapping.path))"))
            return
        case .success(let text):
            guard let base = SlugMaker.slug(text) else {
                pending.append(problem(record, "slug", "\(quoted(text)) holds no letter or digit to make a slug of (mapping \(mapping.path))"))
                return
            }
            // Each row is a record of its own: two rows that make the same text (two makers named alike at one
            // museum) get the slug and the slug with -2, in the order of the file.
            slug = mainSlugs.slug(for: Int64(record.line) << 24 | Int64(record.number ?? 0), base: base)
        }

        // The main record first, then what refers to it: its citation, and per split item the record it names
        // before the link to it.
        let row = [(name: "slug", value: JSONValue.string(slug))] + mapping.table.columns.compactMap { column -> (name: String, value: JSONValue)? in
            guard let value = values[column.name] else { return nil }
            return (column.name, value.isEmpty ? .null : .string(value))
        }
        emit(row, of: record, into: mapping.table)
        let cuts = mapping.splits.map { split in Cut(split, fields) }
        for (index, split) in mapping.splits.enumerated() { noticeSplit(split, plans[index], cuts[index], record: record, fields: fields) }
        let citedSource: String? = mapping.cite.flatMap { $0.source.value(context) }
        if let cite = mapping.cite, let column = cite.table.columns.first(where: { $0.kind == .reference(table: mapping.table.name) }) {
            var row: [(name: String, value: JSONValue)] = [(column.name, .string(slug)), ("source", citedSource.map(JSONValue.string) ?? .null)]
            if let note = cite.note, cite.table.column(named: "note") != nil {
                row.append(("note", note.value(context).map(JSONValue.string) ?? .null))
            }
            emit(row, of: record, into: cite.table)
        }
        for (index, split) in mapping.splits.enumerated() {
            try splitRows(index, cuts[index], of: record, fields: fields, nested: nested, context: context, slug: slug, source: citedSource)
        }
    }

    /// A split column's parts on one row and those of its zipped columns, cut once for the warnings and the items.
    private struct Cut {
        let names: [Substring]
        /// Per zipped column, its parts ([] when the row lacks it; one empty part when it is empty).
        let zipped: [[Substring]]

        init?(_ split: ImportMapping.Split, _ fields: [String: String]) {
            guard let text = fields[split.column], !text.isEmpty else { return nil }
            names = text.parts(separatedBy: split.separator)
            zipped = split.zip.map { fields[$0.column]?.parts(separatedBy: split.separator) ?? [] }
        }
    }

    /// The items of a split field, each with its own values: `name` (and `role`) from the pattern and the parts
    /// of the zipped columns at its place, or the values of a JSON object. Empty places give no item.
    private func items(of split: ImportMapping.Split, _ cut: Cut?, nested: [String: JSONValue]) -> [[String: String]] {
        if let value = nested[split.column] {
            let elements: [JSONValue]
            if case .array(let list) = value { elements = list } else { elements = [value] }
            return elements.compactMap { element in
                switch element {
                case .object(let members):
                    var item: [String: String] = [:], inner: [String: JSONValue] = [:]
                    for member in members { Self.flatten(member.key, member.value, &item, &inner) }
                    return item
                case .string(let text): return text.trimmingWhitespace().isEmpty ? nil : textItem(text.trimmingWhitespace(), split)
                case .number(let literal): return textItem(literal, split)
                default: return nil
                }
            }
        }
        guard let cut else { return [] }
        var items: [[String: String]] = []
        for (index, name) in cut.names.enumerated() {
            let name = String(name).trimmingWhitespace()
            guard !name.isEmpty else { continue }
            var item = textItem(name, split)
            for (zipped, parts) in zip(split.zip, cut.zipped) where index < parts.count {
                let part = String(parts[index]).trimmingWhitespace()
                if !part.isEmpty { item[zipped.name] = part }
            }
            items.append(item)
        }
        return items
    }

    /// An item written as text: `{name}`, or `{name} ({role})` when the pattern says so.
    private func textItem(_ text: String, _ split: ImportMapping.Split) -> [String: String] {
        if split.hasRole, text.hasSuffix(")"), let open = text.lastRange(of: " (") {
            return ["name": String(text[..<open.lowerBound]).trimmingWhitespace(),
                    "role": String(text[open.upperBound..<text.index(before: text.endIndex)]).trimmingWhitespace()]
        }
        return ["name": text]
    }

    /// Warns, once per mapping key, of what the mapping may not mean on this row: a template of the split over a
    /// column of the row that holds the separator gives every item the whole text; zipped columns whose number of
    /// parts differs from the items' leave parts out or items without them.
    private func noticeSplit(_ split: ImportMapping.Split, _ plan: SplitPlan, _ cut: Cut?, record: InputRecord, fields: [String: String]) {
        guard let stats, let cut, cut.names.count > 1 else { return }
        for (zipped, parts) in zip(split.zip, cut.zipped) where parts.count != cut.names.count {
            // A row without the column, or with it empty, is not a row of unequal parts.
            guard parts.count > 1 || parts.first?.isEmpty == false else { continue }
            stats.warn("\(split.key).zip.\(zipped.name): \(zipped.column) has another number of parts than \(split.column): parts without an item are left out", line: record.line)
        }
        for (key, field) in plan.rowFields where fields[field]?.holds(split.separator) == true {
            stats.warn("\(key): {\(field)} holds the separator \"\(split.separator)\": every item gets the whole text; zip it (\(split.key).zip) to give each item its own part", line: record.line)
        }
    }

    private func splitRows(_ index: Int, _ cut: Cut?, of record: InputRecord, fields: [String: String], nested: [String: JSONValue],
                           context: [String: String], slug: String, source: String?) throws(ImportProblem) {
        let split = mapping.splits[index], plan = plans[index]
        let items = items(of: split, cut, nested: nested)
        // A row of one item cannot name its link twice.
        var seenLinks: Set<String>? = items.count > 1 ? [] : nil
        for item in items {
            let alike = plan.itemsAlikeMatch ? plan.own.map { item[$0] ?? "\u{1}" }.joined(separator: "\u{0}") : nil
            if let alike, let known = made[index][alike] {
                link(split, slug, known.slug, known.fields, source: source, record: record, seen: &seenLinks)
                continue
            }
            var role = item["role"]
            var qualifier: String?
            if let given = role, split.qualifiers.contains(given.lowercased()) {
                qualifier = given.lowercased()
                role = split.qualifiedRole
            }
            // The item's own values shadow the row's, empty ones too: a maker without a Wikidata place of its own
            // must not take the object's `wikidata`. Looked up item first, without copying the row's.
            var own = item
            for field in ["name", "role"] + split.zip.map(\.name) where own[field] == nil { own[field] = "" }
            own["role"] = role ?? split.qualifiedRole ?? ""
            let itemValues = own
            let itemContext = { (field: String) in itemValues[field] ?? context[field] }
            let rendered: String
            switch split.create.slug.render(itemContext) {
            case .success(let text): rendered = text
            case .failure(let missing):
                // An item whose own value is empty (a maker the mapping reads as unknown) names no one; an empty
                // value of the row is the row's problem.
                if item[missing.name] != nil || ["name", "role"].contains(missing.name) || split.zip.contains(where: { $0.name == missing.name })
                    || nested[split.column] != nil && fields[missing.name] == nil { continue }
                pending.append(problem(record, split.column, "cannot make a slug with \(split.create.slug.text): \(missing.name) is empty (mapping \(mapping.path), \(split.key).create.slug)"))
                continue
            }
            guard let base = SlugMaker.slug(rendered) else {
                pending.append(problem(record, split.column, "cannot make a slug from \(quoted(item["name"] ?? rendered)) with \(split.create.slug.text) (mapping \(mapping.path), \(split.key).create.slug)"))
                continue
            }
            let otherSlug = try createdSlug(split, rendered: rendered, base: base, context: itemContext)
            if created.insert(split.create.table.name + "\u{0}" + otherSlug).inserted {
                var row: [(name: String, value: JSONValue)] = [("slug", .string(otherSlug))]
                for (column, template) in split.create.columns {
                    if let value = template.value(itemContext) { row.append((column, .string(value))) }
                }
                emit(row, of: record, into: split.create.table)
            }
            var linkFields: [(name: String, value: JSONValue)] = []
            for (column, template) in split.fields { linkFields.append((column, template.value(itemContext).map(JSONValue.string) ?? .null)) }
            if let column = split.qualifierColumn { linkFields.append((column, qualifier.map(JSONValue.string) ?? .null)) }
            if let alike, made[index].count < Self.remembered { made[index][alike] = (otherSlug, linkFields) }
            link(split, slug, otherSlug, linkFields, source: source, record: record, seen: &seenLinks)
        }
    }

    /// The relation row between the main record and the one an item names; the same maker twice in one role on one
    /// object is one link.
    private func link(_ split: ImportMapping.Split, _ slug: String, _ otherSlug: String, _ fields: [(name: String, value: JSONValue)],
                      source: String?, record: InputRecord, seen: inout Set<String>?) {
        var row: [(name: String, value: JSONValue)] = [(split.parentColumn, .string(slug)), (split.otherColumn, .string(otherSlug))] + fields
        if let source, split.relation.column(named: "source") != nil { row.append(("source", .string(source))) }
        if seen != nil {
            let link = row.map { field in if case .string(let text) = field.value { text } else { "" } }.joined(separator: "\u{0}")
            guard seen!.insert(link).inserted else { return }
        }
        emit(row, of: record, into: split.relation)
    }

    /// The slug of the record an item names. With an authority id (a maker's ULAN or Wikidata, a tag's AAT) it
    /// is the record already given that id, in this file or in the archive, and otherwise a new one whose slug no
    /// record with another id holds; without, the record of the same slug text, as before.
    private func createdSlug(_ split: ImportMapping.Split, rendered: String, base: String, context: (String) -> String?) throws(ImportProblem) -> String {
        let target = split.create.table
        let idColumns = ImportMapping.authorityColumns(of: target)
        let ids: [(column: String, value: String)] = split.create.columns.compactMap { column, template in
            guard idColumns.contains(column), let value = template.value(context) else { return nil }
            return (column, value)
        }
        guard !ids.isEmpty else { return createdSlugs[target.name, default: SlugRegistry()].slug(for: "name\u{0}" + rendered, base: base) }
        let keys = ids.map { "\($0.column):\($0.value)" }
        do {
            var slug = keys.lazy.compactMap { self.byIdentifier[target.name]?[$0] }.first
            if slug == nil, let archive {
                for id in ids where slug == nil { slug = try archive.slug(in: target, where: id.column, is: id.value) }
            }
            if slug == nil {
                slug = try createdSlugs[target.name, default: SlugRegistry()].slug(for: "id\u{0}" + keys[0], base: base) { candidate in
                    guard let held = try archive?.identifiers(of: candidate, in: target, columns: idColumns) else { return false }
                    return ids.contains { id in held[id.column].map { $0 != id.value } ?? false }
                }
            }
            for key in keys { byIdentifier[target.name, default: [:]][key] = slug! }
            return slug!
        } catch {
            throw ImportProblem(.unreadable, file: file, message: "the archive could not be read to match \(Tables.singular(target.name))s by id: \(error)")
        }
    }

    /// ": a, b, c" — the values inside a list or an object, for a message that asks to name one.
    private static func members(of value: JSONValue, at path: String) -> String {
        var fields: [String: String] = [:], nested: [String: JSONValue] = [:]
        flatten(path, value, &fields, &nested)
        let names = fields.keys.sorted().prefix(8)
        return names.isEmpty ? (value.kindDescription == "an array" ? ", or split it (split[].column)" : "") : " (\(names.joined(separator: ", ")))"
    }

    /// Every field the mapping reads must be in the file (in a JSON file, in its first record): a missing one is the
    /// mapping's mistake, named by key, said once before any row.
    private func checkColumns(_ fields: [String: String], _ nested: [String: JSONValue]) throws(ImportProblem) {
        checkedHeader = true
        let names = Set(fields.keys).union(nested.keys)
        // A path under an object of the first record may be absent there and present later (an empty `_images`).
        func isKnown(_ path: String) -> Bool {
            if names.contains(path) { return true }
            var prefix = Substring(path)
            while let dot = prefix.lastIndex(of: ".") {
                prefix = prefix[..<dot]
                if case .object? = nested[String(prefix)] { return true }
            }
            return false
        }
        func require(_ column: String, _ key: String) throws(ImportProblem) {
            guard isKnown(column) else {
                let suggestion = NearestName.suggestion(for: column, among: names.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                throw ImportProblem(.unknownField, file: mapping.path, field: key, message: "\(file) has no column \"\(column)\"\(suggestion)")
            }
        }
        if let name = singleValued.sorted().first(where: { nested[$0] != nil }) {
            throw ImportProblem(.type, file: mapping.path, field: name,
                                message: "\(name) is \(nested[name]!.kindDescription) in \(file), where the mapping takes one value: name one of its values\(Self.members(of: nested[name]!, at: name))")
        }
        for split in mapping.splits {
            try require(split.column, "\(split.key).column")
            for zipped in split.zip { try require(zipped.column, "\(split.key).zip.\(zipped.name)") }
        }
        if let dates = mapping.dates, mapping.columns.contains(where: { $0.column == dates.text }) == false {
            throw ImportProblem(.syntax, file: mapping.path, field: "dates.text", message: "\(dates.text) is not one of the mapping's columns")
        }
        if let life = mapping.life { try require(life.text, "life.text") }
        for computed in mapping.context { try require(computed.from, "context.\(computed.name).from") }
        // What a template may name: the file's columns, the archive columns the mapping fills, the context; a
        // split's templates also its item's values. A field named nowhere was reported on every row.
        let made = Set(mapping.columns.map(\.column)).union(mapping.constants.map(\.column)).union(mapping.context.map(\.name))
            .union(mapping.dates.map { [$0.earliest, $0.latest] } ?? []).union(mapping.life.map { [$0.born, $0.died] } ?? [])
        func check(_ template: ImportMapping.Template, _ key: String, also extra: Set<String>? = []) throws(ImportProblem) {
            for field in template.fields where !isKnown(field) && !made.contains(field) {
                // A split over JSON objects names its items' values, which the first record may not show.
                guard let extra else { continue }
                guard !extra.contains(field) else { continue }
                if template.text == field { try require(field, key) }
                let suggestion = NearestName.suggestion(for: field, among: names.union(made).union(extra).sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                throw ImportProblem(.unknownField, file: mapping.path, field: key,
                                    message: "the template \"\(template.text)\" names {\(field)}, which is neither a column of \(file) nor one the mapping makes\(suggestion)")
            }
        }
        for (column, source) in mapping.columns { try check(source, "columns.\(column)") }
        try check(mapping.slug, "slug")
        if let cite = mapping.cite {
            try check(cite.source, "cite.source")
            if let note = cite.note { try check(note, "cite.note") }
        }
        for split in mapping.splits {
            var item: Set<String>? = Set(["name", "role"] + split.zip.map(\.name))
            if let list = nested[split.column] {
                if case .array(let elements) = list, case .object(let members)? = elements.first { item?.formUnion(members.map(\.key)) }
                else if case .object(let members) = list { item?.formUnion(members.map(\.key)) }
                else if case .array(let elements) = list, elements.isEmpty { item = nil }
            }
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
    func components(separatedBy separator: String) -> [String] { parts(separatedBy: separator).map(String.init) }

    /// The parts between each `separator`, empty ones kept, cut on the UTF-8 bytes (the generic search of a
    /// Collection took a seventh of a mapped import; a whole encoded separator only ever starts a scalar).
    func parts(separatedBy separator: String) -> [Substring] {
        let found = offsets(of: separator)
        guard !found.isEmpty else { return [self[...]] }
        let width = separator.utf8.count
        var parts: [Substring] = []
        parts.reserveCapacity(found.count + 1)
        var start = utf8.startIndex
        for offset in found {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            parts.append(Substring(utf8[start..<end]))
            start = utf8.index(end, offsetBy: width)
        }
        parts.append(Substring(utf8[start...]))
        return parts
    }

    /// Whether the text holds `separator`.
    func holds(_ separator: String) -> Bool { !offsets(of: separator, limit: 1).isEmpty }

    /// Where `separator` starts, in bytes, left to right without overlap (at most `limit` places).
    private func offsets(of separator: String, limit: Int = .max) -> [Int] {
        let needle = Array(separator.utf8)
        guard let first = needle.first else { return [] }
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
            var found: [Int] = []
            var index = 0
            while index + needle.count <= bytes.count && found.count < limit {
                if bytes[index] == first && (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    found.append(index)
                    index += needle.count
                } else {
                    index += 1
                }
            }
            return found
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        var text = self
        return text.withUTF8(search)
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
