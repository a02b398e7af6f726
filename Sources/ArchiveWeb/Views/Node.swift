// Pages are built of nodes, never of strings: text is escaped when its node is made, attribute values when
// they are written, and markup only ever comes from element names the code spells out. The one way to put
// markup in unescaped is `Node.raw`, named at each use, for what the archive itself wrote (a drawing); structured
// data goes into its script element through `Node.script`, escaped for that place by LinkedData.

/// A piece of a page, already in HTML.
struct Node: Sendable {
    fileprivate(set) var html: String

    private init(html: String) { self.html = html }

    static let empty = Node(html: "")

    /// Text: every & < > " ' escaped, control characters (but tab and newline) replaced.
    static func text(_ text: some StringProtocol) -> Node { Node(html: HTML.escape(text)) }

    /// Markup the archive wrote itself, put in as it is. Never for text that came from a record or a request.
    static func raw(_ trusted: String) -> Node { Node(html: trusted) }

    /// Structured data in its script element: LinkedData's JSON holds no < or &, so nothing in it can end the
    /// element or be read as markup.
    static func script(_ data: LinkedData) -> Node {
        Node(html: "<script type=\"application/ld+json\">" + data.json + "</script>")
    }

    /// `<name attributes…>children…</name>`; a void element (`input`, `meta`, `link`, `br`) has no children.
    static func element(_ name: StaticString, _ attributes: [Attribute] = [], _ children: [Node] = []) -> Node {
        var html = "<\(name)"
        for attribute in attributes where attribute.value != nil {
            html += " \(attribute.name)"
            if let value = attribute.value, !attribute.isFlag { html += "=\"\(HTML.escape(value))\"" }
        }
        html += ">"
        guard !Self.voidElements.contains("\(name)") else { return Node(html: html) }
        for child in children { html += child.html }
        return Node(html: html + "</\(name)>")
    }

    static func element(_ name: StaticString, _ attributes: [Attribute] = [], @NodeBuilder _ children: () -> [Node]) -> Node {
        element(name, attributes, children())
    }

    /// Nodes one after another, with nothing around them.
    static func group(_ nodes: [Node]) -> Node { Node(html: nodes.map(\.html).joined()) }

    static func group(@NodeBuilder _ nodes: () -> [Node]) -> Node { group(nodes()) }

    private static let voidElements: Set<String> = ["input", "meta", "link", "br", "hr", "img"]
}

/// An attribute: its name spelt by the code, its value escaped when written; a nil value leaves it out.
struct Attribute: Sendable {
    let name: StaticString
    let value: String?
    var isFlag = false

    init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }

    static func `class`(_ value: String?) -> Attribute { Attribute("class", value) }
    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func href(_ value: String) -> Attribute { Attribute("href", value) }
    /// A boolean attribute (`selected`, `open`), present when `on`.
    static func flag(_ name: StaticString, _ on: Bool) -> Attribute {
        var attribute = Attribute(name, on ? "" : nil)
        attribute.isFlag = true
        return attribute
    }
}

@resultBuilder
enum NodeBuilder {
    static func buildExpression(_ node: Node) -> [Node] { [node] }
    static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    /// A bare string in a builder is text, escaped.
    static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    static func buildEither(first: [Node]) -> [Node] { first }
    static func buildEither(second: [Node]) -> [Node] { second }
    static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

/// Shorthands for the elements pages use most.
extension Node {
    static func link(_ href: String, _ attributes: [Attribute], _ text: some StringProtocol) -> Node {
        element("a", [.href(href)] + attributes, [.text(text)])
    }

    static func link(_ href: String, _ text: some StringProtocol) -> Node { link(href, [], text) }

    /// An outbound link for a URL that may be one (http or https only), else the text alone.
    static func outbound(_ url: String?, _ text: String) -> Node {
        guard let url, let safe = HTML.linkable(url) else { return .text(text) }
        return element("a", [.href(safe), Attribute("rel", "noopener noreferrer")], [.text(text)])
    }

    static func paragraph(_ attributes: [Attribute] = [], @NodeBuilder _ children: () -> [Node]) -> Node { element("p", attributes, children()) }

    static func span(_ className: String, _ text: some StringProtocol) -> Node { element("span", [.class(className)], [.text(text)]) }
}
