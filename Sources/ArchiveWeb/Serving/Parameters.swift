// A request's query parameters, read with bounds: a value too long, a number out of range or a choice not
// offered is a 400 with a message, never a crash or unbounded work.
import Hummingbird

struct Parameters {
    private let query: [(String, String)]

    init(_ request: Request) {
        query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
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
