// A citation: where facts in the archive come from.

public struct Source: Equatable, Sendable {
    public var slug: String
    public var title: String
    public var author: String?
    public var publisher: String?
    public var year: Int?
    public var url: String?
    public var license: String?
    public var notes: String?

    public init(slug: String, title: String, author: String? = nil, publisher: String? = nil, year: Int? = nil,
                url: String? = nil, license: String? = nil, notes: String? = nil) {
        self.slug = slug
        self.title = title
        self.author = author
        self.publisher = publisher
        self.year = year
        self.url = url
        self.license = license
        self.notes = notes
    }
}
