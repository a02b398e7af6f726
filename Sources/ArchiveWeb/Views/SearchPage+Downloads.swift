// A search's downloads: a file per kind of record that has hits, every hit best first with that kind's full
// columns (Searcher.download), named after the words; and the page itself as JSON.
import ArchiveCore

extension SearchAddress {
    /// The file name of a download of `scope`'s hits, without extension: "search-silk-dress-objects" (the words
    /// as a slug: ASCII letters, digits and hyphens, at most 60 characters of them).
    func downloadName(_ scope: SearchScope) -> String {
        var words = SlugMaker.slug(text ?? "") ?? ""
        if words.count > 60 {
            words = String(words.prefix(60))
            while words.hasSuffix("-") { words.removeLast() }
        }
        return (["search"] + (words.isEmpty ? [] : [words]) + [scope.rawValue]).joined(separator: "-")
    }
}

extension SearchPage {
    /// "Download every hit, best first, with all its fields": a line of formats per kind with hits, its count
    /// beside it; then this page as JSON.
    static func downloads(_ search: SearchAddress, _ result: SearchResult) -> Node {
        guard result.kinds.contains(where: { $0.count > 0 }) else { return .empty }
        return .element("div", [.class("downloads")]) {
            Node.element("p") { "Download every hit, best first, with all its fields (one file per kind):" }
            for (scope, count) in result.kinds where count > 0 {
                let kind = scope.rawValue.capitalized
                Components.downloads("\(kind) (\(count > countCap ? "more than \(countCap)" : String(count)))", { format in
                    Query.link("/api/search", search.parameters(overriding: [("in", scope.rawValue), ("format", format), ("page", nil), ("limit", nil)]))
                }, naming: kind)
            }
            Node.element("p") { Node.link(Query.link("/api/search", search.parameters(page: search.page)), "This page as JSON") }
        }
    }
}
