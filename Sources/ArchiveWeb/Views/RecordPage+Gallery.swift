// A record's images on its page: the primary image at display size, the others as thumbnails, each with its
// caption, credit and rights under it. A picture links to its display size, which the browser opens on its own:
// the larger view needs no JavaScript. The original is offered where its rights allow reuse.
import ArchiveCore

extension RecordPage {
    static func gallery(_ images: [MediaItem], title: String) -> Node {
        guard let first = images.first else { return .empty }
        return .element("section", [.class("gallery"), Attribute("aria-label", images.count == 1 ? "Image" : "Images")]) {
            figure(first, title: title, size: .display)
            if images.count > 1 {
                Node.element("ul", [.class("thumbnails")]) {
                    for image in images.dropFirst() { Node.element("li") { figure(image, title: title, size: .thumbnail, besides: first) } }
                }
            }
        }
    }

    static func imagePath(_ sha256: String, _ size: StoredImage.Size) -> String {
        "/images/\(sha256)/" + (size == .original ? "original" : "\(size.rawValue).jpg")
    }

    /// `besides`: the primary image shown above, whose caption, credit and rights are not said again under a
    /// thumbnail that has the same (images added together share them).
    private static func figure(_ image: MediaItem, title: String, size: StoredImage.Size, besides primary: MediaItem? = nil) -> Node {
        // Its pixels, so that the page does not move as the pictures arrive.
        let (width, height) = size == .display ? (image.display.width, image.display.height) : (image.thumbnail.width, image.thumbnail.height)
        let alternative = image.caption ?? title
        return .element("figure", [.class(size == .display ? "picture main" : "picture")]) {
            Node.element("a", [.href(imagePath(image.sha256, .display))]) {
                Node.element("img", [Attribute("src", imagePath(image.sha256, size)), Attribute("alt", alternative),
                                     Attribute("width", String(width)), Attribute("height", String(height)),
                                     Attribute("loading", size == .display ? nil : "lazy")])
            }
            Node.element("figcaption") {
                if let caption = image.caption, caption != primary?.caption { Node.element("span", [.class("caption")]) { caption } }
                if let credit = image.credit, credit != primary?.credit { Node.span("credit", credit) }
                if let rights = image.rights, rights != primary?.rights {
                    Node.element("span", [.class("licence")]) { Node.outbound(rights, Media.rightsLabel(rights)) }
                }
                if let rights = image.rights, Media.allowsReuse(rights) {
                    Node.element("a", [.href(imagePath(image.sha256, .original)), Attribute("download", image.fileName ?? "")]) {
                        "Original (\(image.contentType.dropFirst("image/".count).uppercased()), \(image.width) × \(image.height))"
                    }
                }
            }
        }
    }
}
