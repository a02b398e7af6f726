// What a re-import does to a field a person changed with `archive edit`: the person's value stays, and the import
// reports the file's value beside it (`archive import --overwrite-edits` takes the file's). Who last set a field is
// read from the history: the latest change whose after-image names the column. An edit's value is the
// curator's; an import's or an undo's is not. A history pruned away forgets the edits it held (README, History).
import ArchiveStorage

/// A field an import left as a curator edited it: the value kept, and the file's.
public struct KeptEdit: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let table: String
    public let slug: String
    public let field: String
    public let kept: String?
    public let fileValue: String?

    /// `file:line: table slug field: kept "…", the file has "…"`, one line whatever the values hold.
    public var description: String {
        func shown(_ value: String?) -> String {
            value.map { text in quoted(text.unicodeScalars.map { $0 == "\n" ? "\\n" : $0 == "\r" ? "\\r" : String($0) }.joined()) } ?? "nothing"
        }
        return "\(file):\(line): \(table) \(slug) \(field): kept \(shown(kept)), the file has \(shown(fileValue))"
    }
}

final class CuratorEdits {
    private let db: Database
    /// Whether any edit is in the history at all: without one, no row needs a look.
    private let hasEdits: Bool
    private var reads: [String: Statement] = [:]
    private var editors: Statement?
    private(set) var kept: [KeptEdit] = []
    /// All the fields kept (the list above stops at `listed`).
    private(set) var count = 0
    static let listed = 20

    init(_ db: Database) throws {
        self.db = db
        hasEdits = try db.fetchOne("SELECT EXISTS (SELECT 1 FROM changes WHERE command LIKE 'edit %')") == Int64(1)
    }

    /// `values` without the columns of an existing record whose value differs from the file's and was written
    /// last by an edit; each such field is noted.
    func sparing(_ values: [(column: ColumnDescription, value: DatabaseValue)], of table: TableDescription,
                 file: String, line: Int) throws -> [(column: ColumnDescription, value: DatabaseValue)] {
        guard hasEdits, table.kind == .record, case .text(let slug)? = values.first(where: { $0.column.kind == .slug })?.value else { return values }
        let others = values.filter { $0.column.kind != .slug }
        guard !others.isEmpty else { return values }
        // The row's rowid and, per column the file gives, whether it differs (as the upsert compares: IS NOT).
        let key = others.map(\.column.column).joined(separator: ",")
        let read = try reads[key] ?? db.prepare("SELECT rowid, " + others.enumerated().map { "\($0.element.column.column) IS NOT ?\($0.offset + 2), \($0.element.column.column)" }.joined(separator: ", ")
                                                 + " FROM \(table.name) WHERE slug = ?1")
        reads[key] = read
        guard let row = try read.rows([slug] + others.map(\.value)).next(), let rowid = row.int64(at: 0) else { return values }
        var differing: [String: String?] = [:]
        for (index, entry) in others.enumerated() where row.int64(at: Int32(1 + index * 2)) == 1 {
            differing[entry.column.column] = row.string(at: Int32(2 + index * 2))
        }
        guard !differing.isEmpty else { return values }
        let edited = try editedColumns(table.name, rowid: rowid, among: Set(differing.keys))
        guard !edited.isEmpty else { return values }
        for entry in others where edited.contains(entry.column.column) {
            count += 1
            if kept.count < Self.listed {
                kept.append(KeptEdit(file: file, line: line, table: table.name, slug: slug, field: entry.column.name,
                                     kept: differing[entry.column.column] ?? nil, fileValue: Self.text(entry.value)))
            }
        }
        return values.filter { !edited.contains($0.column.column) }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): text
        case .blob(let bytes): "<\(bytes.count) bytes>"
        }
    }

    /// Of `columns`, those whose value an edit wrote last: the latest logged update that names each decides.
    private func editedColumns(_ table: String, rowid: Int64, among columns: Set<String>) throws -> Set<String> {
        let statement = try editors ?? db.prepare("""
            SELECT c.command LIKE 'edit %', j.key FROM change_rows r JOIN changes c ON c.id = r.change_id, json_each(r.after, '$."#"') j
            WHERE r.table_name = ?1 AND r.row_id = ?2 AND r.action = 'updated' ORDER BY r.id DESC
            """)
        editors = statement
        var decided: Set<String> = [], edited: Set<String> = []
        let rows = try statement.rows([table, rowid])
        while decided.count < columns.count, let row = try rows.next() {
            guard let column = row.string(at: 1), columns.contains(column), decided.insert(column).inserted else { continue }
            if row.int64(at: 0) == 1 { edited.insert(column) }
        }
        return edited
    }
}
