// /assets/…: the stylesheet and the icon, files of Resources/ compiled into the binary by the EmbedFiles plugin
// (nothing from a CDN: the machine may be offline; nothing beside the binary to lose).
import Hummingbird

struct AssetRoutes: Sendable {
    static let types = ["css": "text/css; charset=utf-8", "svg": "image/svg+xml"]

    func register(on router: Router<ArchiveRequestContext>) {
        for file in embeddedFiles {
            let type = Self.types[String(file.name.split(separator: ".").last ?? "")] ?? "application/octet-stream"
            let body = ByteBuffer(string: file.text)
            router.get("/assets/\(file.name)") { _, _ in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"], body: .init(byteBuffer: body))
            }
        }
    }
}
