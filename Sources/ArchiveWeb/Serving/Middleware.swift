// Every response: security headers (a Content-Security-Policy that allows the archive's own stylesheet and
// nothing else, nosniff, no framing, no referrer to other sites), and errors turned into pages or JSON:
// unknown paths a 404 page, bad parameters a 400, time limits a 503. Nothing internal is ever shown.
import HTTPTypes
import Hummingbird

struct ArchiveMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = Reply.failure(Reply.Failure.notFound("there is no page at this address"), api: api)
        } catch let error as HTTPError where error.status == .methodNotAllowed {
            response = Reply.failure(Reply.Failure(status: .methodNotAllowed, message: "the archive is read-only: only GET is answered"), api: api)
        } catch {
            response = Reply.failure(error, api: api)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
