// An object held by an institution (objects.category): what kind of thing it is. Raw values are what the
// schema's CHECK allows and what files hold.

public enum ObjectCategory: String, CaseIterable, Sendable {
    case garment, footwear, accessory, jewellery, headwear, textile, lace
    case designDrawing = "design-drawing"
    case ephemera
}
