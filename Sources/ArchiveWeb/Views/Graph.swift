// The records around one, drawn by the server as SVG: the record in the middle, its relations on a circle,
// each a link to its page. Readable and followable with no JavaScript; every label is a text node.
import ArchiveCore
import Glibc

enum Graph {
    static let limit = 16

    static func figure(_ record: RecordDetails, title: String) -> Node {
        let links = Array(record.links.prefix(limit))
        let width = 720.0, height = 460.0, cx = width / 2, cy = height / 2, radius = 165.0
        let placed = links.enumerated().map { index, link in
            let angle = Double(index) / Double(links.count) * 2 * Double.pi - Double.pi / 2
            return (link, cx + radius * cos(angle), cy + radius * sin(angle))
        }
        return .element("figure", [.class("graph")]) {
            Node.element("svg", [Attribute("viewBox", "0 0 \(f(width)) \(f(height))"), Attribute("xmlns", "http://www.w3.org/2000/svg"),
                                 Attribute("aria-label", "\(title) and the records related to it")]) {
                for (_, x, y) in placed {
                    Node.element("line", [.class("edge"), Attribute("x1", f(cx)), Attribute("y1", f(cy)), Attribute("x2", f(x)), Attribute("y2", f(y))])
                }
                Node.element("circle", [.class("node centre"), Attribute("cx", f(cx)), Attribute("cy", f(cy)), Attribute("r", "14")])
                Node.element("text", [Attribute("x", f(cx)), Attribute("y", f(cy + 34)), Attribute("text-anchor", "middle"), Attribute("font-weight", "600")]) { short(title) }
                for (link, x, y) in placed { node(link, x: x, y: y, cx: cx, cy: cy) }
                if record.links.count > limit {
                    Node.element("text", [Attribute("x", f(cx)), Attribute("y", f(height - 8)), Attribute("text-anchor", "middle"), Attribute("opacity", "0.7")]) {
                        "and \(record.links.count - limit) more, listed above"
                    }
                }
            }
            Node.element("figcaption", [.class("muted")]) { "Each circle is a related record; follow it to its page." }
        }
    }

    private static func node(_ link: RecordDetails.Link, x: Double, y: Double, cx: Double, cy: Double) -> Node {
        let anchor = abs(x - cx) < 40 ? "middle" : (x > cx ? "start" : "end")
        let labelX = x + (anchor == "start" ? 12 : anchor == "end" ? -12 : 0)
        // Above a node the name and its role both sit above the circle; below, both beneath it.
        let labelY = y + (anchor == "middle" ? (y > cy ? 24 : -30) : 4)
        let role = link.role.map(Names.field) ?? Names.singular(link.table)
        return .element("a", [.href(Names.recordPath(link.table, link.slug))]) {
            Node.element("title") { "\(link.name) (\(role))" }
            Node.element("circle", [.class("node"), Attribute("cx", f(x)), Attribute("cy", f(y)), Attribute("r", "8")])
            Node.element("text", [Attribute("x", f(labelX)), Attribute("y", f(labelY)), Attribute("text-anchor", anchor)]) {
                short(link.name)
                Node.element("tspan", [Attribute("x", f(labelX)), Attribute("dy", "15"), Attribute("opacity", "0.7")]) { role }
            }
        }
    }

    private static func short(_ text: String) -> String { text.count > 28 ? String(text.prefix(27)) + "…" : text }

    private static func f(_ value: Double) -> String { String(Int(value.rounded())) }
}
