// The frame every page shares: landmarks (header, nav, main, footer), a skip link, the search box, and the
// place of the page in the navigation.

enum Layout {
    enum Section: String { case home, search, browse, timeline, api }

    static func page(title: String, section: Section, body: String, query: String = "") -> String {
        let items: [(Section, String, String)] = [
            (.home, "/", "Home"), (.search, "/search", "Search"), (.browse, "/browse", "Browse"),
            (.timeline, "/timeline", "Timeline"), (.api, "/api", "API"),
        ]
        let navigation = items.map { item, path, label in
            "<li><a href=\"\(path)\"\(item == section ? " aria-current=\"page\"" : "")>\(label)</a></li>"
        }.joined()
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Fashion archive</title>
            <link rel="stylesheet" href="/assets/style.css">
            <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
            </head>
            <body>
            <a class="skip" href="#content">Skip to content</a>
            <header class="site"><div class="bar">
            <a class="brand" href="/">Fashion archive</a>
            <nav class="site" aria-label="Main"><ul>\(navigation)</ul></nav>
            </div></header>
            <main id="content">
            \(body)
            </main>
            <footer class="site"><div class="bar">
            <span>Served by <code>archive serve</code>, read-only. Every fact cites its source.</span>
            <a href="/api/openapi.json">OpenAPI</a>
            </div></footer>
            </body>
            </html>
            """
    }

    /// The search form, as on the home and search pages.
    static func searchForm(query: String, scope: String = "all", autofocus: Bool = false) -> String {
        let scopes = ["all"] + SearchPage.scopeNames
        let options = scopes.map { "<option value=\"\($0)\"\($0 == scope ? " selected" : "")>\($0 == "all" ? "Everything" : $0.capitalized)</option>" }.joined()
        return """
            <form class="search" role="search" action="/search" method="get">
            <div class="field grow"><label for="q">Search the archive</label>
            <input type="search" id="q" name="q" value="\(HTML.escape(query))" maxlength="1000" placeholder="tulle, ballet flats, Dior…"\(autofocus ? " autofocus" : "")></div>
            <div class="field"><label for="in">In</label><select id="in" name="in">\(options)</select></div>
            <button type="submit">Search</button>
            </form>
            """
    }
}
