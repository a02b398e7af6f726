// Text from the archive or from a user (museum records hold ESC sequences and C1 controls; a file name can
// hold a newline) shown to a person on one line: control characters and bidirectional overrides are written
// as escapes, so they can neither drive the terminal nor split a `file:line: message` line. Machine formats
// (CSV, JSON) keep the text exact and never go through this.

extension String {
    /// The text with C0 and C1 control characters, DEL and bidirectional controls as `\n`, `\t` or `\u{1B}`.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: String.needsEscape) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where String.needsEscape(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        // Bidirectional embeddings, overrides and isolates: they reorder what follows them on the line.
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
