// `archive delete`: what deleting a record takes with it (its relations and citations), refused when a source
// is still cited or an institution still holds objects, and the deletion itself, logged so that `undo` can
// restore every row.
import ArchiveStorage

public struct Deletion: Sendable {
    public struct Row: Sendable, CustomStringConvertible {
        public let table: String
        let rowid: Int64
        /// The record at the other end and the relation's role, for a person to read.
        public let detail: String
        public var description: String { "\(table): \(detail)" }
    }

    public let table: String
    public let slug: String
    let id: Int64
    /// The relation rows that go with the record.
    public let rows: [Row]

    /// What deleting the record `slug` (in `table`) would remove. Throws when it cannot be deleted.
    public static func plan(_ slug: String, in table: String? = nil, archive: Archive) throws -> Deletion {
        let db = archive.database
        let located = try RecordLocation.find(slug, in: table, command: "delete", db)
        let (record, id) = (located.table, located.id)
        var rows: [Row] = []
        var blockers: [String] = []
        for relation in Tables.relations {
            for column in relation.columns where column.kind == .reference(table: record.name) {
                // The record at the other end (not the citation's source, unless the source is the other end).
                let ends = relation.columns.filter { if case .reference = $0.kind { $0.name != column.name } else { false } }
                let others = ends.count > 1 ? ends.filter { $0.name != "source" } : ends
                let described = others.map { other -> String in
                    guard case .reference(let target) = other.kind else { return "NULL" }
                    return "(SELECT slug FROM \(target) WHERE id = r.\(other.column))"
                }
                let role = relation.columns.first { column in
                    switch column.kind { case .choice, .word: true; default: false }
                }
                let statement = try db.prepare("""
                    SELECT r.rowid, \(described.isEmpty ? "''" : described.joined(separator: " || ' ' || "))\(role.map { ", r." + $0.column } ?? ", NULL")
                    FROM \(relation.name) AS r WHERE r.\(column.column) = ? ORDER BY r.rowid
                    """)
                try statement.bind([id])
                while let row = try statement.next() {
                    let detail = (row.string(at: 1) ?? "") + (row.string(at: 2).map { " (\($0))" } ?? "")
                    // A citation of this source by another record: the source cannot go.
                    if record.name == "sources" {
                        blockers.append("\(relation.name): \(detail)")
                    } else {
                        rows.append(Row(table: relation.name, rowid: row.int64(at: 0) ?? 0, detail: detail))
                    }
                }
            }
        }
        // Its images go with it (their files stay while the history can bring them back).
        let images = try db.prepare("SELECT id, coalesce(file_name, 'image') FROM media WHERE record_table = ? AND record_id = ? ORDER BY position")
        try images.bind([record.name, id])
        while let row = try images.next() {
            rows.append(Row(table: "media", rowid: row.int64(at: 0) ?? 0, detail: "image \(row.int64(at: 0) ?? 0) \(row.string(at: 1) ?? "")"))
        }
        if record.name == "institutions" {
            let held: Int64 = try db.fetchOne("SELECT count(*) FROM objects WHERE institution_id = ?", [id]) ?? 0
            if held > 0 { blockers.append("objects: \(held) held by it") }
        }
        guard blockers.isEmpty else {
            let shown = blockers.prefix(10).joined(separator: "; ") + (blockers.count > 10 ? "; and \(blockers.count - 10) more" : "")
            throw ArchiveError(.invalidInput, "\(record.name) \(slug) cannot be deleted: \(record.name == "sources" ? "it is still cited" : "it still holds objects") (\(shown)); remove those first")
        }
        return Deletion(table: record.name, slug: slug, id: id, rows: rows)
    }

    /// Deletes the record and its relations in one transaction, logged as one change; returns the change's id.
    @discardableResult
    public func run(on archive: Archive, by actor: String) throws -> Int64 {
        let db = archive.database
        do {
            return try db.transaction(.immediate) {
                // What the plan listed may have changed while a person read it: delete only what they saw.
                let now = try Deletion.plan(slug, in: table, archive: archive)
                guard now.id == id, now.rows.map(\.rowid) == rows.map(\.rowid) else {
                    throw ArchiveError(.invalidInput, "\(table) \(slug) changed while the deletion was being confirmed; nothing was deleted: run the command again")
                }
                let log = try ChangeLog(db, command: "delete \(table) \(slug)", by: actor)
                for row in rows { try log.deleting(row.table, rowid: row.rowid) }
                try log.deleting(table, rowid: id)
                for row in rows { try db.execute("DELETE FROM \(row.table) WHERE rowid = ?", [row.rowid]) }
                try db.execute("DELETE FROM \(table) WHERE id = ?", [id])
                return log.id
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // The plan refuses what the schema would (a cited source); this is the schema's word, in the archive's.
            throw ArchiveError(.invalidInput, "\(table) \(slug) cannot be deleted: \(BrokenRule.rowless(error, table: table).message)")
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }
}
