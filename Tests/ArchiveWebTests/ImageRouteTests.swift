// Images on the web: a record's gallery (primary first, caption, credit and rights under each, the original
// offered only where its rights allow reuse), thumbnails beside search hits, and /images/… served as files are
// (type, nosniff, strong ETag, cache headers, HEAD, If-None-Match, one byte range), streamed when large.
@testable import ArchiveWeb
import ArchiveCore
import ArchiveStorage
import ArchiveTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite struct ImageRouteTests {
    static let images = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/images").standardized
    let web: WebFixture

    init() throws {
        web = try WebFixture { archive in
            _ = try Media.add([Self.image("phone-photo.jpg"), Self.image("gradient.png")], to: "repetto-zizi",
                              details: .init(caption: "Zizi — “side”", credit: "Photo: Ève <Studio>", rights: "https://creativecommons.org/licenses/by/4.0/", primary: true),
                              archive: archive, by: "test")
            _ = try Media.add([Self.image("fabric.webp")], to: "celine", details: .init(rights: "http://rightsstatements.org/vocab/InC/1.0/"), archive: archive, by: "test")
            _ = try Media.add([Self.image("transparent.png")], to: "repetto", details: .init(), archive: archive, by: "test")
            _ = try Media.remove(4, archive: archive, by: "test")
        }
    }

    static func image(_ name: String) -> String { images.appendingPathComponent(name).path }
    static func sha(_ name: String) throws -> String { try sha256(Array(Data(contentsOf: images.appendingPathComponent(name)))) }
    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hexDigest(bytes) }

    @Test func theRecordPageShowsItsGalleryPrimaryFirstWithCreditsAndRights() async throws {
        let page = try await web.page("/records/shoes/repetto-zizi")
        #expect(page.status == .ok)
        let photo = try Self.sha("phone-photo.jpg"), gradient = try Self.sha("gradient.png")
        // The primary at display size (the photo is turned upright: 80 × 120), the others as thumbnails.
        #expect(page.body.contains("<figure class=\"picture main\"><a href=\"/images/\(photo)/display.jpg\"><img src=\"/images/\(photo)/display.jpg\" alt=\"Zizi — “side”\" width=\"80\" height=\"120\">"))
        #expect(page.body.contains("<img src=\"/images/\(gradient)/thumbnail.jpg\" alt=\"Zizi — “side”\" width=\"120\" height=\"80\" loading=\"lazy\">"))
        #expect(page.body.contains("<span class=\"credit\">Photo: Ève &lt;Studio&gt;</span>"))
        #expect(page.body.contains("<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"noopener noreferrer\">CC BY 4.0</a>"))
        #expect(page.body.contains("<a href=\"/images/\(photo)/original\" download=\"phone-photo.jpg\">Original (JPEG, 120 × 80)</a>"))
        // In copyright: shown, credited, no original offered; and the original is not served either.
        let celine = try await web.page("/records/designers/celine")
        let fabric = try Self.sha("fabric.webp")
        #expect(celine.body.contains("/images/\(fabric)/display.jpg"))
        #expect(celine.body.contains(">In Copyright</a>"))
        #expect(!celine.body.contains("/images/\(fabric)/original"))
        #expect(try await web.page("/images/\(fabric)/original").status == .notFound)
        // No images: no gallery.
        #expect(!(try await web.page("/records/designers/michael-rider")).body.contains("gallery"))
    }

    @Test func aHitShowsItsRecordsPrimaryImage() async throws {
        let page = try await web.page("/search?q=zizi&in=all")
        let photo = try Self.sha("phone-photo.jpg")
        #expect(page.body.contains("<li class=\"with-image\"><img class=\"thumb\" src=\"/images/\(photo)/thumbnail.jpg\" alt=\"\" width=\"64\" height=\"64\" loading=\"lazy\"><div><span class=\"kind\">shoe</span><a href=\"/records/shoes/repetto-zizi\""))
        // A hit without images is as it was.
        #expect(page.body.contains("<li><span class=\"kind\">collection</span>"))
    }

    @Test func anImageIsServedAsAFileIs() async throws {
        let photo = try Self.sha("phone-photo.jpg")
        let thumbnail = try await web.page("/images/\(photo)/thumbnail.jpg")
        #expect(thumbnail.status == .ok)
        #expect(thumbnail.contentType == "image/jpeg")
        #expect(Array(thumbnail.bytes.prefix(2)) == [0xFF, 0xD8])
        #expect(thumbnail.headers[.eTag] == "\"\(Self.sha256(thumbnail.bytes))\"")
        #expect(thumbnail.headers[.contentLength] == String(thumbnail.bytes.count))
        #expect(thumbnail.headers[.cacheControl] == "public, max-age=604800")
        #expect(thumbnail.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        let original = try await web.page("/images/\(photo)/original")
        #expect(original.bytes == Array(try Data(contentsOf: Self.images.appendingPathComponent("phone-photo.jpg"))))
        #expect(original.headers[.eTag] == "\"\(photo)\"")
        #expect(original.headers[.cacheControl] == "public, max-age=31536000, immutable")
        #expect(original.headers[.contentDisposition] == "inline; filename=\"phone-photo.jpg\"")
        let head = try await web.get(["/images/\(photo)/original"], method: .head)[0]
        #expect(head.status == .ok && head.bytes.isEmpty && head.headers[.contentLength] == String(original.bytes.count))
    }

    @Test func conditionalAndRangeRequests() async throws {
        let photo = try Self.sha("phone-photo.jpg")
        let path = "/images/\(photo)/original"
        let whole = try await web.page(path).bytes
        for tag in ["\"\(photo)\"", "\"other\", W/\"\(photo)\"", "*"] {
            let page = try await web.get([path], headers: [.ifNoneMatch: tag])[0]
            #expect(page.status == .notModified && page.bytes.isEmpty, "\(tag)")
        }
        #expect(try await web.get([path], headers: [.ifNoneMatch: "\"other\""])[0].status == .ok)
        let part = try await web.get([path], headers: [.range: "bytes=10-19"])[0]
        #expect(part.status == .partialContent)
        #expect(part.bytes == Array(whole[10..<20]))
        #expect(part.headers[.contentRange] == "bytes 10-19/\(whole.count)")
        #expect(try await web.get([path], headers: [.range: "bytes=-5"])[0].bytes == Array(whole.suffix(5)))
        let outside = try await web.get([path], headers: [.range: "bytes=\(whole.count)-"])[0]
        #expect(outside.status == .rangeNotSatisfiable && outside.headers[.contentRange] == "bytes */\(whole.count)")
        // Several ranges, or an If-Range that names other bytes: the whole file.
        #expect(try await web.get([path], headers: [.range: "bytes=0-1,5-6"])[0].bytes == whole)
        #expect(try await web.get([path], headers: [.range: "bytes=0-1", .ifRange: "\"other\""])[0].status == .ok)
    }

    /// A 4.6 MB uncompressed TIFF, larger than a reply read whole: streamed from the blob, whole or in part,
    /// with its length announced.
    @Test func aLargeOriginalIsStreamed() async throws {
        let large = TestImages.uncompressedTIFF(width: 1600, height: 960)
        let web = try WebFixture { archive in
            let scan = String(archive.path.dropLast("archive.sqlite".count)) + "scan-large.tif"
            FileManager.default.createFile(atPath: scan, contents: Data(large))
            _ = try Media.add([scan], to: "celine", details: .init(rights: "https://creativecommons.org/publicdomain/zero/1.0/"), archive: archive, by: "test")
        }
        let sha = Self.sha256(large)
        let page = try await web.page("/images/\(sha)/original")
        #expect(page.status == .ok && page.contentType == "image/tiff")
        #expect(page.headers[.contentLength] == String(large.count))
        #expect(page.bytes == large)
        let tail = try await web.get(["/images/\(sha)/original"], headers: [.range: "bytes=4000000-"])[0]
        #expect(tail.status == .partialContent && tail.bytes == Array(large[4_000_000...]))
        // Its renditions were made from it: the display size fits the 1600-pixel box, the thumbnail the 400.
        let display = try await web.page("/images/\(sha)/display.jpg")
        #expect(display.status == .ok && display.bytes.count > 1000)
    }

    @Test func onlyImagesARecordShowsAreServed() async throws {
        // Image 4 was removed from its record: its bytes stay in the file (for undo), but are not served.
        let removed = try Self.sha("transparent.png")
        for size in ["thumbnail.jpg", "display.jpg", "original"] {
            #expect(try await web.page("/images/\(removed)/\(size)").status == .notFound)
        }
        let photo = try Self.sha("phone-photo.jpg")
        for path in ["/images/\(photo)/large.jpg", "/images/\(String(repeating: "0", count: 64))/thumbnail.jpg",
                     "/images/\(photo.uppercased())/thumbnail.jpg", "/images/..%2F..%2Fetc%2Fpasswd/original", "/images/x/display.jpg"] {
            #expect(try await web.page(path).status == .notFound, "\(path)")
        }
    }
}

/// Range headers as RFC 9110 §14.1.2 reads them (ImageRoutes answers one range, else the whole file).
@Suite struct ByteRangeTests {
    @Test(arguments: [
        ("bytes=0-0", 10, ByteRange.part(0..<1)), ("bytes=5-", 10, .part(5..<10)), ("bytes=-3", 10, .part(7..<10)),
        ("bytes=-30", 10, .part(0..<10)), ("bytes=3-100", 10, .part(3..<10)), ("bytes=10-", 10, .unsatisfiable),
        ("bytes=-0", 10, .unsatisfiable), ("bytes=5-2", 10, .whole), ("bytes=0-1,3-4", 10, .whole), ("items=0-1", 10, .whole),
        ("bytes=a-b", 10, .whole), ("bytes=99999999999999999999-", 10, .whole), ("bytes=0-", 0, .unsatisfiable),
    ])
    func rangesAreReadAsRFC9110Says(field: String, count: Int, expected: ByteRange) {
        #expect(ByteRange.parse(field, count: count) == expected)
    }
}

/// IIIF: each image a level-0 Image API 3 service whose sizes are its renditions, each record with images a
/// Presentation API 3 manifest; ids from --base-url; linked from the record's page and its JSON-LD.
@Suite struct IIIFTests {
    let web: WebFixture
    static let base = "https://archive.example.org"

    init() throws {
        web = try WebFixture(baseURL: Self.base + "/") { archive in
            _ = try Media.add([ImageRouteTests.image("phone-photo.jpg"), ImageRouteTests.image("gradient.png")], to: "repetto-zizi",
                              details: .init(caption: "Zizi — “side”", credit: "Photo: Ève", rights: "https://creativecommons.org/licenses/by/4.0/", primary: true),
                              archive: archive, by: "test")
        }
    }

    private func json(_ page: WebFixture.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any], "\(page.body)")
    }

    @Test func eachImageIsALevel0ImageService() async throws {
        let photo = try ImageRouteTests.sha("phone-photo.jpg")
        let page = try await web.page("/iiif/images/\(photo)/info.json")
        #expect(page.status == .ok)
        #expect(page.contentType == "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"")
        #expect(page.headers[.accessControlAllowOrigin] == "*")
        let info = try json(page)
        #expect(info["@context"] as? String == "http://iiif.io/api/image/3/context.json")
        #expect(info["id"] as? String == "\(Self.base)/iiif/images/\(photo)")
        #expect(info["type"] as? String == "ImageService3" && info["profile"] as? String == "level0")
        // Upright: the EXIF-turned photo is 80 wide, 120 high.
        #expect(info["width"] as? Int == 80 && info["height"] as? Int == 120)
        #expect((info["sizes"] as? [[String: Int]]) == [["width": 80, "height": 120], ["width": 80, "height": 120]])
        #expect(info["rights"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        // The sizes it lists, by the Image API's addresses: the renditions themselves.
        let display = try await web.page("/images/\(photo)/display.jpg")
        for size in ["max", "80,120", "80,", ",120"] {
            let image = try await web.page("/iiif/images/\(photo)/full/\(size)/0/default.jpg")
            #expect(image.status == .ok && image.bytes == display.bytes && image.contentType == "image/jpeg", "\(size)")
        }
        for path in ["full/10,10/0/default.jpg", "square/max/0/default.jpg", "full/max/90/default.jpg", "full/max/0/gray.jpg", "full/max/0/default.png"] {
            #expect(try await web.page("/iiif/images/\(photo)/\(path)").status == .badRequest, "\(path)")
        }
        let service = try await web.page("/iiif/images/\(photo)")
        #expect(service.status == .seeOther && service.headers[.location] == "/iiif/images/\(photo)/info.json")
        #expect(try await web.page("/iiif/images/\(String(repeating: "a", count: 64))/info.json").status == .notFound)
    }

    @Test func aRecordWithImagesHasAManifest() async throws {
        let photo = try ImageRouteTests.sha("phone-photo.jpg"), gradient = try ImageRouteTests.sha("gradient.png")
        let page = try await web.page("/iiif/manifests/shoes/repetto-zizi")
        #expect(page.status == .ok)
        #expect(page.contentType == "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"")
        let manifest = try json(page)
        let id = "\(Self.base)/iiif/manifests/shoes/repetto-zizi"
        #expect(manifest["@context"] as? String == "http://iiif.io/api/presentation/3/context.json")
        #expect(manifest["id"] as? String == id && manifest["type"] as? String == "Manifest")
        #expect((manifest["label"] as? [String: [String]]) == ["none": ["Zizi shoe"]])
        #expect(manifest["rights"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        #expect(((manifest["requiredStatement"] as? [String: Any])?["value"] as? [String: [String]]) == ["none": ["Photo: Ève"]])
        #expect(((manifest["homepage"] as? [[String: Any]])?.first?["id"] as? String) == "\(Self.base)/records/shoes/repetto-zizi")
        let canvases = try #require(manifest["items"] as? [[String: Any]])
        #expect(canvases.count == 2)
        #expect(canvases.map { $0["id"] as? String } == ["\(id)/canvas/1", "\(id)/canvas/2"])
        #expect(canvases.first?["width"] as? Int == 80 && canvases.first?["height"] as? Int == 120)
        let annotation = try #require(((canvases.first?["items"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])?.first)
        #expect(annotation["motivation"] as? String == "painting" && annotation["target"] as? String == "\(id)/canvas/1")
        let body = try #require(annotation["body"] as? [String: Any])
        #expect(body["id"] as? String == "\(Self.base)/images/\(photo)/display.jpg")
        #expect(((body["service"] as? [[String: Any]])?.first?["id"] as? String) == "\(Self.base)/iiif/images/\(photo)")
        #expect(((canvases.last?["thumbnail"] as? [[String: Any]])?.first?["id"] as? String) == "\(Self.base)/images/\(gradient)/thumbnail.jpg")
        // No images, no manifest.
        #expect(try await web.page("/iiif/manifests/designers/celine").status == .notFound)
        #expect(try await web.page("/iiif/manifests/nothing/celine").status == .notFound)
    }

    @Test func theRecordPageAndItsJSONLDLinkTheManifest() async throws {
        let page = try await web.page("/records/shoes/repetto-zizi")
        #expect(page.body.contains("<link rel=\"alternate\" type=\"application/ld+json;profile=&quot;http://iiif.io/api/presentation/3/context.json&quot;\" href=\"/iiif/manifests/shoes/repetto-zizi\">"), "\(page.body.prefix(3000))")
        #expect(page.body.contains("<a href=\"/iiif/manifests/shoes/repetto-zizi\">IIIF manifest</a>"))
        let linked = try json(try await web.page("/api/records/shoes/repetto-zizi.jsonld"))
        let subjects = try #require(linked["subjectOf"] as? [[String: Any]])
        #expect(subjects.contains { $0["@id"] as? String == "\(Self.base)/iiif/manifests/shoes/repetto-zizi" })
        let images = try #require(linked["image"] as? [[String: Any]])
        #expect(images.map { $0["contentUrl"] as? String } == ["\(Self.base)/images/\(try ImageRouteTests.sha("phone-photo.jpg"))/display.jpg",
                                                             "\(Self.base)/images/\(try ImageRouteTests.sha("gradient.png"))/display.jpg"])
        #expect(images.first?["@type"] as? String == "ImageObject")
        #expect(images.first?["license"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        #expect(images.first?["creditText"] as? String == "Photo: Ève" && images.first?["caption"] as? String == "Zizi — “side”")
        // A record without images links no manifest.
        #expect(!(try await web.page("/records/designers/celine")).body.contains("iiif"))
    }
}
