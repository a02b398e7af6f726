// A CHECK of the schema, read from the text SQLite quotes when it fails ("CHECK constraint failed: <expr>") or
// from the table's CREATE text, so that BrokenRule can say what the rule asks in the archive's words. Only the
// expressions the migrations write are understood: AND, OR, NOT, comparisons, IS [NOT] NULL, BETWEEN, GLOB,
// IN lists, function calls, columns and literals; anything else is not a rule this can read (nil).

struct SchemaRule: Equatable {
    indirect enum Expression: Equatable {
        case column(String)
        case text(String)
        case integer(Int64)
        case null
        case call(String, [Expression])
        case isNull(Expression, negated: Bool)
        case comparison(Expression, String, Expression)
        case between(Expression, Expression, Expression, negated: Bool)
        case glob(Expression, Expression, negated: Bool)
        case inList(Expression, [Expression], negated: Bool)
        case and([Expression])
        case or([Expression])
        case not(Expression)
    }

    let expression: Expression

    /// The rule in `text`, the expression of a CHECK as the schema writes it.
    init?(_ text: String) {
        guard let tokens = Token.read(text) else { return nil }
        var parser = Parser(tokens: tokens)
        guard let expression = parser.parseExpression(), parser.isAtEnd else { return nil }
        self.expression = expression
    }

    /// The CHECK named `name` (`CONSTRAINT slug_format CHECK (…)`) in a CREATE TABLE text.
    init?(named name: String, in createTable: String) {
        guard let tokens = Token.read(createTable) else { return nil }
        for index in tokens.indices.dropLast(3) where tokens[index] == .word("CONSTRAINT") {
            guard case .word(let found) = tokens[index + 1], found.lowercased() == name.lowercased(),
                  tokens[index + 2] == .word("CHECK"), tokens[index + 3] == .symbol("(") else { continue }
            var parser = Parser(tokens: Array(tokens[(index + 4)...]))
            guard let expression = parser.parseExpression(), parser.next() == .symbol(")") else { return nil }
            self.expression = expression
            return
        }
        return nil
    }
}

extension SchemaRule.Expression {
    /// The expression's parts joined by `OR` (itself when it is not an OR).
    var alternatives: [Self] { if case .or(let parts) = self { parts } else { [self] } }
    /// The expression's parts joined by `AND` (itself when it is not an AND).
    var conditions: [Self] { if case .and(let parts) = self { parts } else { [self] } }

    /// The columns the expression names, in the order it names them, each once.
    var columns: [String] {
        var names: [String] = []
        func visit(_ expression: Self) {
            switch expression {
            case .column(let name): if !names.contains(name) { names.append(name) }
            case .text, .integer, .null: break
            case .call(_, let arguments): arguments.forEach(visit)
            case .isNull(let operand, _), .not(let operand): visit(operand)
            case .comparison(let left, _, let right), .glob(let left, let right, _): visit(left); visit(right)
            case .between(let operand, let low, let high, _): visit(operand); visit(low); visit(high)
            case .inList(let operand, let list, _): visit(operand); list.forEach(visit)
            case .and(let parts), .or(let parts): parts.forEach(visit)
            }
        }
        visit(self)
        return names
    }
}

private enum Token: Equatable {
    /// A keyword or a name, keywords in upper case.
    case word(String)
    /// A name in quotes ("name", [name], `name`): never a keyword.
    case name(String)
    case text(String)
    case integer(Int64)
    case symbol(String)

    static let keywords: Set<String> = ["AND", "OR", "NOT", "IS", "NULL", "BETWEEN", "GLOB", "IN", "CONSTRAINT", "CHECK"]

    /// The tokens of `text`, comments skipped; nil at anything a rule does not hold.
    static func read(_ text: String) -> [Token]? {
        let characters = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < characters.count ? characters[index + offset] : nil }
        func quoted(until end: Unicode.Scalar) -> String? {
            var value = ""
            index += 1
            while let character = peek() {
                index += 1
                if character == end {
                    guard peek() == end else { return value }
                    index += 1
                }
                value.unicodeScalars.append(character)
            }
            return nil
        }
        while let character = peek() {
            switch character {
            case " ", "\t", "\n", "\r":
                index += 1
            case "-" where peek(1) == "-":
                while let next = peek(), next != "\n" { index += 1 }
            case "/" where peek(1) == "*":
                index += 2
                while peek() != nil, !(peek() == "*" && peek(1) == "/") { index += 1 }
                index += 2
            case "'":
                guard let value = quoted(until: "'") else { return nil }
                tokens.append(.text(value))
            case "\"", "`":
                guard let value = quoted(until: character) else { return nil }
                tokens.append(.name(value))
            case "[":
                guard let value = quoted(until: "]") else { return nil }
                tokens.append(.name(value))
            case "0"..."9":
                var digits = ""
                while let next = peek(), ("0"..."9").contains(next) { digits.unicodeScalars.append(next); index += 1 }
                guard let value = Int64(digits) else { return nil }
                tokens.append(.integer(value))
            case "a"..."z", "A"..."Z", "_":
                var word = ""
                while let next = peek(), next == "_" || next.properties.isAlphabetic || ("0"..."9").contains(next) {
                    word.unicodeScalars.append(next)
                    index += 1
                }
                tokens.append(.word(keywords.contains(word.uppercased()) ? word.uppercased() : word))
            default:
                let pair = peek(1).map { String(character) + String($0) }
                if let pair, ["<=", ">=", "<>", "!=", "==", "||"].contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                } else if "()=<>,-+*/%.;".unicodeScalars.contains(character) {
                    tokens.append(.symbol(String(character)))
                    index += 1
                } else {
                    return nil
                }
            }
        }
        return tokens
    }
}

/// Precedence as SQLite's: OR, then AND, then NOT, then the comparisons.
private struct Parser {
    let tokens: [Token]
    var index = 0

    init(tokens: [Token]) { self.tokens = tokens }

    var isAtEnd: Bool { index == tokens.count }

    mutating func next() -> Token? {
        guard index < tokens.count else { return nil }
        defer { index += 1 }
        return tokens[index]
    }

    private func peek(_ offset: Int = 0) -> Token? { index + offset < tokens.count ? tokens[index + offset] : nil }

    private mutating func take(_ token: Token) -> Bool {
        guard peek() == token else { return false }
        index += 1
        return true
    }

    mutating func parseExpression() -> SchemaRule.Expression? {
        parseParts(joinedBy: "OR", SchemaRule.Expression.or) { $0.parseParts(joinedBy: "AND", SchemaRule.Expression.and) { $0.parseNot() } }
    }

    /// Parts joined by a keyword (OR, AND): one part is itself.
    private mutating func parseParts(joinedBy keyword: String, _ join: ([SchemaRule.Expression]) -> SchemaRule.Expression,
                                     _ parsePart: (inout Parser) -> SchemaRule.Expression?) -> SchemaRule.Expression? {
        var parts: [SchemaRule.Expression] = []
        repeat {
            guard let part = parsePart(&self) else { return nil }
            parts.append(part)
        } while take(.word(keyword))
        return parts.count == 1 ? parts[0] : join(parts)
    }

    private mutating func parseNot() -> SchemaRule.Expression? {
        if take(.word("NOT")) { return parseNot().map { .not($0) } }
        return parseComparison()
    }

    private mutating func parseComparison() -> SchemaRule.Expression? {
        guard let left = parseOperand() else { return nil }
        if take(.word("IS")) {
            let negated = take(.word("NOT"))
            return take(.word("NULL")) ? .isNull(left, negated: negated) : nil
        }
        let negated = take(.word("NOT"))
        if take(.word("BETWEEN")) {
            guard let low = parseOperand(), take(.word("AND")), let high = parseOperand() else { return nil }
            return .between(left, low, high, negated: negated)
        }
        if take(.word("GLOB")) { return parseOperand().map { .glob(left, $0, negated: negated) } }
        if take(.word("IN")) {
            guard take(.symbol("(")), let list = parseList() else { return nil }
            return .inList(left, list, negated: negated)
        }
        if negated { return nil }
        for symbol in ["=", "==", "<>", "!=", "<", "<=", ">", ">="] where take(.symbol(symbol)) {
            guard let right = parseOperand() else { return nil }
            let normal = ["==": "=", "!=": "<>"][symbol] ?? symbol
            return .comparison(left, normal, right)
        }
        return left
    }

    /// Items up to a closing parenthesis, separated by commas (the opening one taken already).
    private mutating func parseList() -> [SchemaRule.Expression]? {
        var items: [SchemaRule.Expression] = []
        if take(.symbol(")")) { return items }
        repeat {
            guard let item = parseExpression() else { return nil }
            items.append(item)
        } while take(.symbol(","))
        return take(.symbol(")")) ? items : nil
    }

    private mutating func parseOperand() -> SchemaRule.Expression? {
        switch next() {
        case .symbol("("):
            guard let inner = parseExpression(), take(.symbol(")")) else { return nil }
            return inner
        case .symbol("-"):
            guard case .integer(let value)? = next() else { return nil }
            return .integer(-value)
        case .integer(let value): return .integer(value)
        case .text(let value): return .text(value)
        case .word("NULL"): return .null
        case .name(let name): return .column(name)
        case .word(let word) where !Token.keywords.contains(word):
            guard take(.symbol("(")) else { return .column(word) }
            return parseList().map { .call(word.lowercased(), $0) }
        default: return nil
        }
    }
}

extension SchemaRule.Expression {
    /// `c` when this is `function(c)`: a function of one column.
    func argument(of function: String) -> String? {
        guard case .call(function, let arguments) = self, arguments.count == 1, case .column(let column) = arguments[0] else { return nil }
        return column
    }
}
