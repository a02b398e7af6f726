// A request's query parameters, read with bounds: a value too long, a number out of range or a choice not
// offered is a 400 with a message, never a crash or unbounded work. Names and values are decoded as a form
// encodes them (application/x-www-form-urlencoded): `+` is a space, `%2B` a plus.
import Hummingbird

struct Parameters {
    private let query: [(String, String)]

    init(_ request: Request) {
        query = Self.decode(request.uri.query ?? "")
    }

    /// The names of the parameters given, in order.
    var names: [String] { query.map(\.0) }

    /// The pairs of a query string, in order, as the WHATWG URL standard's form parsing gives them: split at
    /// `&`, then at the first `=`; `+` becomes a space before percent-decoding; a `%` not followed by two hex
    /// digits stays as it is; bytes that are not UTF-8 become U+FFFD. (Hummingbird's `queryParameters` leaves
    /// `+` as it is and names undecoded: a form's `q=silk+dress` searched for "silk+dress".)
    static func decode(_ query: String) -> [(String, String)] {
        query.utf8.split(separator: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (formDecoded(Array(parts[0])), formDecoded(parts.count > 1 ? Array(parts[1]) : []))
        }
    }

    private static func formDecoded(_ bytes: [UInt8]) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                      let high = hexDigit(bytes[index + 1]), let low = hexDigit(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 2
            } else {
                decoded.append(bytes[index])
            }
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The text of `name` (trimmed; nil when absent or empty), at most `limit` characters.
    func text(_ name: String, limit: Int = 200) throws -> String? {
        guard let value = query.last(where: { $0.0 == name })?.1 else { return nil }
        guard value.count <= limit else { throw Reply.Failure.badRequest("\(name) is longer than \(limit) characters") }
        let trimmed = value.trimmingCharacters(in: " \t\n\r")
        return trimmed.isEmpty ? nil : trimmed
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try text(name, limit: 20) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Reply.Failure.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func choice(_ name: String, among choices: [String]) throws -> String? {
        guard let text = try text(name, limit: 40) else { return nil }
        guard let choice = choices.first(where: { $0.lowercased() == text.lowercased() }) else {
            throw Reply.Failure.badRequest("\(name) must be one of \(choices.joined(separator: ", "))")
        }
        return choice
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self)
        while let first = view.unicodeScalars.first, scalars.contains(first) { view = view.dropFirst() }
        while let last = view.unicodeScalars.last, scalars.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
