// A collection shown by a house in a season: Celine Spring/Summer 2026, Jacquemus × Repetto SS2024.
// (Named FashionCollection so as not to hide Swift's Collection protocol.)

public struct FashionCollection: Equatable, Sendable {
    /// The season a collection was shown for; an unknown season is nil, not a case.
    public enum Season: String, CaseIterable, Sendable {
        case springSummer = "SS"
        case autumnWinter = "AW"
        case resort = "Resort"
        case preFall = "Pre-Fall"
        case couture = "Couture"
    }

    public var slug: String
    public var title: String
    public var season: Season?
    public var year: Int?
    public var description: String?
    /// Free keywords separated by "; ".
    public var keywords: String?

    public init(slug: String, title: String, season: Season? = nil, year: Int? = nil, description: String? = nil,
                keywords: String? = nil) {
        self.slug = slug
        self.title = title
        self.season = season
        self.year = year
        self.description = description
        self.keywords = keywords
    }
}
