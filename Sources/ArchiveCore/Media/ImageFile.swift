// What libvips (through CVips) says of an image file, and the renditions made of it: the only file in Core that
// knows libvips. Every call reads the file in a stream: an image is never decoded whole into memory.
import CVips

enum ImageFile {
    struct Header {
        let contentType: String
        let width: Int
        let height: Int
        /// Pages (a multi-page TIFF) or frames (an animated WebP): the first is the one shown.
        let pages: Int
    }

    struct Rendition {
        let bytes: [UInt8]
        let width: Int
        let height: Int
    }

    /// The file's format and size in pixels, read from its header; `name` is how messages call it.
    static func header(_ path: String, name: String) throws -> Header {
        try start(name)
        var format = [CChar](repeating: 0, count: 16)
        var width: Int32 = 0, height: Int32 = 0, pages: Int32 = 1
        var error = [CChar](repeating: 0, count: 512)
        guard cvips_header(path, &format, format.count, &width, &height, &pages, &error, error.count) == 0 else {
            throw ArchiveError(.invalidInput, "\(name): \(message(error))")
        }
        return Header(contentType: "image/" + message(format), width: Int(width), height: Int(height), pages: Int(max(1, pages)))
    }

    /// A JPEG fitting inside `box` × `box`, oriented, in sRGB, with no metadata (no camera, no GPS position).
    static func rendition(_ path: String, box: Int, name: String) throws -> Rendition {
        try start(name)
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        var width: Int32 = 0, height: Int32 = 0
        var error = [CChar](repeating: 0, count: 512)
        guard cvips_derivative(path, Int32(box), 82, &bytes, &size, &width, &height, &error, error.count) == 0, let bytes else {
            throw ArchiveError(.invalidInput, "\(name): \(message(error))")
        }
        defer { cvips_free(bytes) }
        return Rendition(bytes: Array(UnsafeBufferPointer(start: bytes, count: size)), width: Int(width), height: Int(height))
    }

    /// A smaller rendition made from a JPEG already made (the display size), not from the file again.
    static func rendition(of made: Rendition, box: Int, name: String) throws -> Rendition {
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        var width: Int32 = 0, height: Int32 = 0
        var error = [CChar](repeating: 0, count: 512)
        let status = made.bytes.withUnsafeBytes { image in
            cvips_derivative_of_bytes(image.baseAddress, image.count, Int32(box), 82, &bytes, &size, &width, &height, &error, error.count)
        }
        guard status == 0, let bytes else { throw ArchiveError(.invalidInput, "\(name): \(message(error))") }
        defer { cvips_free(bytes) }
        return Rendition(bytes: Array(UnsafeBufferPointer(start: bytes, count: size)), width: Int(width), height: Int(height))
    }

    private static func start(_ name: String) throws {
        var error = [CChar](repeating: 0, count: 512)
        guard cvips_start(&error, error.count) == 0 else {
            throw ArchiveError(.storage, "\(name): images cannot be read: \(message(error))")
        }
    }

    /// libvips's message on one line, its control characters escaped (a file's bytes can end up in it).
    private static func message(_ error: [CChar]) -> String {
        let text = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }
}
