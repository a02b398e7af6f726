// A fashion house (a brand or maison) or a person (a designer, a creative director).

public struct Designer: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case house, person
    }

    public var slug: String
    public var name: String
    public var kind: Kind
    public var country: String?
    /// The year a house was founded (houses only).
    public var founded: Int?
    public var activeFrom: Int?
    public var activeTo: Int?
    public var description: String?

    public init(slug: String, name: String, kind: Kind, country: String? = nil, founded: Int? = nil,
                activeFrom: Int? = nil, activeTo: Int? = nil, description: String? = nil) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.country = country
        self.founded = founded
        self.activeFrom = activeFrom
        self.activeTo = activeTo
        self.description = description
    }
}
