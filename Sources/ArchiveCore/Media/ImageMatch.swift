// `archive import … --images FOLDER --match '{accession_number}*.jpg'`: a folder of images matched to records by a
// file-name template, added inside the import's own transaction (all of it lands, or none). A placeholder is a
// column of the records' table; the rest is a shell pattern (fnmatch: * ? […]). Every record of the table is
// matched, so that a re-import picks up new files and skips what its records show already. The folder is listed
// once and sorted; each record's files are found by the literal start of its pattern (a binary search), so a
// collection of 20,000 objects and as many files costs 20,000 searches, not 400 million comparisons.
import ArchiveStorage
import Glibc

public struct ImageMatch: Sendable {
    public let folder: String
    public let template: String
    /// The records' table; nil: the one record table the import holds.
    public let table: String?
    public let details: Media.Details

    public init(folder: String, template: String, table: String? = nil, details: Media.Details = .init()) {
        (self.folder, self.template, self.table, self.details) = (folder, template, table, details)
    }

    enum Part: Equatable { case literal(String), column(String) }

    /// The template as literal text and column names; throws on an unclosed or empty brace.
    static func parts(_ template: String) throws -> [Part] {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw ArchiveError(.invalidInput, "--match \"\(template)\": a { is not closed")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard !name.isEmpty else { throw ArchiveError(.invalidInput, "--match \"\(template)\": {} names no column") }
            parts.append(.column(name))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        guard parts.contains(where: { if case .column = $0 { true } else { false } }) else {
            throw ArchiveError(.invalidInput, "--match \"\(template)\" names no column: write one in braces, e.g. {accession_number}*.jpg")
        }
        return parts
    }

    /// Adds the matching images to the records of `tables` (the import's), logged in `log`; in a dry run only counts.
    /// Returns how many images were added (or would be).
    func attach(importing tables: [String], _ db: Database, log: ChangeLog?, dryRun: Bool) throws -> Int {
        let records = Array(Set(tables.filter { name in Tables.records.contains { $0.name == name } })).sorted()
        guard let table = table ?? (records.count == 1 ? records[0] : nil), let description = Tables.named(table), description.kind == .record else {
            throw ArchiveError(.invalidInput, "--images: say which records the images are of (--images-for TABLE): "
                + (records.isEmpty ? "the import holds no records" : "the import holds \(records.joined(separator: ", "))"))
        }
        let parts = try Self.parts(template)
        let columns = Set(description.columns.filter { if case .reference = $0.kind { false } else { true } }.map(\.column) + ["slug"])
        let named = parts.compactMap { if case .column(let name) = $0 { name } else { nil } }
        if let unknown = named.first(where: { !columns.contains($0) }) {
            let hint = NearestName.suggestion(for: unknown, among: Array(columns).sorted()).map { "; did you mean {\($0)}?" } ?? ""
            throw ArchiveError(.invalidInput, "--match \"\(template)\": {\(unknown)} is not a column of \(table)\(hint)")
        }
        let files = try Self.listing(folder)
        var added = 0
        let statement = try db.prepare("SELECT id, " + named.map { "\"\($0)\"" }.joined(separator: ", ") + " FROM \(table) ORDER BY id")
        while let row = try statement.next() {
            guard let id = row.int64(at: 0) else { continue }
            var values: [String: String] = [:]
            for (index, name) in named.enumerated() { values[name] = row.value(at: Int32(index + 1)).isNull ? nil : row.value(at: Int32(index + 1)).plainText }
            guard named.allSatisfy({ values[$0]?.isEmpty == false }) else { continue }
            let (pattern, prefix) = Self.pattern(parts, values)
            var index = Self.firstIndex(in: files, notBefore: prefix)
            while index < files.count, files[index].hasPrefix(prefix) {
                let name = files[index]
                index += 1
                guard fnmatch(pattern, name, FNM_PERIOD) == 0 else { continue }
                // Shown already under this name (an earlier import of the folder): left as it is, not read again.
                let known: Int64? = try db.fetchOne("SELECT 1 FROM media WHERE record_table = ? AND record_id = ? AND file_name = ?", [table, id, name])
                guard known == nil else { continue }
                if dryRun {
                    added += 1
                } else if try attach(folder + "/" + name, name: name, to: table, id: id, db, log: log) {
                    added += 1
                }
            }
        }
        return added
    }

    /// Adds the file to the record unless it shows the same bytes already; returns whether it was added.
    private func attach(_ path: String, name: String, to table: String, id: Int64, _ db: Database, log: ChangeLog?) throws -> Bool {
        let stored = try MediaFiles.store(path, name: path, db)
        let shown: Int64? = try db.fetchOne("SELECT 1 FROM media WHERE record_table = ? AND record_id = ? AND file_id = ?", [table, id, stored.id])
        guard shown == nil else { return false }
        try db.execute("""
            INSERT INTO media (record_table, record_id, file_id, position, caption, credit, rights, file_name)
            VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM media WHERE record_table = ?1 AND record_id = ?2), ?4, ?5, ?6, ?7)
            """, [table, id, stored.id, details.caption, details.credit, details.rights, name])
        try log?.inserted("media", rowid: db.lastInsertRowID)
        return true
    }

    /// The record's pattern (its values with fnmatch's own characters escaped) and its literal start.
    static func pattern(_ parts: [Part], _ values: [String: String]) -> (pattern: String, prefix: String) {
        var pattern = "", prefix = "", literalSoFar = true
        for part in parts {
            switch part {
            case .column(let name):
                let value = values[name] ?? ""
                pattern += value.map { "*?[\\".contains($0) ? "\\\($0)" : String($0) }.joined()
                if literalSoFar { prefix += value }
            case .literal(let text):
                pattern += text
                if literalSoFar {
                    let plain = text.prefix { !"*?[\\".contains($0) }
                    prefix += plain
                    literalSoFar = plain.count == text.count
                }
            }
        }
        return (pattern, prefix)
    }

    static func firstIndex(in sorted: [String], notBefore prefix: String) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].utf8.lexicographicallyPrecedes(prefix.utf8) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The names of the folder's regular files (not hidden ones), in byte order.
    static func listing(_ folder: String) throws -> [String] {
        guard let entries = FilePath.names(in: folder) else {
            throw ArchiveError(.cannotRead, "--images \(folder): cannot be read (\(String(cString: strerror(errno))))")
        }
        let names = entries.filter { name in
            var status = stat()
            return !name.hasPrefix(".") && stat(folder + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
