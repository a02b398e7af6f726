// /api/…: the pages' content as JSON, and any list, search or record as CSV, JSON or NDJSON through the one
// writer `archive export` uses (RFC 4180, formula guard, the same columns), streamed.
import ArchiveCore
import Hummingbird

struct APIRoutes: Sendable {
    let services: Services

    func register(on router: Router<ArchiveRequestContext>) {
        let pool = services.pool, cache = services.cache, services = self.services
        router.get("/api/stats") { request, _ in
            try await cache.reply(to: request, as: .json) { try await Blocking.run { try pool.read { try ArchiveStats(archive: $0).json } } }
        }
        router.get("/api/search") { request, context in
            let format = try APIRoutes.format(request)
            let search = try SearchAddress(request, maximumLimit: format == nil ? SearchAddress.pageLimit : SearchRequest.maximumLimit)
            guard let checked = search.request else { throw Reply.Failure.badRequest("q is required: the words to search for") }
            if let format {
                // Every hit (or the first `limit`) of one kind, with that kind's own columns (Searcher.download).
                guard checked.scopes.count == 1, let scope = checked.scopes.first else {
                    throw Reply.Failure.badRequest("a download holds one kind of record, with that kind's own columns: add "
                        + checked.scopes.map { "in=\($0.rawValue)" }.joined(separator: ", ") + " (the search page links each kind's)")
                }
                let limit = try Parameters(request).integer("limit", in: 1...SearchRequest.maximumLimit)
                return try await services.download(format, name: search.downloadName(scope), request, context) { archive, output in
                    var searcher = Searcher(archive: archive)
                    searcher.timeLimit = nil // the download's own limit (ServerLimits.downloadTimeLimit) bounds it
                    _ = try searcher.download(checked.query, in: scope, filters: checked.filters, limit: limit, to: output, format: format)
                }
            }
            return try await cache.reply(to: request, as: .json) {
                APIRoutes.json(search, try await Blocking.run { try Reads.search(checked, pool: pool) })
            }
        }
        router.get("/api/records/:table/:slug") { request, context in
            let table = try context.parameters.require("table"), slug = try context.parameters.require("slug")
            // SLUG.jsonld: the record as JSON-LD, as its page's head carries it (a slug holds no dot).
            if slug.hasSuffix(RecordLinkedData.suffix) {
                let record = String(slug.dropLast(RecordLinkedData.suffix.count)), baseURL = services.baseURL
                return try await cache.reply(to: request, as: .linkedData) {
                    RecordLinkedData.document(try await Blocking.run { try Reads.recordContent(table, record, page: false, pool: pool) }, baseURL: baseURL).json
                }
            }
            guard let format = try APIRoutes.format(request), let description = Tables.named(table) else {
                return try await cache.reply(to: request, as: .json) { try await Blocking.run { try Reads.record(table, slug, pool: pool) }.json }
            }
            // The record's row as its table is exported; none is a 404.
            try Reads.check(table, slug)
            let row = try await Blocking.run { try pool.read { try TablePage.record(description, slug: slug, archive: $0) } }
            guard !row.rows.isEmpty else { throw Reply.Failure.notFound("no \(Names.singular(table)) has the slug “\(slug)”") }
            return services.rows(format, name: "\(table)-\(slug)", RowTable(page: row), request, context)
        }
        router.get("/api/lists/:table") { request, context in
            let name = try context.parameters.require("table")
            guard let table = Tables.named(name) else { throw Reply.Failure.notFound("there is no table “\(name)”") }
            if let format = try APIRoutes.format(request) {
                let query = ExportQuery.table(table)
                return try await services.download(format, name: name, request, context) { archive, output in
                    _ = try Exporter(archive: archive).export(query, to: output, format: format)
                }
            }
            let browse = try TableRequest(table: name, request)
            return try await cache.reply(to: request, as: .json) {
                APIRoutes.json(browse, try await Blocking.run { try Reads.browse(browse, pool: pool) })
            }
        }
        router.get("/api/timeline") { request, context in
            let timeline = try TimelineRequest(address: request)
            let events = try await Blocking.run { try Reads.timeline(timeline, pool: pool) }
            return services.rows(try APIRoutes.format(request) ?? .json, name: "timeline", RowTable(events: events), request, context)
        }
    }

    static func format(_ request: Request) throws -> RowFormat? {
        try Parameters(request).choice("format", among: RowFormat.allCases.map(\.rawValue)).flatMap(RowFormat.init(rawValue:))
    }

    static let contentTypes: [RowFormat: String] = [.csv: "text/csv; charset=utf-8", .json: "application/json; charset=utf-8",
                                                     .ndjson: "application/x-ndjson; charset=utf-8"]

    static func download(_ format: RowFormat, name: String, _ body: ResponseBody) -> Response {
        var headers: HTTPFields = [.contentType: contentTypes[format] ?? "application/octet-stream"]
        if format == .csv { headers[.contentDisposition] = "attachment; filename=\"\(name).csv\"" }
        return Response(status: .ok, headers: headers, body: body)
    }


    static func json(_ search: SearchAddress, _ result: SearchResult?) -> String {
        let quoted = JSONText.quoted
        let hits = (result?.hits ?? []).map { hit in
            let segments = hit.segments.map { "{\"text\":\(quoted($0.text)),\"match\":\($0.isMatch)}" }.joined(separator: ",")
            let snippet = hit.segments.map { $0.isMatch ? "[\($0.text)]" : $0.text }.joined()
            return "{\"kind\":\(quoted(hit.kind)),\"slug\":\(quoted(hit.slug)),\"title\":\(quoted(hit.title)),\"season\":\(hit.season.map(quoted) ?? "null"),"
                + "\"year\":\(hit.year.map(String.init) ?? "null"),\"date\":\(hit.date.map(quoted) ?? "null"),"
                + "\"details\":{\(hit.details.map { "\(quoted($0.name)):\(quoted($0.value))" }.joined(separator: ","))},"
                + "\"score\":\(JSONText.number(hit.score)),\"snippet\":\(quoted(snippet)),"
                + "\"segments\":[\(segments)],\"url\":\(quoted(Names.recordPath(Names.table(ofKind: hit.kind), hit.slug)))}"
        }.joined(separator: ",")
        let total = result?.total ?? 0
        return "{\"query\":\(quoted(search.text ?? "")),\"scope\":\(quoted(search.scope)),\"total\":\(min(total, SearchRequest.countCap)),"
            + "\"total_is_capped\":\(total > SearchRequest.countCap),\"page\":\(search.page),\"limit\":\(search.limit),\"hits\":[\(hits)],\(FacetPanel.json(search, result?.facets))}"
    }

    static func json(_ browse: TableRequest, _ page: TablePage) -> String {
        let quoted = JSONText.quoted
        let rows = page.rows.map { row in
            "{" + zip(page.columns, row).map { "\(quoted($0)):\($1.map(quoted) ?? "null")" }.joined(separator: ",") + "}"
        }.joined(separator: ",")
        let next = page.next.map(quoted) ?? "null", previous = page.previous.map(quoted) ?? "null"
        return "{\"table\":\(quoted(browse.table.name)),\"columns\":[\(page.columns.map(quoted).joined(separator: ","))],\"total\":\(page.total),"
            + "\"rows\":[\(rows)],\"next_after\":\(next),\"previous_before\":\(previous)}"
    }
}

extension Services {
    /// How a download to this request's client is streamed.
    func streaming(_ request: Request, _ context: ArchiveRequestContext) -> Streaming {
        Streaming(channel: context.channel, stall: limits.idleTimeout, label: request.uri.description, log: log)
    }

    /// A download read on a connection of the downloads' own, taken before the answer begins (all busy: a 503),
    /// so that a client that reads slowly never holds a page's; `write` writes it as it reads.
    func download(_ format: RowFormat, name: String, _ request: Request, _ context: ArchiveRequestContext,
                  _ write: @escaping @Sendable (Archive, BufferedOutput) throws -> Void) async throws -> Response {
        let downloads = self.downloads, wait = limits.downloadWait
        let lease = try await Blocking.run { try downloads.lease(waiting: wait) }
        return APIRoutes.download(format, name: name, streaming(request, context).body { output in
            defer { lease.release() }
            try lease.read { archive in try write(archive, output) }
        })
    }

    /// Rows already read (a bounded number), written by the shared writer.
    func rows(_ format: RowFormat, name: String, _ table: RowTable, _ request: Request, _ context: ArchiveRequestContext) -> Response {
        APIRoutes.download(format, name: name, streaming(request, context).body { output in try table.write(to: output, format: format) })
    }
}
