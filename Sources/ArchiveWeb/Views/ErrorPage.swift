// The page for a request that cannot be answered: what went wrong in words, and a way on.
import ArchiveCore
import Hummingbird

enum ErrorPage {
    /// What the page takes from the request that failed: a search's words and scope, to put back in the box
    /// (a 400 must not make the user type them again), and the names of its parameters.
    struct Asked: Sendable {
        var query = ""
        var scope = "all"
        var parameters: Set<String> = []

        init() {}

        init(_ request: Request) {
            let parameters = Parameters(request)
            self.parameters = Set(parameters.names)
            guard request.uri.path == "/search" else { return }
            // Read leniently: the parameter that made the 400 may be one of these (cut as the box's maxlength would).
            query = (try? parameters.text("q", limit: .max)).map { String($0.prefix(SearchQuery.maximumRawLength)) } ?? ""
            scope = (try? parameters.choice("in", among: ["all"] + SearchPage.scopeNames)) ?? "all"
        }
    }

    static func render(status: HTTPResponse.Status, message: String, asked: Asked = Asked()) -> String {
        let heading = switch status.code {
        case 400: "That request cannot be answered"
        case 404: "Not found"
        case 405: "Not allowed"
        case 503: "Too busy to answer"
        default: "Something went wrong"
        }
        // No section: the menu marks no item as the current page (this is none of them).
        return Layout.page(title: heading, section: .none) {
            Node.element("h1") { heading }
            Node.element("p", [.class("lede")], sentence(message, parameters: asked.parameters))
            Components.searchForm(query: asked.query, scope: asked.scope)
            Node.element("p") {
                Node.link("/", "Home")
                " · "
                Node.link("/browse", "Browse")
            }
        }
    }

    /// The message as a sentence: capitalized and ending in a full stop. A first word that names one of the
    /// request's parameters ("in must be one of …") keeps its spelling, as code after "The parameter", since
    /// `In` is not its name.
    static func sentence(_ message: String, parameters: Set<String>) -> [Node] {
        let end = message.hasSuffix(".") ? "" : "."
        let first = message.prefix { $0 != " " }
        if !first.isEmpty, parameters.contains(String(first)) {
            return [.text("The parameter "), .element("code") { String(first) }, .text(String(message.dropFirst(first.count)) + end)]
        }
        return [.text(message.prefix(1).uppercased() + message.dropFirst() + end)]
    }
}
