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
}
