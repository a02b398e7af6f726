// `archive serve`: the archive in a web browser. The routes, over a pool of read-only connections for pages and
// a few of its own for downloads: the server never writes the archive, and no client holds up the others.
public import ArchiveCore
public import Hummingbird
import HummingbirdCore
import Glibc
import NIOCore

public struct ArchiveServer: Sendable {
    public let pool: ReadPool
    let services: Services

    /// `timeLimit`: seconds a page's reads may take (a search: at most 0.8 s) before the answer is a 503.
    /// `cacheMegabytes`: how much finished pages may take, kept until the archive changes (0: none).
    /// `baseURL`: the site's public address, for permalinks and canonical links; without it they are relative.
    public init(archivePath: String, connections: Int = 8, timeLimit: Double = 2, cacheMegabytes: Int = 32,
                limits: ServerLimits = ServerLimits(), baseURL: String? = nil, log: ServerLog = .standardError) throws {
        pool = try ReadPool(path: archivePath, connections: connections, timeLimit: timeLimit)
        let downloads = try ReadPool(path: archivePath, connections: max(1, limits.downloads), timeLimit: limits.downloadTimeLimit)
        services = Services(pool: pool, downloads: downloads, cache: PageCache(pool: pool, megabytes: cacheMegabytes), limits: limits,
                            baseURL: baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }, log: log)
    }

    /// The router with every page and API route, for `serve` and for tests (HummingbirdTesting).
    public func router() -> Site {
        let router = Router(context: ArchiveRequestContext.self)
        router.add(middleware: UnknownAddress())
        router.add(middleware: PageAddress.Binding(base: services.baseURL))
        PageRoutes(services).register(on: router)
        return Site(router: router)
    }

    /// Serves on `host`:`port` until SIGINT or SIGTERM, then ends the open requests and returns. `ready` gets the
    /// URL once the socket is listening. An address that cannot be listened on is a CannotListen, in words.
    public func run(host: String, port: Int, ready: @escaping @Sendable (String) -> Void) async throws {
        let limits = services.limits
        // Descriptors the server needs besides its clients: the archive's connections (file, WAL, shm each).
        let cap = limits.connectionCap(reserved: 3 * (pool.connections + services.downloads.connections + 2))
        let idle = TimeAmount.nanoseconds(Int64(limits.idleTimeout * 1e9))
        let app = Application(
            router: router(),
            server: HTTPServerBuilder { responder in HTTP1Connection(responder: responder, idleTimeout: idle) },
            configuration: .init(address: .hostname(host, port: port), serverName: "archive",
                                 availableConnectionsDelegate: MaximumAvailableConnections(cap)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                ready("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")
            })
        // Stopped (or never started): every request has ended, and the connections close now.
        defer {
            pool.close()
            services.downloads.close()
        }
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EACCES || error.errnoCode == EADDRNOTAVAIL {
            throw CannotListen(message: "cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode)).lowercased())")
        }
    }
}

/// What the routes share: the page pool, the download pool, the page cache, the limits, the public address.
struct Services: Sendable {
    let pool: ReadPool
    let downloads: ReadPool
    let cache: PageCache
    let limits: ServerLimits
    let baseURL: String?
    let log: ServerLog
}

/// The address asked for is taken, not allowed or not this machine's.
public struct CannotListen: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
