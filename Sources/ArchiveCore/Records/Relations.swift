// The kinds of relation between records. Each raw value is what the schema's CHECK allows and what files hold.

/// A designer's part in a collection (collection_designers.role).
public enum CollectionRole: String, CaseIterable, Sendable {
    case house
    case creativeDirector = "creative_director"
    case collaborator
    case designer
}

/// A designer's part in a shoe (shoe_designers.role).
public enum ShoeRole: String, CaseIterable, Sendable {
    case maker, designer, collaborator
}

/// A person's role at a house (designer_affiliations.role).
public enum AffiliationRole: String, CaseIterable, Sendable {
    case founder
    case creativeDirector = "creative_director"
    case designer
    case collaborator
}

/// How an icon relates to a shoe (icon_shoes.relation) or a designer (icon_designers.relation).
public enum IconRelation: String, CaseIterable, Sendable {
    case wore
    case designedFor = "designed_for"
    case popularised
    case muse
    case inspired
    /// Designers only: the icon worked with the designer.
    case collaborated
}
