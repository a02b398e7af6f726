// `archive serve` (the CLI hands it on to this executable, beside it): the archive in a web browser, read-only,
// on loopback by default. An executable of its own so that `archive` does not link the web server: the CLI
// stays small and starts fast, and builds that need only the CLI do not compile SwiftNIO.
import ArchiveCore
import ArchiveWeb
import ArgumentParser
import Glibc

@main
struct ArchiveServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive serve",
        abstract: "Serve the archive in a web browser: search, records with their relations, timeline, downloads, JSON API.",
        discussion: """
            Read-only: the server never writes the archive, and an import running meanwhile is seen before or after, \
            never half done. Binds to 127.0.0.1 (this machine only) unless --host says otherwise; says its URL on \
            stderr; Ctrl-C or SIGTERM end it after the requests under way. The API is described at /api/openapi.json.

            Limits: a client that sends nothing of its request, sits idle between requests or reads nothing of a \
            download for --idle-timeout seconds is disconnected; at most --max-connections are open at once (lowered \
            to fit the descriptor limit); downloads of whole tables run on --downloads connections of their own \
            (503 when all are busy for 2 s) and end after 10 minutes, cut visibly (no last chunk) and logged.

            Exit codes: 0 stopped by Ctrl-C or SIGTERM, 64 usage error, 65 not an archive, 66 no archive, \
            69 cannot listen on the address (in use, not allowed, not this machine's), 74 cannot read the archive.
            """)

    @Option(help: ArgumentHelp("The archive file (default: $\(Archive.environmentVariable), else ./\(Archive.defaultPath)).", valueName: "path"))
    var db: String?

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port = 8080

    @Option(help: "Read-only connections to the archive: the most requests reading at once (1 to 64).")
    var connections = 8

    @Option(help: "Seconds a page's reads may take before it answers 503 (a search stops at 0.8 s at most).")
    var timeLimit = 2.0

    @Option(help: ArgumentHelp("Megabytes of finished pages kept until the archive changes (0 to 4096; 0 keeps none).", valueName: "MB"))
    var cache = 32

    @Option(help: ArgumentHelp("The site's public address (https://archive.example.org) for permalinks and citations; without it they are relative.", valueName: "url"))
    var baseURL: String?

    @Option(help: "Seconds a client may send or read nothing before it is disconnected (1 to 3600).")
    var idleTimeout = 20.0

    @Option(help: "Connections open at once, at most (16 to 1000000; lowered to fit the descriptor limit).")
    var maxConnections = 4_096

    @Option(help: "Whole-table downloads reading at once, on connections of their own (1 to 64).")
    var downloads = 4

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...64).contains(connections) else { throw ValidationError("--connections must be between 1 and 64") }
        guard !host.isEmpty, host.count <= 255 else { throw ValidationError("--host needs an address") }
        guard (0...4_096).contains(cache) else { throw ValidationError("--cache must be between 0 and 4096 megabytes") }
        guard timeLimit.isFinite, (0.001...600).contains(timeLimit) else { throw ValidationError("--time-limit must be between 0.001 and 600 seconds") }
        guard idleTimeout.isFinite, (1...3_600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 3600 seconds") }
        guard (16...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be between 16 and 1000000") }
        guard (1...64).contains(downloads) else { throw ValidationError("--downloads must be between 1 and 64") }
        if let baseURL {
            let lowered = baseURL.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), baseURL.count <= 500,
                  !baseURL.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains($0) }),
                  !baseURL.contains("?"), !baseURL.contains("#") else {
                throw ValidationError("--base-url must be an http(s) address without spaces, query or fragment, such as https://archive.example.org")
            }
        }
    }

    func run() async throws {
        let path = Archive.path(given: db)
        do {
            guard Archive.fileExists(path) else {
                throw ArchiveError(.notFound, "no archive at \(path): create one with `archive import seeds`, or give --db")
            }
            var limits = ServerLimits()
            limits.idleTimeout = idleTimeout
            limits.maxConnections = maxConnections
            limits.downloads = downloads
            let server = try ArchiveServer(archivePath: path, connections: connections, timeLimit: timeLimit, cacheMegabytes: cache,
                                           limits: limits, baseURL: baseURL)
            try await server.run(host: host, port: port) { url in
                say("serving \(path) at \(url) (read-only; Ctrl-C to stop)")
            }
            say("stopped")
        } catch let error as ArchiveError {
            say("archive: " + error.message.escapingControlCharacters)
            throw ExitCode(error.kind == .notFound ? 66 : error.kind == .notAnArchive || error.kind == .incompatibleSchema ? 65 : 74)
        } catch let error as CannotListen {
            say("archive serve: " + error.message)
            throw ExitCode(69)
        }
    }

    private func say(_ line: String) {
        let text = line + "\n"
        _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    }
}
