// IIIF: each image as a level-0 Image API 3 service (https://iiif.io/api/image/3.0/), whose sizes are the
// renditions made at import (the thumbnail and the display size; "max" is the display size), and each record
// with images as a Presentation API 3 manifest (https://iiif.io/api/presentation/3.0/): its label and fields,
// one canvas per image with the image and its service, rights and the credit as requiredStatement. Level 0 asks
// for nothing to be made on request: every answer is a stored rendition. Ids are absolute with --base-url, as
// IIIF viewers need; without it they are the site's own paths.
import ArchiveCore

enum IIIF {
    static let imageContext = "http://iiif.io/api/image/3/context.json"
    static let presentationContext = "http://iiif.io/api/presentation/3/context.json"

    static func servicePath(_ sha256: String) -> String { "/iiif/images/\(sha256)" }
    static func manifestPath(_ table: String, _ slug: String) -> String { "/iiif/manifests/\(table)/\(slug)" }

    /// The image upright at full size: the display rendition's shape at the original's longest side.
    static func fullSize(_ image: MediaItem) -> (width: Int, height: Int) {
        let longest = max(image.width, image.height), shown = max(image.display.width, image.display.height)
        guard shown > 0 else { return (image.width, image.height) }
        return ((image.display.width * longest + shown / 2) / shown, (image.display.height * longest + shown / 2) / shown)
    }

    /// info.json of the image service.
    static func info(_ image: MediaItem, baseURL: String?) -> LinkedData {
        let (width, height) = fullSize(image)
        return .object([
            ("@context", .text(imageContext)),
            ("id", .text((baseURL ?? "") + servicePath(image.sha256))),
            ("type", .text("ImageService3")),
            ("protocol", .text("http://iiif.io/api/image")),
            ("profile", .text("level0")),
            ("width", .number(width)), ("height", .number(height)),
            ("maxWidth", .number(image.display.width)), ("maxHeight", .number(image.display.height)),
            ("sizes", .list([image.thumbnail, image.display].map { .object([("width", .number($0.width)), ("height", .number($0.height))]) })),
            ("rights", LinkedData.text(image.rights)),
        ])
    }

    /// The rendition an Image API request names, when it names one: region full, size max or w,h (or w, or ,h) of
    /// a rendition, rotation 0, quality default, format jpg.
    static func rendition(_ image: MediaItem, region: String, size: String, rotation: String, file: String) -> StoredImage.Size? {
        guard region == "full", rotation == "0", file == "default.jpg" else { return nil }
        if size == "max" { return .display }
        // The display size first: a small image's two renditions have the same size, and the display one is better.
        for (pixels, rendition) in [(image.display, StoredImage.Size.display), (image.thumbnail, .thumbnail)] {
            if ["\(pixels.width),\(pixels.height)", "\(pixels.width),", ",\(pixels.height)"].contains(size) { return rendition }
        }
        return nil
    }

    /// The manifest of a record's images.
    static func manifest(_ content: RecordContent, baseURL: String?) -> LinkedData {
        let record = content.record
        let base = baseURL ?? ""
        let id = base + manifestPath(record.table, record.slug)
        let language = { (text: String) in LinkedData.object([("none", .list([.text(text)]))]) }
        let english = { (text: String) in LinkedData.object([("en", .list([.text(text)]))]) }
        let metadata: [LinkedData] = ([(label: "Kind", value: Names.singular(record.table))] + RecordPage.catalogueFields(content)).map { field in
            .object([("label", english(field.label)), ("value", language(field.value))])
        }
        let rights = Set(content.images.compactMap(\.rights))
        let credits = orderedUnique(content.images.compactMap(\.credit))
        let canvases: [LinkedData] = content.images.enumerated().map { index, image in
            let canvas = "\(id)/canvas/\(index + 1)"
            let (width, height) = fullSize(image)
            let body = LinkedData.object([
                ("id", .text(base + RecordPage.imagePath(image.sha256, .display))), ("type", .text("Image")), ("format", .text("image/jpeg")),
                ("width", .number(image.display.width)), ("height", .number(image.display.height)),
                ("service", .list([.object([("id", .text(base + servicePath(image.sha256))), ("type", .text("ImageService3")), ("profile", .text("level0"))])])),
            ])
            return .object([
                ("id", .text(canvas)), ("type", .text("Canvas")),
                ("label", language(image.caption ?? "Image \(index + 1)")),
                ("width", .number(width)), ("height", .number(height)),
                ("rights", LinkedData.text(image.rights)),
                ("requiredStatement", image.credit.map { .object([("label", english("Credit")), ("value", language($0))]) }),
                ("thumbnail", .list([thumbnail(image, base: base)])),
                ("items", .list([.object([
                    ("id", .text("\(canvas)/page")), ("type", .text("AnnotationPage")),
                    ("items", .list([.object([
                        ("id", .text("\(canvas)/page/image")), ("type", .text("Annotation")), ("motivation", .text("painting")),
                        ("body", body), ("target", .text(canvas)),
                    ])])),
                ])])),
            ])
        }
        // One rights for the manifest only where every image has the same; each canvas carries its own.
        let shared: LinkedData? = rights.count == 1 && content.images.allSatisfy({ $0.rights != nil }) ? .text(rights.first!) : nil
        let credit: LinkedData? = credits.isEmpty ? nil : .object([("label", english("Credit")), ("value", language(credits.joined(separator: "; ")))])
        let page = base + Names.recordPath(record.table, record.slug), title = RecordPage.title(of: record)
        let homepage: LinkedData = .list([.object([("id", .text(page)), ("type", .text("Text")), ("label", language(title)), ("format", .text("text/html"))])])
        let members: [(String, LinkedData?)] = [
            ("@context", .text(presentationContext)),
            ("id", .text(id)), ("type", .text("Manifest")),
            ("label", language(title)),
            ("metadata", .list(metadata)),
            ("rights", shared),
            ("requiredStatement", credit),
            ("homepage", homepage),
            ("thumbnail", content.images.first.map { .list([thumbnail($0, base: base)]) }),
            ("items", .list(canvases)),
        ]
        return .object(members)
    }

    private static func thumbnail(_ image: MediaItem, base: String) -> LinkedData {
        .object([("id", .text(base + RecordPage.imagePath(image.sha256, .thumbnail))), ("type", .text("Image")), ("format", .text("image/jpeg")),
                 ("width", .number(image.thumbnail.width)), ("height", .number(image.thumbnail.height))])
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
