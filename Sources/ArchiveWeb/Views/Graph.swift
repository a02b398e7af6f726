// The records around one, drawn by the server as SVG: the record at the top, its relations branching from it in
// groups by kind and role, each a link to its page. Readable and followable with no JavaScript; every label is a
// text node. A tree rather than a circle: its labels run to the right of one column, so the drawing is narrow
// enough for a 320 px phone at full size (labels stay 14 px, never scaled down to 6 px), and it is exactly as
// tall and as wide as what it shows.
import ArchiveCore

enum Graph {
    /// Nodes drawn at most; shared out between the groups in turn, so that no kind is left out for another's many.
    static let limit = 24
    /// Characters on a label's line before it wraps, and lines before it is shortened (the full name is its title).
    static let lineLength = 30, maxLines = 3
    /// Text sizes in px, and the width of a character for laying out: generous (0.58 em), so that labels fit
    /// whatever sans-serif face the reader has (DejaVu Sans, wide, takes 0.55).
    static let fontSize = 14.0, groupFontSize = 13.0, em = 0.58

    static func figure(_ record: RecordDetails, title: String) -> Node {
        let groups = shared(grouped(record.links))
        var parts: [Node] = [], edges: [Node] = [], width = 0.0
        func text(_ lines: [String], x: Double, y: Double, size: Double = fontSize, bold: Bool = false, attributes: [Attribute] = []) -> Node {
            for line in lines { width = max(width, x + Double(line.count) * size * em * (bold ? 1.08 : 1) + 4) }
            return .element("text", [Attribute("x", f(x)), Attribute("y", f(y))] + attributes) {
                for (index, line) in lines.enumerated() {
                    if index == 0 { line } else { Node.element("tspan", [Attribute("x", f(x)), Attribute("dy", "18")]) { line } }
                }
            }
        }
        // The record: a node at the top left with its name beside it.
        let rootLines = wrap(title)
        parts.append(.element("circle", [.class("node centre"), Attribute("cx", "11"), Attribute("cy", "12"), Attribute("r", "9")]))
        parts.append(text(rootLines, x: 28, y: 17, bold: true, attributes: [.class("root")]))
        var y = 12 + 18 * Double(rootLines.count)
        var last = 12.0
        for group in groups {
            parts.append(text([group.heading], x: 24, y: y + 14, size: groupFontSize, attributes: [.class("group")]))
            y += 22
            for link in group.links {
                let lines = wrap(link.name), cy = y + 9
                // From the trunk under the record, a branch to each node.
                edges.append(.element("path", [.class("edge"), Attribute("d", "M11 \(f(cy - 10))Q11 \(f(cy)) 21 \(f(cy))H30")]))
                parts.append(.element("a", [.href(Names.recordPath(link.table, link.slug))]) {
                    Node.element("title") { "\(link.name) (\(group.heading))" }
                    Node.element("circle", [.class("node"), Attribute("cx", "36"), Attribute("cy", f(cy)), Attribute("r", "6")])
                    text(lines, x: 48, y: y + 14)
                })
                last = cy
                y += 18 * Double(lines.count) + 6
            }
            if group.more > 0 {
                parts.append(text(["and \(group.more) more, listed above"], x: 48, y: y + 14, attributes: [.class("more")]))
                y += 24
            }
        }
        let height = y + 4
        return .element("figure", [.class("graph")]) {
            Node.element("svg", [Attribute("viewBox", "0 0 \(f(width)) \(f(height))"), Attribute("width", f(width)), Attribute("height", f(height)),
                                 Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("aria-label", "\(title) and the records related to it")]) {
                Node.element("path", [.class("edge"), Attribute("d", "M11 21V\(f(last - 10))")])
                edges
                parts
            }
            Node.element("figcaption", [.class("muted")]) { "Each circle is a related record; follow it to its page." }
        }
    }

    struct Group {
        let heading: String
        var links: [RecordDetails.Link]
        var more = 0
    }

    /// The links by kind and role, in the order they come, headed by kind and role ("Trends · revival of").
    static func grouped(_ links: [RecordDetails.Link]) -> [Group] {
        var groups: [Group] = []
        for link in links {
            let heading = Names.title(link.table) + (link.role.map { " · \(Names.field($0))" } ?? "")
            if let index = groups.firstIndex(where: { $0.heading == heading }) { groups[index].links.append(link) } else { groups.append(Group(heading: heading, links: [link])) }
        }
        return groups
    }

    /// At most `limit` links in all, one from each group in turn; each group says how many of its own are left out.
    static func shared(_ groups: [Group]) -> [Group] {
        var taken = Array(repeating: 0, count: groups.count), left = limit, round = 0
        while left > 0, taken.enumerated().contains(where: { $0.element < groups[$0.offset].links.count }) {
            for index in groups.indices where left > 0 && taken[index] < groups[index].links.count && taken[index] == round {
                taken[index] += 1
                left -= 1
            }
            round += 1
        }
        return groups.indices.map { index in
            Group(heading: groups[index].heading, links: Array(groups[index].links.prefix(taken[index])), more: groups[index].links.count - taken[index])
        }
    }

    /// A name in lines of at most `lineLength` characters, broken between words where it can be; past `maxLines`
    /// the last line ends in an ellipsis.
    static func wrap(_ name: String) -> [String] {
        var lines: [String] = [], line = ""
        for word in name.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty, line.count + 1 + word.count > lineLength { lines.append(line); line = "" }
            while word.count > lineLength {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(lineLength)))
                word = word.dropFirst(lineLength)
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        guard lines.count > maxLines else { return lines }
        return Array(lines.prefix(maxLines - 1)) + [String(lines[maxLines - 1].prefix(lineLength - 1)) + "…"]
    }

    private static func f(_ value: Double) -> String { String(Int(value.rounded())) }
}
