// `archive serve`: the archive in a web browser. The routes, over a pool of read-only connections: the server
// never writes the archive.
public import ArchiveCore
public import Hummingbird
import Glibc

public struct ArchiveServer: Sendable {
    public let pool: ReadPool
    private let cache: PageCache

    /// `timeLimit`: seconds a page's reads may take (a search: at most 0.8 s) before the answer is a 503.
    /// `cacheMegabytes`: how much finished pages may take, kept until the archive changes (0: none).
    public init(archivePath: String, connections: Int = 8, timeLimit: Double = 2, cacheMegabytes: Int = 32) throws {
        pool = try ReadPool(path: archivePath, connections: connections, timeLimit: timeLimit)
        cache = PageCache(pool: pool, megabytes: cacheMegabytes)
    }

    /// The router with every page and API route, for `serve` and for tests (HummingbirdTesting).
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ArchiveMiddleware())
        Routes(pool: pool, cache: cache).register(on: router)
        return router
    }

    /// Serves on `host`:`port` until SIGINT or SIGTERM, then ends the open requests and returns. `ready` gets the
    /// URL once the socket is listening.
    public func run(host: String, port: Int, ready: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "archive"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                ready("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")
            })
        try await app.runService()
    }
}
