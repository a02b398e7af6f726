// `archive serve` by keyboard in a real browser (Tests/Browser/keyboard.py), at 1280 and 390 pixels wide: the first
// Tab of the home page reaches the skip link (nothing is autofocused); the facets of a search are reached right
// after the search form (the 11th stop: skip link, brand, five menu items, box, scope, button), not after every
// result; balletcore's Sources after its 24 relations and one citation marker, not one "source" link per relation
// (57 stops before); an error page's menu marks nothing as current. Skipped, saying so, where chromium or
// Playwright is missing.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct KeyboardBrowserTests {
    @Test(.enabled(if: Browser.isAvailable, "needs Debian's chromium and Playwright from PyPI in .build/browser-venv (.ci/run installs both); one of them is missing"))
    func theSkipLinkIsTheFirstStopAndFacetsAndSourcesComeSoon() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url)
        let script = Datasette.packageRoot.appendingPathComponent("Tests/Browser/keyboard.py").path
        let walk = try run([script, server.url, Browser.chromium ?? ""], in: folder.url, executable: URL(fileURLWithPath: Browser.python))
        try #require(walk.status == 0, "the browser walk failed: \(walk.stderr.suffix(2_000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
        for width in [1280, 390] {
            #expect(seen["home_focus_\(width)"] is NSNull, "\(width): the home page focuses \(seen["home_focus_\(width)"] ?? "")")
            let first = seen["home_first_tab_\(width)"] as? [String: Any]
            #expect(first?["cls"] as? String == "skip" && first?["text"] as? String == "Skip to content", "\(width): the first Tab reaches \(first ?? [:])")
            let facets = try #require(seen["facets_tab_\(width)"] as? Int, "\(width): Tab never reaches the facets")
            #expect(facets <= 11, "\(width): the facets are Tab stop \(facets)")
            let sources = try #require(seen["sources_tab_\(width)"] as? Int, "\(width): Tab never reaches the sources")
            #expect(sources <= 24 + 12, "\(width): balletcore's Sources are Tab stop \(sources)")
        }
        #expect(seen["error_current"] as? [String] == [])
        #expect((seen["console_errors"] as? [String]) == [], "the browser reported errors (a CSP violation?)")
    }
}
