// A cultural icon: someone who wore, inspired or popularised what the archive records (Serge Gainsbourg,
// Zizi Jeanmaire, Alexa Chung).

public struct Icon: Equatable, Sendable {
    public var slug: String
    public var name: String
    public var occupation: String?
    /// When the icon mattered to fashion, as people write it: "1970s".
    public var era: String?
    public var nationality: String?
    public var description: String?

    public init(slug: String, name: String, occupation: String? = nil, era: String? = nil, nationality: String? = nil,
                description: String? = nil) {
        self.slug = slug
        self.name = name
        self.occupation = occupation
        self.era = era
        self.nationality = nationality
        self.description = description
    }
}
