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
    static func load(_ timeline: TimelineRequest, pool: ReadPool) throws -> [TimelineEvent] {
        try pool.read { try Timeline.events(timeline, archive: $0) }
    }

    static func render(_ timeline: TimelineRequest, _ events: [TimelineEvent]) -> String {
        var body = "<h1>Timeline</h1>"
        body += timeline.around.map { "<p class=\"lede\">The dated facts around <a href=\"\(HTML.escape(Names.recordPath(timeline.table ?? events.first?.kind ?? "designers", $0)))\">\(HTML.escape($0))</a>, in order.</p>" }
            ?? "<p class=\"lede\">Every dated fact of the archive in order: collections shown, shoes introduced, objects made, houses founded, trends and their lineage.</p>"
        body += """
            <form class="search" action="/timeline" method="get">
            \(timeline.around.map { "<input type=\"hidden\" name=\"around\" value=\"\(HTML.escape($0))\">" } ?? "")
            <div class="field"><label for="from">From year</label><input id="from" name="from" inputmode="numeric" value="\(timeline.from.map(String.init) ?? "")"></div>
            <div class="field"><label for="to">To year</label><input id="to" name="to" inputmode="numeric" value="\(timeline.to.map(String.init) ?? "")"></div>
            <button type="submit">Show</button></form>
            """
        if events.isEmpty { body += "<p>No dated facts here.</p>" }
        var year: Int?? = .none
        var open = false
        for event in events {
            if year == nil || year! != event.earliest {
                if open { body += "</ol>" }
                year = event.earliest
                body += "<h2>\(event.earliest.map { $0 < 0 ? "\(-$0) BC" : String($0) } ?? "Undated")</h2><ol class=\"timeline\">"
                open = true
            }
            let other = event.other.map { other in
                " <a href=\"\(HTML.escape(Names.recordPath(event.otherKind ?? "", other)))\">\(HTML.escape(event.otherName ?? other))</a>"
            } ?? ""
            body += "<li><span class=\"year\">\(HTML.escape(event.when ?? ""))</span>"
                + "<a href=\"\(HTML.escape(Names.recordPath(event.kind, event.slug)))\">\(HTML.escape(event.name))</a>"
                + " <span class=\"muted\">\(HTML.escape(Names.field(event.event)))</span>\(other)</li>"
        }
        if open { body += "</ol>" }
        if let limit = timeline.limit, events.count == limit {
            body += "<p class=\"muted\">The first \(limit) facts; choose years to see others.</p>"
        }
        return Layout.page(title: "Timeline", section: .timeline, body: body)
    }
}
