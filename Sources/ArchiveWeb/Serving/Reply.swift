// Responses as the archive's pages and API give them: HTML or JSON, UTF-8, and the error replies (400 for a
// bad parameter, 404, 503 at a time limit) as a page or as {"error": …}. No stack trace or SQL reaches them.
import ArchiveCore
import Hummingbird

enum Reply {
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response { Kind.html.response(page, status: status) }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response { Kind.json.response(text, status: status) }

    enum Kind {
        /// `linkedData`: JSON-LD (application/ld+json), a record as schema.org describes it.
        case html, json, linkedData

        /// The bytes of a reply's text (JSON ends with a newline, as the CLI's does).
        func body(_ text: String) -> ByteBuffer {
            switch self {
            case .html: ByteBuffer(string: text)
            case .json, .linkedData: ByteBuffer(string: text + "\n")
            }
        }

        func response(_ text: String, status: HTTPResponse.Status = .ok) -> Response { response(body(text), status: status) }

        func response(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
            let type = switch self {
            case .html: "text/html; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            case .linkedData: "application/ld+json; charset=utf-8"
            }
            return Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: body))
        }
    }

    /// A problem the request itself has, or one met answering it.
    struct Failure: Error {
        let status: HTTPResponse.Status
        let message: String

        static func badRequest(_ message: String) -> Failure { Failure(status: .badRequest, message: message) }
        static func notFound(_ message: String) -> Failure { Failure(status: .notFound, message: message) }
    }

    /// The reply for an error met while answering: what a person (or program) can act on, nothing internal.
    /// `asked`: what the page keeps of the request (a search's words in the box).
    static func failure(_ error: any Error, api: Bool, asked: @autoclosure () -> ErrorPage.Asked = ErrorPage.Asked()) -> Response {
        let (status, message): (HTTPResponse.Status, String) = switch error {
        case let failure as Failure: (failure.status, failure.message)
        case let problem as RequestProblem: (.badRequest, problem.message(prefix: ""))
        case let error as SearchError where error.isUsageError: (.badRequest, error.description)
        case let error as SearchError:
            if case .timeLimit = error { (.serviceUnavailable, "the search took too long and was stopped; narrow it (fewer prefixes, a filter) and try again") }
            else { (.badRequest, error.description) }
        case let error as ArchiveError where error.kind == .timeLimit: (.serviceUnavailable, "the request took too long and was stopped; try again")
        case let error as ArchiveError where error.kind == .notFound: (.notFound, "not found")
        case let error as ArchiveError where error.kind == .busy: (.serviceUnavailable, "the archive is busy; try again")
        // The library's own words about the request (a slug two tables hold, say): no SQL in them.
        case let error as ArchiveError where error.kind == .invalidInput: (.badRequest, error.message)
        default: (.internalServerError, "the archive could not answer this request")
        }
        if api { return json("{\"error\":\(JSONText.quoted(message)),\"status\":\(status.code)}", status: status) }
        return html(ErrorPage.render(status: status, message: message, asked: asked()), status: status)
    }
}
