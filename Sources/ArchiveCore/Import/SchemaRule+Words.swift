// What a CHECK asks, said of the row that broke it. The migrations write a few shapes of rule, and each has its
// words: a choice list (`"adored" is not one of wore, …`), a field kept only for some records (`founded: 1990 is
// only for a designer whose kind is house`), a type, a range, non-empty text, lowercase, two fields in order
// (`earliest_year: 1990 is after latest_year 1980`) or apart (`a trend cannot be its own ancestor`), and an
// identifier's form from its GLOB patterns (`"X123" is not a Wikidata id (Q and digits)`).
import ArchiveStorage

extension SchemaRule {
    /// The rule in words, said of `row`; nil when the rule is not one of the shapes (the caller falls back).
    func broken(by row: RuleRow) throws -> BrokenRule? {
        var unknownAllowed: [String] = []
        var rest: [Expression] = []
        for alternative in expression.alternatives {
            if case .isNull(.column(let column), negated: false) = alternative { unknownAllowed.append(column) } else { rest.append(alternative) }
        }
        if let (column, choices) = Self.choice(rest) {
            if unknownAllowed.allSatisfy({ $0 == column }) {
                return BrokenRule(field: row.field(column), "\(try row.shown(column)) is not one of \(choices.joined(separator: ", "))")
            }
            // `founded IS NULL OR kind = 'house'`: a field some records only may have.
            if unknownAllowed.count == 1, let kept = unknownAllowed.first {
                let actual = row[column].isNull ? "" : " (this one's is \(try row.shown(column, quoted: false)))"
                return BrokenRule(field: row.field(kept), "\(try row.shown(kept)) is only for a \(Tables.singular(row.table.name)) whose "
                                  + "\(row.field(column)) is \(choices.joined(separator: " or "))\(actual)")
            }
        }
        guard rest.count == 1 else { return nil }
        var unread: [Expression] = []
        for condition in rest[0].conditions {
            switch try Self.judge(condition, row) {
            case .holds: continue
            case .broken(let broken): return broken
            case .unread: unread.append(condition)
            }
        }
        // What is left is the form of a value (GLOB patterns, a length): said of the first column it concerns.
        guard let column = unread.flatMap(\.columns).first else { return nil }
        return try Self.form(of: column, unread, row)
    }

    /// `c = 'a' OR c = 'b'`, or `c IN ('a', 'b')` (or numbers): the column and its choices, as written.
    private static func choice(_ alternatives: [Expression]) -> (column: String, choices: [String])? {
        var column: String?
        var choices: [String] = []
        for alternative in alternatives {
            let (name, values): (String, [Expression])
            switch alternative {
            case .comparison(.column(let c), "=", let value): (name, values) = (c, [value])
            case .inList(.column(let c), let list, negated: false): (name, values) = (c, list)
            default: return nil
            }
            guard column == nil || column == name else { return nil }
            column = name
            for value in values {
                switch value {
                case .text(let text): choices.append(text)
                case .integer(let number): choices.append(String(number))
                default: return nil
                }
            }
        }
        return column.map { ($0, choices) }
    }

    private enum Judgement {
        case holds
        case broken(BrokenRule)
        /// Not a condition judged here: it concerns the value's form.
        case unread
    }

    /// Whether the row meets one condition of an AND, and if not, the words for it.
    private static func judge(_ condition: Expression, _ row: RuleRow) throws -> Judgement {
        let fails = { (column: String, message: String) in Judgement.broken(BrokenRule(field: row.field(column), message)) }
        switch condition {
        case .comparison(let call, "=", .text(let type)) where call.argument(of: "typeof") != nil:
            let column = call.argument(of: "typeof")!
            let value = row[column]
            if value.typeName == type { return .holds }
            if value.isNull { return fails(column, "is required but empty") }
            return fails(column, "expected \(DatabaseValue.words(forType: type)), found \(try row.shown(column))")
        case .isNull(.column(let column), negated: true):
            return row[column].isNull ? fails(column, "is required but empty") : .holds
        case .comparison(.column(let column), "<>", .text("")):
            return row[column] == .text("") ? fails(column, "is empty: leave it out when it is unknown") : .holds
        case .comparison(.column(let column), "=", let call) where call.argument(of: "lower") == column:
            guard case .text(let text) = row[column] else { return .holds }
            // SQLite's lower() changes ASCII letters only.
            let lower = String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
            return text == lower ? .holds : fails(column, "\(try row.shown(column)) must be in lowercase (\(quoted(lower)))")
        case .between(.column(let column), .integer(let low), .integer(let high), negated: false):
            guard case .integer(let number) = row[column] else { return .unread }
            return (low...high).contains(number) ? .holds : fails(column, "\(number) is out of range (\(low) to \(high))")
        case .comparison(.column(let first), let operation, .column(let second)):
            let (a, b) = (row[first], row[second])
            if a.isNull || b.isNull { return .holds }
            guard let order = a.order(to: b) else { return .unread }
            if operation.holds(for: order) { return .holds }
            // `person_id <> house_id`: a record at both ends of a relation. The second end is named: the first is
            // the record itself where the relation is nested in it (a designer's affiliations).
            if operation == "<>", case .reference(let target)? = row.description(of: first)?.kind,
               row.description(of: second)?.kind == .reference(table: target) {
                let (end, other) = (row.field(first), row.field(second))
                return fails(second, "\(try row.shown(second)) is the \(end) itself: a \(Tables.singular(target)) cannot be its own \(other)")
            }
            return fails(first, try apart(first, operation, second, row))
        case .comparison(.column(let column), let operation, .integer(let bound)):
            guard case .integer(let number) = row[column] else { return .unread }
            let order: DatabaseValue.Order = number < bound ? .before : number == bound ? .same : .after
            let words = ["<": "less than ", "<=": "at most ", ">": "more than ", ">=": "at least ", "<>": "other than "][operation] ?? ""
            return operation.holds(for: order) ? .holds : fails(column, "\(number) must be \(words)\(bound)")
        case .comparison(.column, "=", .text), .inList(.column, _, negated: false):
            guard let (column, choices) = choice([condition]) else { return .unread }
            switch row[column] {
            case .null: return .holds
            case .text(let text) where choices.contains(text): return .holds
            case .integer(let number) where choices.contains(String(number)): return .holds
            default: return fails(column, "\(try row.shown(column)) is not one of \(choices.joined(separator: ", "))")
            }
        default:
            return .unread
        }
    }

    /// Two fields out of order, or the same where they must differ.
    private static func apart(_ first: String, _ operation: String, _ second: String, _ row: RuleRow) throws -> String {
        let (shown, other, otherShown) = (try row.shown(first), row.field(second), try row.shown(second))
        switch operation {
        case "<=": return "\(shown) is after \(other) \(otherShown)"
        case "<": return "\(shown) is not before \(other) \(otherShown)"
        case ">=": return "\(shown) is before \(other) \(otherShown)"
        case ">": return "\(shown) is not after \(other) \(otherShown)"
        case "=": return "\(shown) is not \(other) \(otherShown): the two must be the same"
        default: return "\(shown) is also the \(other): the two must differ"
        }
    }

    /// The words for a value whose form is wrong: a slug's rule, an identifier's digits, or what the field means.
    private static func form(of column: String, _ conditions: [Expression], _ row: RuleRow) throws -> BrokenRule {
        let field = row.field(column)
        let shown = try row.shown(column)
        if row.description(of: column)?.kind == .slug { return BrokenRule(field: field, "\(shown) is not a valid slug: \(Slug.rule)") }
        if conditions.contains(.call("json_valid", [.column(column)])) { return BrokenRule(field: field, "\(shown) is not valid JSON") }
        if let digits = digitsForm(of: column, conditions) {
            return BrokenRule(field: field, "\(shown) is not \(identifierNames[field] ?? "a valid \(field)") (\(digits))")
        }
        let meaning = row.description(of: column).map { " (\($0.meaning))" } ?? ""
        return BrokenRule(field: field, "\(shown) is not in the form the archive keeps for \(field)\(meaning)")
    }

    /// Authority identifiers by the field that holds them; another field's identifier is "a valid FIELD".
    private static let identifierNames = [
        "wikidata": "a Wikidata id", "ulan": "a Getty ULAN id", "viaf": "a VIAF id", "aat": "a Getty AAT id", "tgn": "a Getty TGN id",
    ]

    /// An identifier's form from its conditions, when they say a literal prefix and digits:
    /// `GLOB 'Q[1-9]*' AND substr(c, 2) NOT GLOB '*[^0-9]*'` is "Q and digits", `GLOB '5[0-9]…[0-9]'` (nine) is
    /// "5 and 8 digits", `GLOB '[1-9]*' AND NOT GLOB '*[^0-9]*' AND length(c) <= 22` is "up to 22 digits".
    private static func digitsForm(of column: String, _ conditions: [Expression]) -> String? {
        var pattern: (prefix: String, digits: Int, open: Bool)?
        var digitsFrom: Int64?
        var longest: Int64?
        for condition in conditions {
            switch condition {
            case .glob(.column(column), .text(let text), negated: false):
                guard pattern == nil, let read = digitPattern(text) else { return nil }
                pattern = read
            case .glob(.column(column), .text("*[^0-9]*"), negated: true): digitsFrom = 1
            case .glob(.call("substr", let arguments), .text("*[^0-9]*"), negated: true):
                guard arguments.count == 2, arguments[0] == .column(column), case .integer(let start) = arguments[1] else { return nil }
                digitsFrom = start
            case .comparison(let call, let operation, .integer(let bound)) where call == .call("length", [.column(column)]) && ["<", "<="].contains(operation):
                longest = operation == "<=" ? bound : bound - 1
            default: return nil
            }
        }
        let prefix = pattern?.prefix ?? ""
        var words: String
        if let pattern, !pattern.open {
            words = "\(pattern.digits) digits"
        } else {
            // An open pattern ('Q[1-9]*') is digits only when the rest of the value is checked to be.
            guard let digitsFrom, digitsFrom <= prefix.count + 1 else { return nil }
            words = longest.map { prefix.isEmpty ? "up to \($0) digits" : "digits" } ?? "digits"
        }
        if !prefix.isEmpty { words = "\(prefix) and \(words)" + (longest.map { ", at most \($0) characters" } ?? "") }
        return words
    }

    /// A GLOB pattern of literal characters, then digit classes, then perhaps a `*`.
    private static func digitPattern(_ text: String) -> (prefix: String, digits: Int, open: Bool)? {
        var rest = Substring(text)
        let prefix = rest.prefix { !"[*?]".contains($0) }
        rest = rest.dropFirst(prefix.count)
        var digits = 0
        while rest.hasPrefix("[0-9]") || rest.hasPrefix("[1-9]") {
            digits += 1
            rest = rest.dropFirst(5)
        }
        let open = rest == "*"
        guard rest.isEmpty || open, digits > 0 || open else { return nil }
        return (String(prefix), digits, open)
    }
}

extension DatabaseValue {
    enum Order { case before, same, after }

    /// SQLite's `typeof`.
    var typeName: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }

    static func words(forType type: String) -> String {
        ["integer": "a whole number", "real": "a number", "text": "text", "blob": "bytes"][type] ?? type
    }

    /// How two values of one kind compare as SQLite compares them (text byte by byte); nil across kinds.
    func order(to other: DatabaseValue) -> Order? {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): a < b ? .before : a == b ? .same : .after
        case (.text(let a), .text(let b)): a == b ? .same : a.utf8.lexicographicallyPrecedes(b.utf8) ? .before : .after
        default: nil
        }
    }
}

private extension String {
    /// Whether a comparison by this operator holds for values in `order`.
    func holds(for order: DatabaseValue.Order) -> Bool {
        switch self {
        case "<": order == .before
        case "<=": order != .after
        case ">": order == .after
        case ">=": order != .before
        case "=": order == .same
        case "<>": order != .same
        default: true
        }
    }
}
