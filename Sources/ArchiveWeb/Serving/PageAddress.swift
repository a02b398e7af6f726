// The address of the page being answered, as the public sees it (--base-url, then the request's path and query):
// every page's canonical link and Open Graph og:url say it. Bound once per request by the router, so that no
// page's render has to be handed it, and never taken from the Host header a client sent.
import Hummingbird

struct PageAddress: Sendable {
    /// The site's public address without a trailing slash; nil when the server was given none.
    let base: String?
    /// The path and query asked for.
    let path: String

    /// The address in full when the site has a public one, else the path alone (which a browser resolves).
    var url: String { (base ?? "") + path }
    var isAbsolute: Bool { base != nil }

    @TaskLocal static var current: PageAddress?

    /// The address of `path` on this site.
    static func url(of path: String) -> String { (current?.base ?? "") + path }

    /// Binds `current` around each request the router answers.
    struct Binding<Context: RequestContext>: RouterMiddleware {
        let base: String?

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            // The query as the page reads it (a form's + is a space), written the one way Query writes links.
            let pairs = Parameters.decode(request.uri.query ?? "").map { "\(Query.encode($0.0))=\(Query.encode($0.1))" }
            let query = pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
            return try await PageAddress.$current.withValue(PageAddress(base: base, path: request.uri.path + query)) {
                try await next(request, context)
            }
        }
    }
}
