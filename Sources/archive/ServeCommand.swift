// `archive serve`: handed on to the `archive-serve` executable beside this one (as git hands `git foo` to
// git-foo), so that the CLI does not link the web server. Its options are archive-serve's own.
import ArchiveCore
import ArgumentParser
import Glibc

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive in a web browser: search, records, timeline, downloads, JSON API (`archive serve --help`).",
        discussion: "Options: --host (default 127.0.0.1), --port (default 8080; 0 picks a free one), --connections, --time-limit, --cache.")

    @OptionGroup var options: ArchiveOptions

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Options of the server: --host, --port, --connections, --time-limit, --cache.", valueName: "options"))
    var serverOptions: [String] = []

    func run() throws {
        let server = Self.ownFolder() + "/archive-serve"
        guard access(server, X_OK) == 0 else {
            throw ArchiveError(.notFound, "archive serve needs archive-serve beside archive (\(server)): `swift build` builds both")
        }
        let arguments = [server, "--db", options.path] + serverOptions
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(server, &pointers)
        throw ArchiveError(.cannotRead, "cannot start \(server): \(String(cString: strerror(errno)))")
    }

    /// The folder of this executable, wherever it was called from (argv[0] may be a bare name found on PATH).
    private static func ownFolder() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = count > 0 ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
