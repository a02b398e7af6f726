// One record with everything linked to it, for `archive show`: its fields, the records it relates to (by any
// relation table that refers to its table), and the sources that support it. A page asks for at most so many
// links of each relation, with the total of those left out: a house linked to 100,000 collections must not make
// a page (and the server's memory) grow with them.
import ArchiveStorage

public struct RecordDetails: Sendable {
    public struct Link: Sendable {
        /// The relation table, e.g. "shoe_designers".
        public let relation: String
        /// The role or kind of relation, e.g. "maker", "wore".
        public let role: String?
        public let table: String
        public let slug: String
        public let name: String
        /// Other facts of the link: era, years.
        public let details: [Field]
        /// The slug of the source that supports the link.
        public let source: String?
    }

    public struct Citation: Sendable {
        public let slug: String
        public let title: String
        public let note: String?
    }

    public struct Field: Sendable {
        public let name: String
        package let value: DatabaseValue
        /// The value as plain text (a number as digits); nil for NULL.
        public var text: String? { value.isNull ? nil : value.plainText }
    }

    public let table: String
    public let slug: String
    public let fields: [Field]
    public let links: [Link]
    public let sources: [Citation]
    /// The relations of which only some links were read (`linksPerRelation`): the rest are rows of `relation`
    /// whose `column` is this record.
    public let partial: [Partial]

    public struct Partial: Sendable {
        public let relation: String
        public let column: String
        public let table: String
        public let shown: Int
        /// Counted up to `countCap + 1`: more than `countCap` is said as such.
        public let total: Int
        public var totalIsCapped: Bool { total > RecordDetails.countCap }
    }

    /// A relation read in part is counted up to this many.
    public static let countCap = 10_000

    /// The records with this slug, in `table` or in any record table (slugs are unique per table only). With
    /// `linksPerRelation`, at most that many links (or citations) of each relation are read.
    public static func find(_ slug: String, in table: String? = nil, linksPerRelation: Int? = nil, archive: Archive) throws -> [RecordDetails] {
        try Tables.records.filter { table == nil || $0.name == table }.compactMap { try load(slug, from: $0, limit: linksPerRelation, archive.database) }
    }

    static func titleColumn(_ table: String) -> String { ["collections", "sources", "objects"].contains(table) ? "title" : "name" }

    private static func load(_ slug: String, from table: TableDescription, limit: Int?, _ db: Database) throws -> RecordDetails? {
        // A reference is shown as the slug it stands for (an object's institution), as files write it.
        let columns = table.columns.map { column -> String in
            if case .reference(let target) = column.kind { return "(SELECT slug FROM \(target) WHERE id = \(column.column))" }
            return column.column
        }
        // Cached statements: a record page of the server asks these of the same connection again and again.
        let rows = try db.cachedStatement("SELECT id, \(columns.joined(separator: ", ")) FROM \(table.name) WHERE slug = ?").rows([slug])
        guard let row = try rows.next(), let id = row.int64(at: 0) else { return nil }
        let fields = table.columns.enumerated().map { Field(name: $1.name, value: row.value(at: Int32($0 + 1))) }
        var links: [Link] = []
        var sources: [Citation] = []
        var partial: [Partial] = []
        for relation in Tables.relations {
            for column in relation.columns where column.kind == .reference(table: table.name) {
                let (found, cited, total) = try related(id, through: relation, from: column, limit: limit, db)
                links += found
                sources += cited
                if found.count + cited.count < total, let other = found.first?.table ?? (cited.isEmpty ? nil : "sources") {
                    partial.append(Partial(relation: relation.name, column: column.name, table: other, shown: found.count + cited.count, total: total))
                }
            }
        }
        links += try sameIdentifier(id, fields, in: table, limit: limit, db)
        return RecordDetails(table: table.name, slug: slug, fields: fields, links: links, sources: sources, partial: partial)
    }

    /// The authority identifiers that can join two records of one person (the same maker at two museums, kept
    /// as two records with their own facts and sources).
    static let authorityColumns = ["wikidata", "ulan", "viaf", "wikipedia"]

    /// Other records of the same table that share an authority identifier with record `id`: the same person.
    /// Only the identifiers the record has are looked up, each on its partial index (migration 0010): at a
    /// million designers a lookup without one scanned them all, for every record page.
    private static func sameIdentifier(_ id: Int64, _ fields: [Field], in table: TableDescription, limit: Int?, _ db: Database) throws -> [Link] {
        var links: [Link] = []
        for column in authorityColumns where table.column(named: column) != nil {
            guard let value = fields.first(where: { $0.name == column })?.value, !value.isNull else { continue }
            let rows = try db.cachedStatement("""
                SELECT slug, name, \(column) FROM \(table.name) WHERE \(column) = ? AND id <> ? ORDER BY slug LIMIT ?
                """).rows([value, id, limit ?? -1])
            while let row = try rows.next() {
                links.append(Link(relation: "same_\(column)", role: "same \(column)", table: table.name, slug: row.string(at: 0) ?? "",
                                  name: row.string(at: 1) ?? "", details: [Field(name: column, value: row.value(at: 2))], source: nil))
            }
        }
        return links
    }

    /// The far ends of `relation` rows whose `column` is the record `id` (at most `limit`, in slug order when
    /// they are all read, else the first entered), and how many there are in all.
    private static func related(_ id: Int64, through relation: TableDescription, from column: ColumnDescription, limit: Int?,
                                _ db: Database) throws -> ([Link], [Citation], Int) {
        guard let other = relation.columns.first(where: { candidate in
            guard case .reference = candidate.kind, candidate.name != column.name else { return false }
            return relation.key.contains(candidate.name)
        }), case .reference(let otherTable) = other.kind else { return ([], [], 0) }
        // Counted on the index of `column` alone, up to `countCap` + 1 (a page's cost must not grow with a record's
        // links); when there are too many, the first entered are read (the same index, in rowid order) rather than
        // all of them sorted by slug.
        var total: Int?
        if let limit {
            let count = try db.cachedStatement("SELECT count(*) FROM (SELECT 1 FROM \(relation.name) WHERE \(column.column) = ? LIMIT ?)")
            total = try count.rows([id, countCap + 1]).next().flatMap { Int($0.int64(at: 0) ?? 0) }
            if let all = total, all <= limit { total = nil }
        }
        let role = relation.columns.first { column in
            switch column.kind {
            case .choice, .word: relation.key.contains(column.name)
            default: false
            }
        }
        let extras = relation.columns.filter { candidate in
            if case .reference = candidate.kind { return false }
            return candidate.name != role?.name
        }
        let source = relation.columns.first { $0.name == "source" && $0.name != other.name }
        let sql = "SELECT o.slug, o.\(titleColumn(otherTable)), \(role.map { "r." + $0.column } ?? "NULL")"
            + extras.map { ", r." + $0.column }.joined()
            + ", \(source != nil ? "s.slug" : "NULL") FROM \(relation.name) AS r JOIN \(otherTable) AS o ON o.id = r.\(other.column)"
            + (source != nil ? " LEFT JOIN sources AS s ON s.id = r.source_id" : "")
            + " WHERE r.\(column.column) = ? ORDER BY " + (total == nil ? "o.slug" : "r.rowid LIMIT \(limit ?? 0)")
        let rows = try db.cachedStatement(sql).rows([id])
        var links: [Link] = []
        var citations: [Citation] = []
        while let row = try rows.next() {
            let slug = row.string(at: 0) ?? "", name = row.string(at: 1) ?? ""
            if otherTable == "sources" {
                citations.append(Citation(slug: slug, title: name, note: extras.isEmpty ? nil : row.string(at: 3)))
                continue
            }
            let details = extras.enumerated().compactMap { index, extra -> Field? in
                let value = row.value(at: Int32(3 + index))
                return value.isNull ? nil : Field(name: extra.name, value: value)
            }
            links.append(Link(relation: relation.name, role: row.string(at: 2), table: otherTable, slug: slug, name: name,
                              details: details, source: row.string(at: Int32(3 + extras.count))))
        }
        if total != nil {
            links.sort { $0.slug < $1.slug }
            citations.sort { $0.slug < $1.slug }
        }
        return (links, citations, total ?? links.count + citations.count)
    }
}
