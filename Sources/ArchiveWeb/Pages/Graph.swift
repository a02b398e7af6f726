// The records around one, drawn by the server as SVG: the record in the middle, its relations on a circle,
// each a link to its page. Readable and followable with no JavaScript; every label escaped.
import ArchiveCore
import Glibc

enum Graph {
    static let limit = 16

    static func svg(_ record: RecordDetails, title: String) -> String {
        let links = Array(record.links.prefix(limit))
        let width = 720.0, height = 460.0, cx = width / 2, cy = height / 2, radius = 165.0
        var edges = "", nodes = ""
        for (index, link) in links.enumerated() {
            let angle = Double(index) / Double(links.count) * 2 * Double.pi - Double.pi / 2
            let x = cx + radius * cos(angle), y = cy + radius * sin(angle)
            edges += "<line class=\"edge\" x1=\"\(f(cx))\" y1=\"\(f(cy))\" x2=\"\(f(x))\" y2=\"\(f(y))\"/>"
            let anchor = abs(x - cx) < 40 ? "middle" : (x > cx ? "start" : "end")
            let labelX = x + (anchor == "start" ? 12 : anchor == "end" ? -12 : 0)
            // Above a node the name and its role both sit above the circle; below, both beneath it.
            let labelY = y + (anchor == "middle" ? (y > cy ? 24 : -30) : 4)
            let role = link.role.map(Names.field) ?? Names.singular(link.table)
            nodes += "<a href=\"\(HTML.escape(Names.recordPath(link.table, link.slug)))\"><title>\(HTML.escape(link.name)) (\(HTML.escape(role)))</title>"
                + "<circle class=\"node\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"8\"/>"
                + "<text x=\"\(f(labelX))\" y=\"\(f(labelY))\" text-anchor=\"\(anchor)\">\(HTML.escape(short(link.name)))"
                + "<tspan x=\"\(f(labelX))\" dy=\"15\" opacity=\"0.7\">\(HTML.escape(role))</tspan></text></a>"
        }
        let more = record.links.count > limit ? "<text x=\"\(f(cx))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" opacity=\"0.7\">and \(record.links.count - limit) more, listed above</text>" : ""
        return """
            <figure class="graph"><svg viewBox="0 0 \(f(width)) \(f(height))" xmlns="http://www.w3.org/2000/svg" aria-label="\(HTML.escape(title)) and the records related to it">
            \(edges)<circle class="node centre" cx="\(f(cx))" cy="\(f(cy))" r="14"/>
            <text x="\(f(cx))" y="\(f(cy + 34))" text-anchor="middle" font-weight="600">\(HTML.escape(short(title)))</text>
            \(nodes)\(more)</svg><figcaption class="muted">Each circle is a related record; follow it to its page.</figcaption></figure>
            """
    }

    private static func short(_ text: String) -> String { text.count > 28 ? String(text.prefix(27)) + "…" : text }

    private static func f(_ value: Double) -> String { String(Int(value.rounded())) }
}
