// /iiif/…: the IIIF Image API 3 at level 0 for each image a record shows (info.json, and its renditions by the
// API's own addresses) and a Presentation API 3 manifest for each record with images. JSON-LD with the
// contexts IIIF names, and CORS open to any origin, as IIIF viewers on other sites read them.
import ArchiveCore
import HTTPTypes
import Hummingbird

struct IIIFRoutes: Sendable {
    let services: Services

    static let jsonLD = "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\""
    static let imageJSONLD = "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\""

    func register(on router: Router<ArchiveRequestContext>) {
        let pool = services.pool, baseURL = services.baseURL, services = self.services
        let image = { @Sendable (sha256: String) async throws -> MediaItem in
            guard let found = try await Blocking.run({ try pool.read { try Media.showing(sha256, archive: $0) } }) else {
                throw Reply.Failure.notFound("there is no image service at this address")
            }
            return found
        }
        router.get("/iiif/images/:sha256") { request, _ in
            // The service's own address answers with its description, as the Image API recommends (a redirect).
            Response(status: .seeOther, headers: [.location: request.uri.path + "/info.json"])
        }
        router.get("/iiif/images/:sha256/info.json") { _, context in
            let found = try await image(try context.parameters.require("sha256"))
            return IIIFRoutes.reply(IIIF.info(found, baseURL: baseURL).json, type: IIIFRoutes.imageJSONLD)
        }
        router.get("/iiif/images/:sha256/:region/:size/:rotation/:file") { request, context in
            let sha256 = try context.parameters.require("sha256")
            let found = try await image(sha256)
            guard let size = IIIF.rendition(found, region: try context.parameters.require("region"), size: try context.parameters.require("size"),
                                            rotation: try context.parameters.require("rotation"), file: try context.parameters.require("file")) else {
                // Level 0: only the sizes info.json lists, whole, upright, as JPEG.
                throw Reply.Failure.badRequest("this image service is IIIF level 0: it serves region full, the sizes its info.json lists (or max), rotation 0, default.jpg")
            }
            var response = try await services.image(sha256, size: size, request, context)
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        }
        router.get("/iiif/manifests/:table/:slug") { _, context in
            let table = try context.parameters.require("table"), slug = try context.parameters.require("slug")
            let content = try await Blocking.run { try Reads.recordContent(table, slug, page: false, pool: pool) }
            guard !content.images.isEmpty else { throw Reply.Failure.notFound("\(Names.singular(table)) \(slug) has no images, so no IIIF manifest") }
            return IIIFRoutes.reply(IIIF.manifest(content, baseURL: baseURL).json, type: IIIFRoutes.jsonLD)
        }
    }

    static func reply(_ json: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .accessControlAllowOrigin: "*"], body: .init(byteBuffer: ByteBuffer(string: json + "\n")))
    }
}
