// /images/SHA256/thumbnail.jpg, /display.jpg and /original: a record's images, addressed by the original's
// SHA-256. Served as files are: their real type, a strong ETag (the SHA-256 of the bytes sent), long-lived cache
// headers, HEAD, If-None-Match (304) and a single byte range (206; 416 outside the file). A rendition is read
// whole (at most a few MB); an original is streamed from its blob on a download's connection, in bounded memory
// however large and however slow the client. Only images a record shows are served, and an original only where
// a record's rights allow its reuse.
import ArchiveCore
import HTTPTypes
import Hummingbird

struct ImageRoutes: Sendable {
    let services: Services

    /// Larger originals are streamed rather than read whole.
    static let wholeReadLimit = 4 << 20

    static let sizes: [String: StoredImage.Size] = ["thumbnail.jpg": .thumbnail, "display.jpg": .display, "original": .original]

    func register(on router: Router<ArchiveRequestContext>) {
        let services = self.services
        router.get("/images/:sha256/:size") { request, context in
            let sha256 = try context.parameters.require("sha256"), name = try context.parameters.require("size")
            guard let size = Self.sizes[name] else { throw Reply.Failure.notFound("there is no image at this address") }
            return try await services.image(sha256, size: size, request, context)
        }
    }

    /// Whether an If-None-Match (or If-Range) value names this image's tag, or is "*".
    static func matches(_ field: String?, _ image: StoredImage) -> Bool {
        guard let field else { return false }
        let tag = "\"\(image.sha256)\""
        return field.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmed
            return trimmed == "*" || trimmed == tag || trimmed == "W/" + tag
        }
    }

    /// The name a download is saved under: the name it was added under, kept to plain characters (a quote or a
    /// line break must not end the header).
    static func safeFileName(_ image: StoredImage) -> String {
        let name = image.fileName ?? image.sha256
        let kept = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar.value != 0x7F ? Character(scalar) : "_"
        })
        return kept.isEmpty ? image.sha256 : kept
    }
}

extension Services {
    /// The reply for image `sha256` in `size`, whichever address asked (its own, or IIIF's).
    func image(_ sha256: String, size: StoredImage.Size, _ request: Request, _ context: ArchiveRequestContext) async throws -> Response {
        let pool = self.pool, services = self
        guard let image = try await Blocking.run({ try pool.read { try StoredImage.find(sha256, size: size, archive: $0) } }) else {
            throw Reply.Failure.notFound(size == .original ? "there is no original to download at this address (its rights may not allow it)"
                                                           : "there is no image at this address")
        }
        var headers: HTTPFields = [
            .contentType: image.contentType, .eTag: "\"\(image.sha256)\"", .acceptRanges: "bytes",
            // An original's address is its content: it never changes. A rendition may be made anew by a later version.
            .cacheControl: size == .original ? "public, max-age=31536000, immutable" : "public, max-age=604800",
        ]
        if size == .original {
            headers[.contentDisposition] = "inline; filename=\"\(ImageRoutes.safeFileName(image))\""
        }
        if ImageRoutes.matches(request.headers[.ifNoneMatch], image) {
            return Response(status: .notModified, headers: headers)
        }
        var status = HTTPResponse.Status.ok
        var range: Range<Int>?
        if let asked = request.headers[.range], ImageRoutes.matches(request.headers[.ifRange] ?? "\"\(image.sha256)\"", image) {
            switch ByteRange.parse(asked, count: image.count) {
            case .whole: break
            case .part(let part):
                range = part
                status = .partialContent
                headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(image.count)"
            case .unsatisfiable:
                return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(image.count)", .contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "the range asked for lies outside the image's \(image.count) bytes\n")))
            }
        }
        let length = range?.count ?? image.count, part = range
        headers[.contentLength] = String(length)
        if length <= ImageRoutes.wholeReadLimit {
            let bytes = try await Blocking.run { try pool.read { try image.bytes(part, archive: $0) } }
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let downloads = services.downloads, wait = services.limits.downloadWait
        let lease = try await Blocking.run { try downloads.lease(waiting: wait) }
        let body = services.streaming(request, context).body(length: length) { output in
            defer { lease.release() }
            try lease.read { archive in try image.read(part, archive: archive) { try output.write($0.bindMemory(to: UInt8.self)) } }
        }
        return Response(status: status, headers: headers, body: body)
    }
}

/// A Range header (RFC 9110 §14.1.2) as the archive answers it: one range of bytes, or the whole file when the
/// header asks for several or is not understood (a server may ignore it), or unsatisfiable.
enum ByteRange: Equatable {
    case whole
    case part(Range<Int>)
    case unsatisfiable

    static func parse(_ field: String, count: Int) -> ByteRange {
        let field = field.trimmed
        guard field.hasPrefix("bytes="), !field.contains(",") else { return .whole }
        let spec = field.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmed, last = spec[spec.index(after: dash)...].trimmed
        let digits = { (text: String) in !text.isEmpty && text.utf8.count <= 18 && text.utf8.allSatisfy { (48...57).contains($0) } }
        if first.isEmpty {
            // The last N bytes.
            guard digits(last), let suffix = Int(last) else { return .whole }
            guard suffix > 0, count > 0 else { return .unsatisfiable }
            return .part(max(0, count - suffix)..<count)
        }
        guard digits(first), let start = Int(first), last.isEmpty || digits(last) else { return .whole }
        guard start < count else { return .unsatisfiable }
        let end = last.isEmpty ? count - 1 : min(Int(last) ?? count - 1, count - 1)
        guard end >= start else { return .whole }
        return .part(start..<end + 1)
    }
}

private extension StringProtocol {
    var trimmed: String { String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
}
