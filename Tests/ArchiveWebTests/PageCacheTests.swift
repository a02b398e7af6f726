// Kept pages: asked again they are not made again, a change committed by another connection makes them
// again, and what they take stays within the budget.
import ArchiveCore
@testable import ArchiveWeb
import Foundation
import Hummingbird
import Testing

@Suite struct PageCacheTests {
    /// Counts how often a page was made.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    @Test func aKeptPageIsNotMadeAgainUntilAnotherConnectionCommitsAChange() async throws {
        let web = try WebFixture()
        let cache = PageCache(pool: web.server.pool, megabytes: 1)
        let made = Counter()
        let make: () async throws -> String = { made.add(); return "page \(made.value)" }
        _ = try await cache.reply(key: "/a", as: .html, make)
        _ = try await cache.reply(key: "/a", as: .html, make)
        #expect(made.value == 1)
        _ = try await cache.reply(key: "/b", as: .json, make)
        #expect(made.value == 2)
        // An import through a connection of its own, as `archive import` in another process would commit.
        try "slug,name\nnew-house,New House\n".write(toFile: web.folder.path("d.csv"), atomically: true, encoding: .utf8)
        let archive = try Archive(path: web.path, access: .write)
        _ = try Importer(archive: archive).run(try ImportFile.files(at: web.folder.path("d.csv"), table: "designers"))
        archive.close()
        _ = try await cache.reply(key: "/a", as: .html, make)
        #expect(made.value == 3)
        _ = try await cache.reply(key: "/a", as: .html, make)
        #expect(made.value == 3)
    }

    @Test func anErrorIsNotKeptAndNoCacheMakesEveryPage() async throws {
        let web = try WebFixture()
        let cache = PageCache(pool: web.server.pool, megabytes: 1)
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await cache.reply(key: "/a", as: .html) { throw Refused() } }
        #expect(cache.keptBytes == 0)
        let none = PageCache(pool: web.server.pool, megabytes: 0)
        let made = Counter()
        for _ in 0..<3 { _ = try await none.reply(key: "/a", as: .html) { made.add(); return "page" } }
        #expect(made.value == 3)
        #expect(none.keptBytes == 0)
    }

    @Test func whatIsKeptStaysWithinTheBudgetAndAHugePageIsNotKept() async throws {
        let web = try WebFixture()
        let cache = PageCache(pool: web.server.pool, megabytes: 1)
        let page = String(repeating: "é", count: 5_000) // 10,000 bytes
        for index in 0..<1_000 {
            _ = try await cache.reply(key: "/page/\(index)", as: .html) { page }
            #expect(cache.keptBytes <= 1 << 20)
        }
        #expect(cache.keptBytes > 1 << 19) // still full enough to be of use
        // The newest pages are still there, the first ones long gone.
        let made = Counter()
        _ = try await cache.reply(key: "/page/999", as: .html) { made.add(); return page }
        #expect(made.value == 0)
        _ = try await cache.reply(key: "/page/0", as: .html) { made.add(); return page }
        #expect(made.value == 1)
        // A page over an eighth of the budget is answered but not kept.
        let before = cache.keptBytes
        let huge = String(repeating: "x", count: 200_000)
        let response = try await cache.reply(key: "/huge", as: .html) { made.add(); return huge }
        #expect(response.body.contentLength == huge.utf8.count)
        #expect(cache.keptBytes == before)
    }
}
