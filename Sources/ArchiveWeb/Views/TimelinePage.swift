// /timeline: the archive's dated facts in order (the `timeline` of the CLI and the export view), by year, or the
// facts around one record; between two years, a page at a time.
import ArchiveCore
import Hummingbird

extension TimelineRequest {
    /// A timeline as its address asks for it: `around`, `table`, `from`, `to`, `limit` (500 by default), `offset`.
    init(address request: Request) throws {
        let parameters = Parameters(request)
        try self.init(around: try parameters.text("around", limit: 200), in: try parameters.choice("table", among: Tables.records.map(\.name)),
                      from: try parameters.integer("from", in: Years.range), to: try parameters.integer("to", in: Years.range),
                      limit: try parameters.integer("limit", in: 1...TimelineRequest.maximumLimit) ?? 500,
                      offset: try parameters.integer("offset", in: 0...TimelineRequest.maximumOffset) ?? 0)
    }

    /// The address of this timeline.
    var path: String {
        var query: [(String, String)] = []
        if let around { query.append(("around", around)) }
        if let table { query.append(("table", table)) }
        if let from { query.append(("from", String(from))) }
        if let to { query.append(("to", String(to))) }
        if let limit, limit != 500 { query.append(("limit", String(limit))) }
        if offset > 0 { query.append(("offset", String(offset))) }
        return "/timeline" + (query.isEmpty ? "" : "?" + query.map { "\($0)=\(Query.encode($1))" }.joined(separator: "&"))
    }
}

enum TimelinePage {
    /// What a page of the timeline shows: its facts, the window of years it opened on, the index to others.
    struct Content {
        let timeline: TimelineRequest
        let events: [TimelineEvent]
        let index: TimelineIndex?
        let decades: [TimelineIndex.Period]
        let sourceTitles: [String: String]
    }

    static func render(_ content: Content) -> String {
        let timeline = content.timeline, events = content.events
        // The facts grouped by their earliest year, in order; the long spans that began before the window after.
        var years: [(year: Int?, before: Bool, events: [TimelineEvent])] = []
        for event in events {
            let before = timeline.from.map { (event.earliest ?? Int.max) < $0 } ?? false
            if let last = years.last, last.year == event.earliest, last.before == before { years[years.count - 1].events.append(event) } else { years.append((event.earliest, before, [event])) }
        }
        return Layout.page(title: "Timeline" + (window(timeline).map { ", \($0)" } ?? ""), section: .timeline) {
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
            if let index = content.index, !index.centuries.isEmpty { periods(index.centuries, label: "Centuries", timeline) }
            if !content.decades.isEmpty { periods(content.decades, label: "Decades", timeline) }
            Node.element("form", [.class("search"), Attribute("action", "/timeline"), Attribute("method", "get")]) {
                if let around = timeline.around { Node.element("input", [Attribute("type", "hidden"), Attribute("name", "around"), Attribute("value", around)]) }
                yearField("from", "From year", timeline.from)
                yearField("to", "To year", timeline.to)
                Node.element("button", [Attribute("type", "submit")]) { "Show" }
            }
            if let window = window(timeline) { Node.element("h2", [.class("window")]) { window } }
            if events.isEmpty { Node.element("p") { "No dated facts here." } }
            for group in years {
                Node.element("h3") { group.before ? "Began earlier" : year(group.year) }
                Node.element("ol", [.class("timeline")]) {
                    for event in group.events { fact(event, sources: content.sourceTitles) }
                }
            }
            pager(timeline, shown: events.count)
        }
    }

    /// "1900–1999", "from 1980", "to 1500 BC", or nil for the whole timeline.
    private static func window(_ timeline: TimelineRequest) -> String? {
        switch (timeline.from, timeline.to) {
        case let (from?, to?): "\(year(from))–\(year(to))"
        case let (from?, nil): "from \(year(from))"
        case let (nil, to?): "to \(year(to))"
        case (nil, nil): nil
        }
    }

    private static func year(_ year: Int?) -> String { year.map { $0 < 0 ? "\(-$0) BC" : String($0) } ?? "Undated" }

    /// Links to each century (or decade) with its count of facts, the current one marked.
    private static func periods(_ periods: [TimelineIndex.Period], label: String, _ timeline: TimelineRequest) -> Node {
        .element("nav", [.class("periods"), Attribute("aria-label", label)]) {
            Node.element("h2", [.class("periods-label")]) { label }
            Node.element("ul") {
                for period in periods {
                    let current = timeline.from == period.start && timeline.to == period.end
                    Node.element("li") {
                        Node.link(timeline.with(from: period.start, to: period.end).path, [Attribute("aria-current", current ? "page" : nil)],
                                  period.length == 100 ? century(period.start) : "\(year(period.start))s")
                        " "
                        Node.span("count", period.facts.formatted)
                    }
                }
            }
        }
    }

    /// "1900s", "1–99", "500–401 BC": how a century's index entry reads.
    private static func century(_ start: Int) -> String {
        start > 0 ? "\(start)s" : start == 0 ? "1–99" : "\(-start)–\(-(start + 99)) BC"
    }

    private static func pager(_ timeline: TimelineRequest, shown: Int) -> Node {
        let limit = timeline.limit ?? 500
        let previous = timeline.offset > 0 ? timeline.with(from: timeline.from, to: timeline.to, offset: max(0, timeline.offset - limit)).path : nil
        let next = shown == limit ? timeline.with(from: timeline.from, to: timeline.to, offset: timeline.offset + limit).path : nil
        return .element("nav", [.class("pager"), Attribute("aria-label", "Pages")]) {
            if let previous { Node.link(previous, [Attribute("rel", "prev")], "Previous") }
            if timeline.offset > 0 || next != nil { Node.span("muted", "facts \((timeline.offset + 1).formatted)–\((timeline.offset + shown).formatted)") }
            if let next { Node.link(next, [Attribute("rel", "next")], "Next") }
        }
    }

    private static func yearField(_ name: String, _ label: String, _ value: Int?) -> Node {
        .element("div", [.class("field")]) {
            Node.element("label", [Attribute("for", name)]) { label }
            Node.element("input", [.id(name), Attribute("name", name), Attribute("inputmode", "numeric"), Attribute("value", value.map(String.init) ?? "")])
        }
    }

    /// What a fact says, in words of its kind: "held by", "derived from", "creative director at".
    static func phrase(_ event: TimelineEvent) -> String {
        switch (event.kind, event.event) {
        case ("objects", "made"): "made; held by"
        case ("trends", "trend"): "a trend"
        case (_, "derived_from"): "derived from"
        case (_, "revival_of"): "a revival of"
        case ("designers", let role) where event.otherKind == "designers": Names.field(role) + " at"
        default: Names.field(event.event)
        }
    }

    private static func fact(_ event: TimelineEvent, sources: [String: String]) -> Node {
        .element("li") {
            Node.span("year", event.when ?? "")
            Node.link(Names.recordPath(event.kind, event.slug), event.name)
            " "
            Node.span("muted", phrase(event))
            if let other = event.other {
                " "
                Node.link(Names.recordPath(event.otherKind ?? "", other), event.otherName ?? other)
            }
            if let source = event.source {
                " "
                Node.element("cite", [.class("source")]) { Node.link(Names.recordPath("sources", source), sources[source] ?? source) }
            }
        }
    }
}
