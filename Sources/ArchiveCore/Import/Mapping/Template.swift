// A mapping's template: a text with `{field}` places, each field taken through filters — `{Artist ULAN URL|id}`,
// `{Title|or:Object Name}`, `{name|first_last}`, `{Artist End Date|unknown:9999}`. Filters are a fixed, small
// set of linear steps (no user regular expression that could backtrack without bound); README, "Templates".

extension ImportMapping {
    struct Template: Sendable {
        /// One `{…}` place: the field it reads and the filters its value goes through, in order.
        struct Place: Sendable {
            let field: String
            let filters: [Filter]
        }

        let text: String
        private let parts: [(literal: String, place: Place?)]

        /// Every field the template reads (a place's own, and those its `or:` filters fall back on).
        var fields: [String] { parts.compactMap(\.place).flatMap { place in [place.field] + place.filters.compactMap(\.fallback) } }
        /// The fields of its places, without fallbacks.
        var placeFields: [String] { parts.compactMap(\.place?.field) }

        /// A template of `text`, whose braces the loader has checked; `map:` filters name one of `maps`.
        init(_ text: String, maps: [String: [String: String]] = [:]) throws(Filter.Unknown) {
            self.text = text
            var parts: [(String, Place?)] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let inside = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
                var filters: [Filter] = []
                for name in inside.dropFirst() { filters.append(try Filter(String(name), maps: maps)) }
                parts.append((String(rest[..<open]), Place(field: String(inside.first ?? ""), filters: filters)))
                rest = rest[rest.index(after: close)...]
            }
            parts.append((String(rest), nil))
            self.parts = parts
        }

        /// The template of one field taken as it is (a mapping's `"title": "Title"`).
        init(field: String) {
            text = field
            parts = [("", Place(field: field, filters: [])), ("", nil)]
        }

        /// The text filled in, or the first field that is empty or missing once filtered.
        func render(_ values: [String: String]) -> Result<String, MissingField> { render { values[$0] } }

        /// The same, the values looked up by `value` (a split item's own, then its row's, without copying either).
        func render(_ value: (String) -> String?) -> Result<String, MissingField> {
            var result = ""
            for part in parts {
                result += part.literal
                guard let place = part.place else { continue }
                var text = value(place.field) ?? ""
                for filter in place.filters { text = filter.apply(text, value) }
                let value = text
                guard !value.isEmpty else { return .failure(MissingField(name: place.field)) }
                result += value
            }
            return .success(result)
        }

        /// The text filled in, or nil when a field is empty.
        func value(_ values: [String: String]) -> String? { try? render(values).get() }
        func value(_ lookup: (String) -> String?) -> String? { try? render(lookup).get() }
    }

    struct MissingField: Error { let name: String }

    /// A step a value goes through in a template.
    enum Filter: Sendable {
        /// Spaces (any Unicode space) and line breaks at either end removed.
        case trim
        /// The identifier at the end of an authority URL: …/ulan/500024217 → 500024217, …/wiki/Q467 → Q467.
        case id
        /// Empty when the value is one of these (the Met's 9999 end date of a living maker).
        case unknown(Set<String>)
        /// Another field's value when this one is empty: {Title|or:Object Name}.
        case or(String)
        /// This text when the value is empty: {role|default:maker}.
        case fallbackText(String)
        /// "Vivier, Roger" → "Roger Vivier" (a name with exactly one comma).
        case firstLast
        /// Through a value map of the mapping's `maps` (a value it does not list stays as it is; "" maps to empty).
        case map([String: String])
        case lower
        /// The first four-digit year in the value: "1907-01-01" → 1907.
        case year
        /// true/yes/1 → 1, false/no/0 → 0 (any case), anything else empty.
        case yesNo

        struct Unknown: Error { let message: String }

        static let names = ["trim", "id", "unknown:VALUE,…", "or:FIELD", "default:TEXT", "first_last", "map:NAME", "lower", "year", "yes_no"]

        init(_ text: String, maps: [String: [String: String]]) throws(Unknown) {
            let name = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            let argument = text.firstIndex(of: ":").map { String(text[text.index(after: $0)...]) }
            switch (name, argument) {
            case ("trim", nil): self = .trim
            case ("id", nil): self = .id
            case ("unknown", let values?) where !values.isEmpty: self = .unknown(Set(values.split(separator: ",").map(String.init)))
            case ("or", let field?) where !field.isEmpty: self = .or(field)
            case ("default", let text?) where !text.isEmpty: self = .fallbackText(text)
            case ("first_last", nil): self = .firstLast
            case ("map", let map?):
                guard let values = maps[map] else {
                    throw Unknown(message: "the filter \"map:\(map)\" names no map of the mapping's \"maps\"\(maps.isEmpty ? "" : " (maps: \(maps.keys.sorted().joined(separator: ", ")))")")
                }
                self = .map(values)
            case ("lower", nil): self = .lower
            case ("year", nil): self = .year
            case ("yes_no", nil): self = .yesNo
            default:
                let suggestion = NearestName.suggestion(for: name, among: Filter.names.map { String($0.prefix { $0 != ":" }) }).map { "; did you mean \"\($0)\"?" } ?? ""
                throw Unknown(message: "unknown filter \"\(text)\"\(suggestion) (filters: \(Filter.names.joined(separator: ", ")))")
            }
        }

        /// The field an `or:` falls back on.
        var fallback: String? { if case .or(let field) = self { field } else { nil } }

        func apply(_ value: String, _ values: (String) -> String?) -> String {
            switch self {
            case .trim:
                // Any Unicode space: museum text holds no-break and em spaces.
                guard let first = value.firstIndex(where: { !$0.isWhitespace }), let last = value.lastIndex(where: { !$0.isWhitespace }) else { return "" }
                return String(value[first...last])
            case .id:
                var text = Substring(value.trimmingWhitespace())
                if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<end] }
                while text.hasSuffix("/") { text = text.dropLast() }
                return String(text.split(separator: "/").last ?? "")
            case .unknown(let values): return values.contains(value.trimmingWhitespace()) ? "" : value
            case .or(let field): return value.isEmpty ? values(field) ?? "" : value
            case .fallbackText(let text): return value.isEmpty ? text : value
            case .firstLast:
                let parts = value.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count == 2 else { return value }
                let last = String(parts[0]).trimmingWhitespace(), first = String(parts[1]).trimmingWhitespace()
                return first.isEmpty ? last : last.isEmpty ? first : first + " " + last
            case .map(let map): return map[value] ?? value
            case .lower: return value.lowercased()
            case .year:
                var digits = 0
                var index = value.startIndex
                while index < value.endIndex {
                    let character = value[index]
                    digits = character.isASCII && character.isNumber ? digits + 1 : 0
                    index = value.index(after: index)
                    // Four digits not followed by a fifth.
                    if digits == 4, index == value.endIndex || !(value[index].isASCII && value[index].isNumber) {
                        return String(value[value.index(index, offsetBy: -4)..<index])
                    }
                }
                return ""
            case .yesNo:
                switch value.trimmingWhitespace().lowercased() {
                case "true", "yes", "1", "y": return "1"
                case "false", "no", "0", "n": return "0"
                default: return ""
                }
            }
        }
    }
}
