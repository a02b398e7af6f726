// What a page says around a record's own fields: the names of the records its references name (an object's
// institution by its name, not its slug) and its sources whole, whose licences make the rights line.
import ArchiveStorage

extension RecordDetails {
    /// The name (or title) of the record each reference field names, by field.
    public func referenceNames(archive: Archive) throws -> [String: String] {
        guard let table = Tables.named(table) else { return [:] }
        var names: [String: String] = [:]
        for column in table.columns {
            guard case .reference(let target) = column.kind, let slug = fields.first(where: { $0.name == column.name })?.text else { continue }
            let name: String? = try archive.database.fetchOne("SELECT \(Self.titleColumn(target)) FROM \(target) WHERE slug = ?", [slug])
            names[column.name] = name
        }
        return names
    }

    /// The sources the record cites, in the order of `sources`, with their publisher, address and licence.
    public func citedSources(archive: Archive) throws -> [Source] {
        try sources.compactMap { citation in
            let rows = try archive.database.cachedStatement("SELECT title, author, publisher, year, url, license, notes FROM sources WHERE slug = ?")
                .rows([citation.slug])
            guard let row = try rows.next() else { return nil }
            return Source(slug: citation.slug, title: row.string(at: 0) ?? citation.title, author: row.string(at: 1), publisher: row.string(at: 2),
                          year: row.int(at: 3), url: row.string(at: 4), license: row.string(at: 5), notes: row.string(at: 6))
        }
    }

    /// The sources the record's links cite that it does not cite itself, in the order the links cite them, with
    /// their titles: a page lists them with its own, so that every relation's citation points into that list.
    public func linkSources(archive: Archive) throws -> [Citation] {
        var seen = Set(sources.map(\.slug))
        var cited: [Citation] = []
        for slug in links.compactMap(\.source) where seen.insert(slug).inserted {
            let title: String? = try archive.database.fetchOne("SELECT title FROM sources WHERE slug = ?", [slug])
            cited.append(Citation(slug: slug, title: title ?? slug, note: nil))
        }
        return cited
    }
}
