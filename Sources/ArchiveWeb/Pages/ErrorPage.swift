// The page for a request that cannot be answered: what went wrong in words, and a way on.
import Hummingbird

enum ErrorPage {
    static func render(status: HTTPResponse.Status, message: String) -> String {
        let heading = switch status.code {
        case 400: "That request cannot be answered"
        case 404: "Not found"
        case 503: "Too busy to answer"
        default: "Something went wrong"
        }
        let body = "<h1>\(heading)</h1><p class=\"lede\">\(HTML.escape(message)).</p>"
            + Layout.searchForm(query: "") + "<p><a href=\"/\">Home</a> · <a href=\"/browse\">Browse</a></p>"
        return Layout.page(title: heading, section: .home, body: body)
    }
}
