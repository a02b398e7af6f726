// Search results as rows of the one writer (RowWriter) that `archive search --format` and the server's
// downloads and JSON API share: the same columns everywhere.
import ArchiveStorage

extension SearchHit {
    public static let columns = ["kind", "slug", "title", "season", "year", "score", "snippet"]

    package var row: [DatabaseValue] {
        [.text(kind), .text(slug), .text(title), season.map(DatabaseValue.text) ?? .null,
         year.map { .integer(Int64($0)) } ?? .null, .real(score), .text(snippet)]
    }
}

extension Facet {
    public static let columns = ["facet", "value", "label", "count", "count_is"]

    package var row: [DatabaseValue] { [.text(facet.rawValue), .text(value), .text(label), .integer(Int64(count)), .text(accuracy.rawValue)] }
}
