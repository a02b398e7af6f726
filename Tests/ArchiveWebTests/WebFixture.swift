// An archive of the seeds in a temporary folder, served through the router (HummingbirdTesting, no socket).
import ArchiveCore
import ArchiveTestSupport
import ArchiveWeb
import Hummingbird
import HummingbirdTesting
import Testing

struct WebFixture {
    let folder: TemporaryFolder
    let path: String
    let server: ArchiveServer

    /// The seeds, then `extra` (files as name → content) imported on top, then what `more` does to the archive.
    init(extra: [(String, String)] = [], baseURL: String? = nil, more: (Archive) throws -> Void = { _ in }) throws {
        folder = try TemporaryFolder()
        path = folder.path("archive.sqlite")
        let archive = try Archive(path: path, access: .write)
        _ = try Importer(archive: archive).run(ImportFile.seeds(), options: ImportOptions(source: "seeds"))
        for (name, content) in extra {
            try content.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
            _ = try Importer(archive: archive).run(try ImportFile.files(at: folder.path(name)))
        }
        try more(archive)
        archive.close()
        server = try ArchiveServer(archivePath: path, connections: 4, baseURL: baseURL, log: .silent)
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        /// The body's bytes as sent (an image's).
        var bytes: [UInt8] = []
        var contentType: String { headers[.contentType] ?? "" }
    }

    /// GETs each path through the router.
    func get(_ paths: String...) async throws -> [Page] {
        try await get(paths)
    }

    func get(_ paths: [String], method: HTTPRequest.Method = .get, headers: HTTPFields = [:]) async throws -> [Page] {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in
            var pages: [Page] = []
            for path in paths {
                pages.append(try await client.execute(uri: path, method: method, headers: headers) { response in
                    Page(status: response.status, headers: response.headers, body: String(decoding: response.body.readableBytesView, as: UTF8.self),
                         bytes: Array(response.body.readableBytesView))
                })
            }
            return pages
        }
    }

    func page(_ path: String, method: HTTPRequest.Method = .get) async throws -> Page { try await get([path], method: method)[0] }
}
