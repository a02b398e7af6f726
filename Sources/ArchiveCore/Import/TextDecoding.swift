// Turns raw field bytes into text, refusing what an archive must not hold: invalid or overlong UTF-8,
// NUL bytes, and byte-order marks inside the data.

public enum TextDecoding {
    public enum Failure: Error, Equatable, Sendable {
        case invalidUTF8, nulByte, byteOrderMark

        public var message: String {
            switch self {
            case .invalidUTF8: "is not valid UTF-8 (save the file as UTF-8)"
            case .nulByte: "holds a NUL byte"
            case .byteOrderMark: "holds a byte-order mark (U+FEFF) inside the data"
            }
        }
    }

    static func text(_ bytes: [UInt8]) throws(Failure) -> String {
        var hasNonASCII = false
        for byte in bytes {
            if byte == 0 { throw .nulByte }
            if byte >= 0x80 { hasNonASCII = true }
        }
        guard hasNonASCII else { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        if text.unicodeScalars.contains("\u{FEFF}") { throw .byteOrderMark }
        return text
    }

    /// The encoding a file's first bytes say it is in, when that is a UTF-16 or UTF-32 one (the archive reads
    /// UTF-8 only): a byte-order mark, or ASCII text with a NUL after (or before) every character, as Excel's
    /// "Unicode text" and Windows tools write it.
    static func wideEncoding(ofStart bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian)" }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        guard bytes.count >= 4 else { return nil }
        let isText: (UInt8) -> Bool = { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if isText(bytes[0]) && bytes[1] == 0 && isText(bytes[2]) && bytes[3] == 0 { return "UTF-16 (little-endian)" }
        if bytes[0] == 0 && isText(bytes[1]) && bytes[2] == 0 && isText(bytes[3]) { return "UTF-16 (big-endian)" }
        return nil
    }
}
