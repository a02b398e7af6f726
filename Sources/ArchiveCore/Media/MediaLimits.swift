// What one image may be, said in `archive media add --help`: a file larger, or an image with more pixels, is
// refused before any of it is stored.
public enum MediaLimits {
    /// Bytes per file: 512 MiB (SQLite's own limit on a value is 1,000,000,000 bytes).
    public static let maxBytes = 512 << 20
    /// Pixels per image: 250 million (a 20,000 × 12,500 master scan).
    public static let maxPixels = 250_000_000
    /// The box each rendition fits inside, in pixels.
    public static let thumbnailBox = 400
    public static let displayBox = 1600

    public static var summary: String {
        "at most \(maxBytes >> 20) MiB per file and \(maxPixels / 1_000_000) million pixels per image"
    }
}
