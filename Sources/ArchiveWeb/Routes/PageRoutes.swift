// Every address the server answers, each a page and its twin under /api/. Reads run off the event loops
// (Blocking) on a borrowed connection (ReadPool), each in one snapshot with a time limit; finished pages are
// kept while the archive does not change (PageCache).
import ArchiveCore
import Glibc
import Hummingbird

struct PageRoutes: Sendable {
    let services: Services

    init(_ services: Services) { self.services = services }

    func register(on router: Router<ArchiveRequestContext>) {
        let pool = services.pool, cache = services.cache, baseURL = services.baseURL
        router.get("/") { request, _ in
            try await cache.reply(to: request, as: .html) {
                HomePage.render(try await Blocking.run { try pool.read { try ArchiveStats(archive: $0) } })
            }
        }
        router.get("/search") { request, _ in
            let search = try SearchAddress(request)
            return try await cache.reply(to: request, as: .html) {
                SearchPage.render(search, try await Blocking.run { try Reads.search(search.request, pool: pool) })
            }
        }
        router.get("/records/:table/:slug") { request, context in
            let table = try context.parameters.require("table"), slug = try context.parameters.require("slug")
            // The citation names today's date: part of what is kept. Its permalink is built from --base-url,
            // never from the Host header a client sent.
            let today = PageRoutes.today()
            // An institution's objects are paged by slug: `after` is where its page of them starts.
            let after = try Parameters(request).text("after", limit: 200)
            return try await cache.reply(to: request, as: .html, key: today) {
                RecordPage.render(try await Blocking.run { try Reads.recordContent(table, slug, after: after, pool: pool) }, baseURL: baseURL, today: today)
            }
        }
        router.get("/browse") { request, _ in
            try await cache.reply(to: request, as: .html) {
                let stats = try await Blocking.run { try pool.read { try ArchiveStats(archive: $0) } }
                return BrowsePage.renderIndex(stats.tables.map { ($0.table, $0.rows) })
            }
        }
        router.get("/browse/:table") { request, context in
            let browse = try TableRequest(table: try context.parameters.require("table"), request)
            return try await cache.reply(to: request, as: .html) {
                BrowsePage.render(browse, try await Blocking.run { try Reads.browse(browse, pool: pool) })
            }
        }
        router.get("/timeline") { request, _ in
            let timeline = try TimelineRequest(address: request)
            return try await cache.reply(to: request, as: .html) {
                TimelinePage.render(try await Blocking.run { try Reads.timelinePage(timeline, pool: pool) })
            }
        }
        router.get("/api") { _, _ in Reply.html(OpenAPI.page) }
        router.get("/api/openapi.json") { _, _ in Reply.json(OpenAPI.document) }
        AssetRoutes().register(on: router)
        ImageRoutes(services: services).register(on: router)
        IIIFRoutes(services: services).register(on: router)
        APIRoutes(services: services).register(on: router)
    }

    /// Today's date in UTC, for "accessed" in a citation.
    static func today() -> String {
        var now = time(nil), parts = tm()
        gmtime_r(&now, &parts)
        let pad = { (number: Int32) in number < 10 ? "0\(number)" : String(number) }
        return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))"
    }
}
