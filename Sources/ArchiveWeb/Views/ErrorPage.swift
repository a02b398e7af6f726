// The page for a request that cannot be answered: what went wrong in words, and a way on.
import Hummingbird

enum ErrorPage {
    static func render(status: HTTPResponse.Status, message: String) -> String {
        let heading = switch status.code {
        case 400: "That request cannot be answered"
        case 404: "Not found"
        case 405: "Not allowed"
        case 503: "Too busy to answer"
        default: "Something went wrong"
        }
        return Layout.page(title: heading, section: .home) {
            Node.element("h1") { heading }
            Node.element("p", [.class("lede")]) { "\(message)." }
            Components.searchForm(query: "")
            Node.element("p") {
                Node.link("/", "Home")
                " · "
                Node.link("/browse", "Browse")
            }
        }
    }
}
