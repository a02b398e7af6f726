// The archive's dated facts in order: collections by year and season, shoes introduced, objects by earliest
// year, icons' relations by era, trends' spans and lineage, affiliations, houses founded and closed, people
// born and died; each row citing its source. One SQL query serves `archive timeline` and the exported view
// `timeline`, so that both give the same rows. An era as written ("1970s", "2010s") is placed by its leading
// year (1970); a row with no year sorts last.

import ArchiveStorage

public struct TimelineEvent: Sendable, Equatable {
    public let earliest: Int?
    public let latest: Int?
    /// When, as the record writes it: "SS 2024", "1970s", "ca. 1880".
    public let when: String?
    public let kind: String
    public let slug: String
    public let name: String
    public let event: String
    public let otherKind: String?
    public let other: String?
    public let otherName: String?
    public let source: String?
}

public enum Timeline {
    /// The columns of every timeline row, as the view and the command write them.
    public static let columns: [ExportColumn] = [
        ExportColumn("earliest_year", "integer", "Earliest year of the fact (negative: BC)"),
        ExportColumn("latest_year", "integer", "Latest year of the fact"),
        ExportColumn("when", "text", "When, as written: SS 2024, 1970s, ca. 1880"),
        ExportColumn("kind", "text", "The table of the record the fact is about"),
        ExportColumn("slug", "slug", "Its slug"),
        ExportColumn("name", "text", "Its name or title"),
        ExportColumn("event", "text", "What happened: shown, introduced, made, wore, founded, derived_from…"),
        ExportColumn("other_kind", "text", "The table of the other record in the fact, if any"),
        ExportColumn("other", "slug", "Its slug"),
        ExportColumn("other_name", "text", "Its name or title"),
        ExportColumn("source", "slug", "The source that supports the fact"),
    ]

    /// The leading year of an era as written: '1970s' → 1970, 'early 2010s' → NULL (SQL).
    private static func eraYear(_ column: String) -> String {
        "CASE WHEN \(column) GLOB '[0-9]*' THEN CAST(\(column) AS INTEGER) END"
    }

    private static func source(_ table: String, _ column: String) -> String {
        "(SELECT slug FROM sources WHERE id = (SELECT min(source_id) FROM \(table) WHERE \(column)))"
    }

    /// The dates in a record's own columns, one fact each: houses founded and closed, people born and died.
    private static let lifeDates: String = [
        ("designers", "designer_sources", "designer_id", ["founded", "closed", "born", "died"]),
        ("icons", "icon_sources", "icon_id", ["born", "died"]),
    ].flatMap { table, sources, key, columns in
        columns.map { column in
            "SELECT r.\(column), r.\(column), r.\(column), '\(table)', r.slug, r.name, '\(column)', NULL, NULL, NULL, \(source(sources, "\(key) = r.id"))"
                + " FROM \(table) r WHERE r.\(column) IS NOT NULL"
        }
    }.joined(separator: "\n        UNION ALL\n        ")

    /// Every dated fact, unordered; `Timeline.sql` orders them.
    static let facts = """
        SELECT c.year, c.year, trim(coalesce(c.season, '') || ' ' || c.year), 'collections', c.slug, c.title, 'shown', NULL, NULL, NULL,
               \(source("collection_sources", "collection_id = c.id"))
          FROM collections c WHERE c.year IS NOT NULL
        UNION ALL
        SELECT s.year_introduced, s.year_introduced, s.year_introduced, 'shoes', s.slug, s.name, 'introduced', NULL, NULL, NULL,
               \(source("shoe_sources", "shoe_id = s.id"))
          FROM shoes s WHERE s.year_introduced IS NOT NULL
        UNION ALL
        SELECT o.earliest_year, o.latest_year, coalesce(o.date_text, o.earliest_year), 'objects', o.slug, o.title, 'made',
               'institutions', i.slug, i.name, \(source("object_sources", "object_id = o.id"))
          FROM objects o JOIN institutions i ON i.id = o.institution_id WHERE o.earliest_year IS NOT NULL OR o.latest_year IS NOT NULL
        UNION ALL
        SELECT \(eraYear("x.era")), \(eraYear("x.era")), x.era, 'icons', i.slug, i.name, x.relation, 'shoes', s.slug, s.name,
               (SELECT slug FROM sources WHERE id = x.source_id)
          FROM icon_shoes x JOIN icons i ON i.id = x.icon_id JOIN shoes s ON s.id = x.shoe_id WHERE x.era IS NOT NULL
        UNION ALL
        SELECT \(eraYear("x.era")), \(eraYear("x.era")), x.era, 'icons', i.slug, i.name, x.relation, 'designers', d.slug, d.name,
               (SELECT slug FROM sources WHERE id = x.source_id)
          FROM icon_designers x JOIN icons i ON i.id = x.icon_id JOIN designers d ON d.id = x.designer_id WHERE x.era IS NOT NULL
        UNION ALL
        SELECT t.earliest_year, t.latest_year, coalesce(t.era, t.earliest_year), 'trends', t.slug, t.name, 'trend', NULL, NULL, NULL,
               \(source("trend_sources", "trend_id = t.id"))
          FROM trends t WHERE t.earliest_year IS NOT NULL OR t.era IS NOT NULL
        UNION ALL
        SELECT t.earliest_year, t.latest_year, coalesce(t.era, t.earliest_year), 'trends', t.slug, t.name, l.relation, 'trends', a.slug, a.name,
               (SELECT slug FROM sources WHERE id = l.source_id)
          FROM trend_lineage l JOIN trends t ON t.id = l.trend_id JOIN trends a ON a.id = l.ancestor_id
        UNION ALL
        SELECT \(eraYear("x.era")), \(eraYear("x.era")), x.era, 'icons', i.slug, i.name, 'carried', 'trends', t.slug, t.name,
               (SELECT slug FROM sources WHERE id = x.source_id)
          FROM trend_icons x JOIN icons i ON i.id = x.icon_id JOIN trends t ON t.id = x.trend_id WHERE x.era IS NOT NULL
        UNION ALL
        SELECT a.start_year, coalesce(a.end_year, a.start_year), a.start_year || coalesce('–' || a.end_year, ''), 'designers', p.slug, p.name, a.role,
               'designers', h.slug, h.name, (SELECT slug FROM sources WHERE id = a.source_id)
          FROM designer_affiliations a JOIN designers p ON p.id = a.person_id JOIN designers h ON h.id = a.house_id WHERE a.start_year IS NOT NULL
        UNION ALL
        \(lifeDates)
        """

    /// The whole timeline, or the facts about the records in the JSON array bound to the first parameter
    /// (`["trends:balletcore", …]`), within the years bound to the next two (NULL for no bound), in order. Between
    /// two years, the facts that began there come first, and the long spans that began before after them (the
    /// 1980s open with the 1980s, not with an 18th-century textile's span).
    static func sql(around: Bool) -> String {
        """
        WITH facts(earliest_year, latest_year, "when", kind, slug, name, event, other_kind, other, other_name, source) AS (\(facts))
        SELECT earliest_year, latest_year, CAST("when" AS TEXT), kind, slug, name, event, other_kind, other, other_name, source FROM facts
        WHERE \(around ? "(kind || ':' || slug IN (SELECT value FROM json_each(?1)) OR other_kind || ':' || other IN (SELECT value FROM json_each(?1)))" : "?1 IS NULL")
          AND (?2 IS NULL OR coalesce(latest_year, earliest_year) >= ?2) AND (?3 IS NULL OR earliest_year <= ?3)
        ORDER BY earliest_year IS NULL, coalesce(earliest_year < ?2, 0), earliest_year, latest_year, kind, slug, event, other
        """
    }
}

extension Timeline {
    /// The timeline as an export view (`views/timeline.csv`), every fact of the archive.
    static let view = ExportQuery(name: "timeline", sql: sql(around: false).replacing("?1", with: "NULL").replacing("?2", with: "NULL").replacing("?3", with: "NULL"),
                                  columns: columns, isView: true,
                                  meaning: "Every dated fact in order, each citing its source")

    /// The records whose facts make the timeline around `record`: itself, every record linked to it, and for a
    /// trend its ancestors, however far back (a trend's story starts with theirs).
    static func neighbourhood(of record: RecordDetails, _ archive: Archive) throws -> [String] {
        var keys = ["\(record.table):\(record.slug)"] + record.links.map { "\($0.table):\($0.slug)" }
        if record.table == "trends" {
            let statement = try archive.database.prepare("""
                WITH RECURSIVE ancestors(id) AS (
                    SELECT l.ancestor_id FROM trend_lineage l JOIN trends t ON t.id = l.trend_id WHERE t.slug = ?
                    UNION SELECT l.ancestor_id FROM trend_lineage l JOIN ancestors a ON l.trend_id = a.id)
                SELECT slug FROM trends WHERE id IN ancestors
                """)
            try statement.bind([record.slug])
            while let row = try statement.next() { keys.append("trends:" + (row.string(at: 0) ?? "")) }
        }
        return Array(Set(keys)).sorted()
    }

    /// Calls `body` with each fact `request` asks for, in order, as SQLite reads it: memory does not grow with
    /// the timeline (105,000 facts of a big archive were 156 MB held at once). Returns how many.
    @discardableResult
    public static func forEachEvent(_ request: TimelineRequest, archive: Archive, _ body: (TimelineEvent) throws -> Void) throws -> Int {
        var keys: String? = nil
        if let slug = request.around {
            let found = try RecordDetails.find(slug, in: request.table, archive: archive)
            guard let record = found.first else {
                throw ArchiveError(.notFound, "no record with slug \"\(slug)\"\(request.table.map { " in \($0)" } ?? "")")
            }
            guard found.count == 1 else {
                throw ArchiveError(.invalidInput, "\"\(slug)\" is a slug in \(found.map(\.table).joined(separator: " and ")): say which, e.g. `archive timeline \(found[0].table) \(slug)`")
            }
            keys = "[" + (try neighbourhood(of: record, archive)).map(JSONText.quoted).joined(separator: ",") + "]"
        }
        // A page of a big archive's timeline (the server) stops at `limit`, in the same order.
        let page = request.limit.map { " LIMIT \(max(0, $0)) OFFSET \(max(0, request.offset))" } ?? ""
        let statement = try archive.database.prepare(sql(around: request.around != nil) + page)
        let keysValue: DatabaseValue = keys.map(DatabaseValue.text) ?? .null
        let fromValue: DatabaseValue = request.from.map { .integer(Int64($0)) } ?? .null
        let toValue: DatabaseValue = request.to.map { .integer(Int64($0)) } ?? .null
        try statement.bind([keysValue, fromValue, toValue])
        var count = 0
        while let row = try statement.next() {
            try body(TimelineEvent(
                earliest: row.int(at: 0), latest: row.int(at: 1), when: row.string(at: 2), kind: row.string(at: 3) ?? "",
                slug: row.string(at: 4) ?? "", name: row.string(at: 5) ?? "", event: row.string(at: 6) ?? "",
                otherKind: row.string(at: 7), other: row.string(at: 8), otherName: row.string(at: 9), source: row.string(at: 10)))
            count += 1
        }
        return count
    }

    /// The facts `request` asks for, held in memory: for a page of them (the server's, at most
    /// `TimelineRequest.maximumLimit`); the whole timeline streams with `forEachEvent` or `write`.
    public static func events(_ request: TimelineRequest, archive: Archive) throws -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        try forEachEvent(request, archive: archive) { events.append($0) }
        return events
    }

    /// Writes the facts `request` asks for in a machine format as they are read, the columns of the view
    /// `timeline`; returns how many.
    @discardableResult
    public static func write(_ request: TimelineRequest, archive: Archive, to output: BufferedOutput, format: RowFormat,
                             csv: RowWriter.CSVOptions = .init()) throws -> Int {
        let writer = try RowWriter(output: output, format: format, columns: columns.map(\.name), csv: csv)
        let count = try forEachEvent(request, archive: archive) { try writer.write($0.row) }
        try writer.finish()
        return count
    }
}
