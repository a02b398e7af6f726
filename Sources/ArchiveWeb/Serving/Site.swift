// Every response: security headers (a Content-Security-Policy that allows the archive's own stylesheet and
// nothing else, nosniff, no framing, no referrer to other sites), and errors turned into pages or JSON:
// unknown paths a 404 page, bad parameters a 400, time limits a 503. Nothing internal is ever shown.
// Methods as HTTP clients expect them of a read-only site: HEAD is the GET without its body (link checkers,
// `curl -I`), OPTIONS says what is allowed, and anything else is a 405 naming the methods allowed.
import HTTPTypes
import Hummingbird

/// The site: the router's routes, wrapped in what every request goes through. Outside the router, because the
/// router picks a route by method and path: a HEAD must be turned into its GET before that.
public struct Site: HTTPResponderBuilder {
    let router: Router<ArchiveRequestContext>

    public func buildResponder() -> SiteResponder<RouterResponder<ArchiveRequestContext>> {
        SiteResponder(routes: router.buildResponder())
    }
}

public struct SiteResponder<Routes: HTTPResponder>: HTTPResponder where Routes.Context == ArchiveRequestContext {
    let routes: Routes

    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    static var allowed: String { "GET, HEAD, OPTIONS" }

    public func respond(to request: Request, context: ArchiveRequestContext) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        var response: Response
        do {
            switch request.method {
            case .get: response = try await routes.respond(to: request, context: context)
            case .head: response = try await routes.respond(to: Self.get(request), context: context)
            case .options: response = Response(status: .noContent, headers: [.allow: Self.allowed])
            default: throw Reply.Failure(status: .methodNotAllowed, message: "the archive is read-only: only GET and HEAD are answered")
            }
        } catch {
            response = Reply.failure(error, api: api, asked: ErrorPage.Asked(request))
        }
        if request.method == .head { response = Self.withoutBody(response) }
        if response.status == .methodNotAllowed { response.headers[.allow] = Self.allowed }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }

    /// The GET a HEAD asks about.
    private static func get(_ request: Request) -> Request {
        var head = request.head
        head.method = .get
        return Request(head: head, body: request.body)
    }

    /// The response with its headers (the length a GET would send, when known) and no body: a streamed
    /// download is not started at all.
    private static func withoutBody(_ response: Response) -> Response {
        var bare = Response(status: response.status, headers: response.headers, body: .init())
        if response.headers[.contentLength] == nil { bare.headers[.contentLength] = nil }
        return bare
    }
}

/// Inside the router, which answers Hummingbird's own errors itself (as empty responses): an address no route
/// matches becomes the archive's 404, which the site renders as a page or JSON.
struct UnknownAddress<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            throw Reply.Failure.notFound("there is no page at this address")
        }
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
