// The filters a search applies, shown as chips under the form, each a link to the same search without it, and
// kept by the form (hidden fields), so that searching again, with other words, keeps them.
import ArchiveCore

extension SearchPage {
    /// An applied filter: how it reads, and the parameters that removing it clears.
    struct AppliedFilter {
        let label: String
        let clears: [String]
    }

    /// The filters `search` applies, in the form's order; a record named by slug shows its name.
    static func appliedFilters(_ search: SearchAddress, names: [String: String]) -> [AppliedFilter] {
        let filters = search.filters
        var applied: [AppliedFilter] = []
        if search.scope != "all" { applied.append(AppliedFilter(label: "In: \(search.scope.capitalized)", clears: ["in"])) }
        if let designer = filters.designer { applied.append(AppliedFilter(label: "Designer: \(names["designer"] ?? designer)", clears: ["designer"])) }
        if let institution = filters.institution {
            applied.append(AppliedFilter(label: "Institution: \(names["institution"] ?? institution)", clears: ["institution"]))
        }
        if let category = filters.category { applied.append(AppliedFilter(label: "Category: \(category.rawValue)", clears: ["category"])) }
        if let type = filters.objectType { applied.append(AppliedFilter(label: "Type: \(type)", clears: ["type"])) }
        if let season = filters.season { applied.append(AppliedFilter(label: "Season: \(season.rawValue)", clears: ["season"])) }
        let year = { (year: Int) in year < 0 ? "\(-year) BC" : String(year) }
        switch (filters.from, filters.to) {
        case let (from?, to?): applied.append(AppliedFilter(label: from == to ? "Year: \(year(from))" : "Years: \(year(from))–\(year(to))", clears: ["from", "to"]))
        case let (from?, nil): applied.append(AppliedFilter(label: "Years: from \(year(from))", clears: ["from"]))
        case let (nil, to?): applied.append(AppliedFilter(label: "Years: to \(year(to))", clears: ["to"]))
        case (nil, nil): break
        }
        return applied
    }

    /// The parameters the form carries as hidden fields: every filter but the scope (the form's own select).
    static func keptParameters(_ search: SearchAddress) -> [(String, String)] {
        let kept: Set<String> = ["designer", "institution", "category", "type", "season", "from", "to", "limit"]
        return search.parameters().compactMap { name, value in kept.contains(name) ? value.map { (name, $0) } : nil }
    }

    /// The applied filters as chips, each removing its filter (and going back to the first page).
    static func filterChips(_ search: SearchAddress, names: [String: String]) -> Node {
        let applied = appliedFilters(search, names: names)
        guard !applied.isEmpty else { return .empty }
        return .element("ul", [.class("chips"), Attribute("aria-label", "Filters applied")]) {
            for filter in applied {
                let without = search.parameters(overriding: filter.clears.map { ($0, nil) } + [("page", nil)])
                Node.element("li") {
                    Node.element("a", [.href(Query.link("/search", without)), .class("chip")]) {
                        Node.span("visually-hidden", "Remove the filter ")
                        filter.label
                        Node.element("span", [Attribute("aria-hidden", "true")]) { " ×" }
                    }
                }
            }
        }
    }
}
