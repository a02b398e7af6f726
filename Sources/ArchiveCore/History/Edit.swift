// `archive edit [TABLE] SLUG`: a record and the relations it lists, as the JSON an import reads, changed as a
// whole. The edited text goes through the import's own checks (ImportRun), so a wrong type, a dangling slug or
// an unknown field is refused exactly as an import would refuse it, located at the line of the edited text.
// The text is the whole record: a field left out becomes unknown (NULL), a relation left out of its list is
// removed. A changed slug renames the record in place, so every relation keeps pointing at it. One change of
// the history, which `archive undo` reverses.
import ArchiveStorage

public struct RecordEdit: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The text says what the archive already holds: nothing was written.
        case unchanged
        /// The change of the history that holds the edit.
        case changed(change: Int64)
    }

    public let table: String
    public let slug: String
    let id: Int64
    /// The record as it was when the edit began: what the editor shows.
    public let text: String

    /// The record `slug` (in `table`, when two tables hold the slug) as text to edit.
    public static func begin(_ slug: String, in table: String? = nil, archive: Archive) throws -> RecordEdit {
        let db = archive.database
        do {
            return try db.transaction(.deferred) {
                let record = try RecordLocation.find(slug, in: table, command: "edit", db)
                guard let text = try RecordText.json(record.table, id: record.id, db) else {
                    throw ArchiveError(.notFound, "no record with slug \"\(slug)\"")
                }
                return RecordEdit(table: record.table.name, slug: slug, id: record.id, text: text)
            }
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// Applies an edited text (UTF-8 bytes); `name` names it in problems (`celine.json:7: born: …`).
    public func apply(_ edited: [UInt8], name: String, archive: Archive, by actor: String) throws -> Outcome {
        if edited.elementsEqual(text.utf8) { return .unchanged }
        let (members, lines) = try Self.parse(edited, name: name)
        return try apply(members, name: name, lines: lines, archive: archive, by: actor)
    }

    /// Sets fields to values written as in a CSV cell (empty is unknown), for scripts: `--set born=1946`.
    public func apply(setting assignments: [(field: String, value: String)], archive: Archive, by actor: String) throws -> Outcome {
        guard let description = Tables.named(table) else { throw ArchiveError(.invalidInput, "unknown table \(table)") }
        var (members, _) = try Self.parse(Array(text.utf8), name: "--set")
        var problems: [ImportProblem] = []
        for (field, value) in assignments {
            guard description.column(named: field) != nil else {
                let message = description.nested.contains { $0.key == field }
                    ? "is a list of relations, which --set cannot write: edit it with `archive edit \(table) \(slug)`"
                    : "unknown field for \(table)" + (NearestName.suggestion(for: field, among: description.columns.map(\.name)).map { "; did you mean \"\($0)\"?" } ?? "")
                        + " (known: \(description.columns.map(\.name).joined(separator: ", ")))"
                problems.append(ImportProblem(.unknownField, file: "--set", field: field, message: message))
                continue
            }
            // As in a CSV cell (the README's promise): empty is unknown, and the formula guard of `archive export`
            // ('=SUM(A1) written so that a spreadsheet shows it as text) is undone, as a CSV import undoes it.
            let new: JSONValue = value.isEmpty ? .null : .string(FormulaGuard.unescape(value))
            if let index = members.firstIndex(where: { $0.key == field }) { members[index].value = new } else { members.append((field, new)) }
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems, truncated: false) }
        return try apply(members, name: "--set", lines: [:], archive: archive, by: actor)
    }

    /// The edited text as one JSON object, with the line each key starts on.
    private static func parse(_ text: [UInt8], name: String) throws -> (members: [(key: String, value: JSONValue)], lines: [String: Int]) {
        let parser = JSONParser(ByteReader(bytes: text))
        parser.keyLines = [:]
        do {
            try parser.skipByteOrderMark()
            let value = try parser.parseValue()
            if try parser.skipWhitespace() != nil { throw parser.fail("unexpected text after the record's closing '}': an edit is of one record") }
            guard case .object(let members) = value else { throw JSONSyntaxError(line: 1, message: "expected the record as one JSON object, found \(value.kindDescription)") }
            return (members, parser.keyLines ?? [:])
        } catch let error as JSONSyntaxError {
            throw ImportFailure(problems: [ImportProblem(error.kind, file: name, line: error.line, field: error.field, message: error.message)], truncated: false)
        }
    }

    private struct NoChange: Error {}

    private func apply(_ members: [(key: String, value: JSONValue)], name: String, lines: [String: Int], archive: Archive, by actor: String) throws -> Outcome {
        guard let description = Tables.named(table) else { throw ArchiveError(.invalidInput, "unknown table \(table)") }
        var fields = members.map { (name: $0.key, value: $0.value) }
        for column in description.columns where !fields.contains(where: { $0.name == column.name }) { fields.append((column.name, .null)) }
        let file = ImportFile(name: name, table: table, format: .json, content: .fixed([fields]))
        let db = archive.database
        do {
            return try db.transaction(.immediate) {
                // The editor may have been open for minutes: another command's change is not overwritten.
                guard try RecordText.json(description, id: id, db) == text else {
                    throw ArchiveError(.invalidInput, "\(table) \(slug) was changed by another command while it was being edited (`archive history \(slug)`); nothing was changed")
                }
                let log = try ChangeLog(db, command: "edit \(table) \(slug)", by: actor)
                try log.watchUpdates(Tables.all.map(\.name))
                defer { try? log.stopWatching() }
                let problems = ProblemLog(limit: ImportOptions().maximumProblems)
                try rename(to: fields.first { $0.name == "slug" }?.value, file: name, db)
                let writer = ImportWriter(db, problems: problems, keepingRowIDs: true)
                try ImportRun(writer: writer, problems: problems, formulaGuard: false).importAll([file])
                guard problems.isEmpty else { throw problems.failure() }
                guard writer.written?[table] == [id] else {
                    throw ArchiveError(.invalidInput, "\(name): the edited text is not \(table) \(slug) any more; nothing was changed")
                }
                try removeUnlisted(description, kept: writer.written ?? [:], log: log, db)
                guard try log.finish(addedBy: writer) else { throw NoChange() }
                return .changed(change: log.id)
            }
        } catch is NoChange {
            return .unchanged
        } catch let failure as ImportFailure {
            throw Self.located(failure, lines: lines)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // The fields went through ImportWriter, which says a broken rule per field; this is anything else the schema refused.
            let broken = BrokenRule.rowless(error, table: BrokenRule.table(of: error) ?? table)
            throw ArchiveError(.invalidInput, "\(name): \(broken.field.map { "\($0): " } ?? "")\(broken.message); \(table) \(slug) was not changed")
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    /// A new slug renames the record in place, unless another record of the table has it.
    private func rename(to value: JSONValue?, file: String, _ db: Database) throws {
        guard case .string(let new)? = value, new != slug, Slug.isValid(new) else { return }
        if try db.fetchOne("SELECT id FROM \(table) WHERE slug = ?", [new]) as Int64? != nil {
            throw ImportFailure(problems: [ImportProblem(.duplicate, file: file, line: 1, field: "slug",
                                                         message: "\"\(new)\" is the slug of another \(Tables.singular(table)) already: choose another")], truncated: false)
        }
        try db.execute("UPDATE \(table) SET slug = ? WHERE id = ?", [new, id])
    }

    /// The relation rows of the record's lists that the edited text no longer holds.
    private func removeUnlisted(_ description: TableDescription, kept: [String: Set<Int64>], log: ChangeLog, _ db: Database) throws {
        for list in description.nested {
            guard let relation = Tables.named(list.table), let parent = relation.column(named: list.parentColumn) else { continue }
            let rowids: [Int64?] = try db.fetchColumn("SELECT rowid FROM \(list.table) WHERE \(parent.column) = ? ORDER BY rowid", [id])
            for case let rowid? in rowids where !(kept[list.table] ?? []).contains(rowid) {
                try log.deleting(list.table, rowid: rowid)
                try db.execute("DELETE FROM \(list.table) WHERE rowid = ?", [rowid])
            }
        }
    }

    /// Problems located at the line of the edited text that holds their field (one record: no record number).
    private static func located(_ failure: ImportFailure, lines: [String: Int]) -> ImportFailure {
        ImportFailure(problems: failure.problems.map { problem in
            var problem = problem
            problem.line = problem.field.flatMap { lines[$0] } ?? (lines.isEmpty ? nil : problem.line)
            problem.record = nil
            problem.slug = nil
            return problem
        }, truncated: failure.truncated)
    }
}
