// /timeline: the archive's dated facts in order (the `timeline` of the CLI and the export view), by year, or the
// facts around one record; between two years, a page at a time.
import ArchiveCore
import Hummingbird

extension TimelineRequest {
    /// A timeline as its address asks for it: `around`, `table`, `from`, `to`, `limit` (500 by default).
    init(address request: Request) throws {
        let parameters = Parameters(request)
        try self.init(around: try parameters.text("around", limit: 200), in: try parameters.choice("table", among: Tables.records.map(\.name)),
                      from: try parameters.integer("from", in: Years.range), to: try parameters.integer("to", in: Years.range),
                      limit: try parameters.integer("limit", in: 1...TimelineRequest.maximumLimit) ?? 500)
    }
}

enum TimelinePage {
    static func render(_ timeline: TimelineRequest, _ events: [TimelineEvent]) -> String {
        // The facts grouped by their earliest year, in order.
        var years: [(year: Int?, events: [TimelineEvent])] = []
        for event in events {
            if let last = years.last, last.year == event.earliest { years[years.count - 1].events.append(event) } else { years.append((event.earliest, [event])) }
        }
        return Layout.page(title: "Timeline", section: .timeline) {
            Node.element("h1") { "Timeline" }
            if let around = timeline.around {
                Node.element("p", [.class("lede")]) {
                    "The dated facts around "
                    Node.link(Names.recordPath(timeline.table ?? events.first?.kind ?? "designers", around), around)
                    ", in order."
                }
            } else {
                Node.element("p", [.class("lede")]) {
                    "Every dated fact of the archive in order: collections shown, shoes introduced, objects made, houses founded, trends and their lineage."
                }
            }
            Node.element("form", [.class("search"), Attribute("action", "/timeline"), Attribute("method", "get")]) {
                if let around = timeline.around { Node.element("input", [Attribute("type", "hidden"), Attribute("name", "around"), Attribute("value", around)]) }
                yearField("from", "From year", timeline.from)
                yearField("to", "To year", timeline.to)
                Node.element("button", [Attribute("type", "submit")]) { "Show" }
            }
            if events.isEmpty { Node.element("p") { "No dated facts here." } }
            for (year, facts) in years {
                Node.element("h2") { year.map { $0 < 0 ? "\(-$0) BC" : String($0) } ?? "Undated" }
                Node.element("ol", [.class("timeline")]) {
                    for event in facts { fact(event) }
                }
            }
            if let limit = timeline.limit, events.count == limit {
                Node.element("p", [.class("muted")]) { "The first \(limit) facts; choose years to see others." }
            }
        }
    }

    private static func yearField(_ name: String, _ label: String, _ value: Int?) -> Node {
        .element("div", [.class("field")]) {
            Node.element("label", [Attribute("for", name)]) { label }
            Node.element("input", [.id(name), Attribute("name", name), Attribute("inputmode", "numeric"), Attribute("value", value.map(String.init) ?? "")])
        }
    }

    private static func fact(_ event: TimelineEvent) -> Node {
        .element("li") {
            Node.span("year", event.when ?? "")
            Node.link(Names.recordPath(event.kind, event.slug), event.name)
            " "
            Node.span("muted", Names.field(event.event))
            if let other = event.other {
                " "
                Node.link(Names.recordPath(event.otherKind ?? "", other), event.otherName ?? other)
            }
        }
    }
}
