// Structured data (JSON-LD) as values, written by one serializer: strings are always escaped as JSON, and every
// < > & U+2028 U+2029 as \u escapes, so that the text can stand inside a <script> element (no record's text can
// close it with </script> or open a comment with <!--) and any JSON parser still reads the same values.
import ArchiveCore

enum LinkedData: Sendable, Equatable {
    case text(String)
    case number(Int)
    indirect case list([LinkedData])
    indirect case object([Member])

    struct Member: Sendable, Equatable {
        let name: String
        let value: LinkedData
    }

    /// An object of the members that have a value: nil and empty lists are left out.
    static func object(_ members: [(String, LinkedData?)]) -> LinkedData {
        .object(members.compactMap { name, value in
            guard let value, value != .list([]) else { return nil }
            return Member(name: name, value: value)
        })
    }

    /// Text, or nil for none (a field without a value).
    static func text(_ text: String?) -> LinkedData? { text.map(LinkedData.text) }

    /// One value as itself, several as a list, none as nil.
    static func values(_ values: [LinkedData]) -> LinkedData? {
        values.count > 1 ? .list(values) : values.first
    }

    /// The JSON text, safe inside a <script> element.
    var json: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .text(let text): output += Self.quoted(text)
        case .number(let number): output += String(number)
        case .list(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                output += Self.quoted(member.name) + ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = ""
        for scalar in JSONText.quoted(text).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
