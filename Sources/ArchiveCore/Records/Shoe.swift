// A shoe model or type: Repetto's Zizi, the ballerina-derby hybrid, Berluti's ballet sneaker.

public struct Shoe: Equatable, Sendable {
    public var slug: String
    public var name: String
    /// Open vocabulary, lowercase: "derby", "ballet flat", "sneaker hybrid".
    public var type: String?
    public var yearIntroduced: Int?
    public var description: String?
    public var materials: String?

    public init(slug: String, name: String, type: String? = nil, yearIntroduced: Int? = nil, description: String? = nil,
                materials: String? = nil) {
        self.slug = slug
        self.name = name
        self.type = type
        self.yearIntroduced = yearIntroduced
        self.description = description
        self.materials = materials
    }
}
