// Record pages in a real browser (Tests/Browser/records.py): an object, an institution, a designer and a tag of the
// Met sample, and a designer whose name is markup, at 1280, 390 and 320 pixels wide in light and dark. None scrolls
// sideways, axe-core finds nothing serious, and the JSON-LD stays data: one script element, hidden, its name the
// record's own text, nothing of it made into an element. Skipped, saying so, where chromium or Playwright is missing.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct RecordBrowserTests {
    @Test(.enabled(if: Browser.isAvailable, "needs Debian's chromium and Playwright from PyPI in .build/browser-venv (.ci/run installs both); one of them is missing"))
    func recordPagesFitEveryWidthInBothSchemesAndTheirStructuredDataStaysData() throws {
        let markup = "</script><script>document.title='pwned'</script><!--"
        let folder = try MetSampleArchive.make(markup: markup)
        let server = try RunningServer(in: folder.url)
        let paths = ["/records/objects/met-156202", "/records/institutions/met", "/records/designers/met-christian-dior", "/records/tags/women",
                     "/records/designers/markup"]
        let script = Datasette.packageRoot.appendingPathComponent("Tests/Browser/records.py").path
        let walk = try run([script, server.url, folder.path(""), Browser.chromium ?? ""] + paths, in: folder.url,
                           executable: URL(fileURLWithPath: Browser.python))
        try #require(walk.status == 0, "the browser walk failed: \(walk.stderr.suffix(2_000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
        let pages = try #require(seen["pages"] as? [String: [String: Any]])
        #expect(pages.count == paths.count * 6)
        for (view, page) in pages.sorted(by: { $0.key < $1.key }) {
            #expect(page["overflow"] as? Bool == false, "\(view) scrolls sideways")
            #expect(page["axe"] as? [String] == [], "\(view): axe-core found \(page["axe"] ?? [])")
            #expect(page["scripts"] as? Int == 1, "\(view): a record's text made a script element")
            #expect(page["script_shown"] as? Bool == false, "\(view): the JSON-LD is shown")
            #expect(page["data_names"] as? [String] == [page["heading"] as? String ?? ""], "\(view): the JSON-LD does not name the record")
        }
        #expect(pages["/records/designers/markup 1280 light"]?["heading"] as? String == markup)
        #expect((seen["console_errors"] as? [String]) == [], "the browser reported errors (a CSP violation?)")
        #expect(folder.exists("records-objects-met-156202-390-dark.png"))
    }
}
