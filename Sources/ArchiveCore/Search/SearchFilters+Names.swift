// The records a search's filters name by slug, by their names: a page says "Designer: Celine", not "celine".
import ArchiveStorage

extension SearchFilters {
    /// The name of each record a filter names, keyed by the filter ("designer", "institution"); a slug that no
    /// record holds is left out. One lookup by slug per filter given.
    public func recordNames(in archive: Archive) throws -> [String: String] {
        var names: [String: String] = [:]
        for (filter, table, slug) in [("designer", "designers", designer), ("institution", "institutions", institution)] {
            guard let slug else { continue }
            let name: String? = try archive.database.fetchOne("SELECT name FROM \(table) WHERE slug = ?", [slug])
            names[filter] = name
        }
        return names
    }
}
