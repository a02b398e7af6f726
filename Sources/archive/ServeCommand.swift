// `archive serve`: the archive in a web browser, read-only, on loopback by default.
import ArchiveCore
import ArchiveWeb
import ArgumentParser
import Glibc

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive in a web browser: search, records with their relations, timeline, downloads, JSON API.",
        discussion: """
            Read-only: the server never writes the archive, and an import running meanwhile is seen before or after, \
            never half done. Binds to 127.0.0.1 (this machine only) unless --host says otherwise; says its URL on \
            stderr; Ctrl-C or SIGTERM end it after the requests under way. The API is described at /api/openapi.json.
            """)

    @OptionGroup var options: ArchiveOptions

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port = 8080

    @Option(help: "Read-only connections to the archive, the most requests read at once (1 to 64).")
    var connections = 8

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...64).contains(connections) else { throw ValidationError("--connections must be between 1 and 64") }
        guard !host.isEmpty, host.count <= 255 else { throw ValidationError("--host needs an address") }
    }

    func run() async throws {
        guard Archive.fileExists(options.path) else {
            throw ArchiveError(.notFound, "no archive at \(options.path): create one with `archive import seeds`, or give --db")
        }
        let server = try ArchiveServer(archivePath: options.path, connections: connections)
        // The process's own handlers (for exports' temporary files) would end it at once: the server's graceful
        // shutdown takes SIGINT and SIGTERM instead.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        try await server.run(host: host, port: port) { url in
            Console.note("serving \(options.path) at \(url) (read-only; Ctrl-C to stop)")
        }
        Console.note("stopped")
    }
}
