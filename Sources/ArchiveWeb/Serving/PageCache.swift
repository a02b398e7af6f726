// Finished pages and API answers, kept while the archive stays as it was. A common word's search costs tens of
// milliseconds to rank and count; asked again (the next reader, the back button, a link shared in a class),
// it is answered from here in microseconds. Every answer is kept under the pool's generation read before it
// was made, and found only by a request that reads the same generation: a change committed meanwhile by any
// process (an `archive import`) makes every kept answer a miss, never a stale page.
import ArchiveCore
import Hummingbird
import Synchronization

final class PageCache: Sendable {
    private let pool: ReadPool
    /// Bytes the kept answers may take, at most; 0 keeps none.
    let budget: Int
    private let state = Mutex(State())

    private struct Entry: Sendable {
        let generation: Int
        let body: ByteBuffer
    }

    /// Two halves, used as a cheap LRU: answers go into `recent`; when it holds half the budget it becomes
    /// `older` (the previous `older` is dropped), and an answer found in `older` moves back into `recent`.
    private struct State {
        var recent: [String: Entry] = [:]
        var older: [String: Entry] = [:]
        var recentBytes = 0, olderBytes = 0

        /// Adds an answer no larger than half the budget; each half then holds at most half the budget.
        mutating func add(_ entry: Entry, as key: String, halfBudget: Int) {
            if let replaced = recent.removeValue(forKey: key) {
                recentBytes -= replaced.body.readableBytes + key.utf8.count
            }
            let size = entry.body.readableBytes + key.utf8.count
            if recentBytes + size > halfBudget {
                (older, olderBytes) = (recent, recentBytes)
                recent = [:]
                recentBytes = 0
            }
            recent[key] = entry
            recentBytes += size
        }
    }

    init(pool: ReadPool, megabytes: Int) {
        self.pool = pool
        budget = max(0, megabytes) << 20
    }

    /// The page (or JSON) for `request`: kept, or made by `make` and kept. `make` runs its own reads; errors
    /// it throws are not kept.
    func reply(to request: Request, as kind: Reply.Kind, key extra: String = "", _ make: () async throws -> String) async throws -> Response {
        try await reply(key: "\(extra)\u{0}\(request.uri.description)", as: kind, make)
    }

    func reply(key: String, as kind: Reply.Kind, _ make: () async throws -> String) async throws -> Response {
        guard budget > 0 else { return kind.response(try await make()) }
        let pool = self.pool
        let generation = try await Blocking.run { try pool.generation() }
        if let body = find(key, generation: generation) { return kind.response(body) }
        let body = kind.body(try await make())
        keep(Entry(generation: generation, body: body), as: key)
        return kind.response(body)
    }

    private func find(_ key: String, generation: Int) -> ByteBuffer? {
        state.withLock { state in
            if let entry = state.recent[key] { return entry.generation == generation ? entry.body : nil }
            guard let entry = state.older.removeValue(forKey: key) else { return nil }
            state.olderBytes -= entry.body.readableBytes + key.utf8.count
            guard entry.generation == generation else { return nil }
            state.add(entry, as: key, halfBudget: budget / 2)
            return entry.body
        }
    }

    /// What the kept answers take (bodies and keys).
    var keptBytes: Int { state.withLock { $0.recentBytes + $0.olderBytes } }

    private func keep(_ entry: Entry, as key: String) {
        // One answer may take an eighth of the budget: a few huge pages must not push out all the others.
        guard entry.body.readableBytes + key.utf8.count <= budget / 8 else { return }
        state.withLock { $0.add(entry, as: key, halfBudget: budget / 2) }
    }
}
