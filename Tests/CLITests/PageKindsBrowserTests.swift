// Every kind of page in a real browser (Tests/Browser/pages.py) on the seeds and the Met sample: axe-core finds no
// serious or critical violation at 1280x900 and 390x844 in light and dark; no page is wider than a 320 px viewport;
// the record drawing's labels are 11 px or more on a phone and inside the drawing, and print leaves it out with its
// heading; a browse table on a phone shows the columns that identify a row and its whole caption; the facets come
// before the results. Skipped, saying so, where chromium or Playwright is missing.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct PageKindsBrowserTests {
    static let paths = [
        "/", "/search?q=dress", "/search?q=zizi", "/search?q=zzzqx", "/records/objects/met-156202", "/records/institutions/met",
        "/records/designers/met-christian-dior", "/records/designers/celine", "/records/collections/celine-ss-2026",
        "/records/shoes/repetto-zizi", "/records/icons/kate-moss", "/records/trends/balletcore", "/records/tags/women",
        "/records/sources/balletcore-derby-article-2025", "/browse", "/browse/objects", "/browse/object_makers", "/timeline",
        "/api", "/nowhere", "/search?q=derby&page=0",
    ]

    @Test(.enabled(if: Browser.isAvailable, "needs Debian's chromium and Playwright from PyPI in .build/browser-venv (.ci/run installs both); one of them is missing"))
    func everyPageKindPassesAxeAtBothWidthsInBothSchemesAndFitsAPhone() throws {
        let folder = try MetSampleArchive.make(markup: "<b>markup</b>")
        let server = try RunningServer(in: folder.url)
        // Each path is a page of its kind, not an error page standing in for it.
        for path in Self.paths {
            let status = try run(["python3", "-c", "import sys, urllib.request, urllib.error\ntry: print(urllib.request.urlopen(sys.argv[1]).status)\nexcept urllib.error.HTTPError as e: print(e.code)",
                                  server.url + path.dropFirst()], in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/env"))
            let expected = path == "/nowhere" ? "404" : path.hasSuffix("page=0") ? "400" : "200"
            #expect(status.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == expected, "\(path): \(status.stdout)\(status.stderr)")
        }
        let script = Datasette.packageRoot.appendingPathComponent("Tests/Browser/pages.py").path
        let walk = try run([script, server.url, folder.path(""), Browser.chromium ?? ""] + Self.paths, in: folder.url,
                           executable: URL(fileURLWithPath: Browser.python))
        try #require(walk.status == 0, "the browser walk failed: \(walk.stderr.suffix(2_000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])

        let axe = try #require(seen["axe"] as? [String: [String]])
        #expect(axe.count == Self.paths.count * 4)
        for (view, violations) in axe.sorted(by: { $0.key < $1.key }) {
            #expect(violations == [], "\(view): axe-core found \(violations)")
        }
        #expect((seen["overflow"] as? [String: Any])?.isEmpty == true, "wider than 320 px: \(seen["overflow"] ?? "")")
        #expect((seen["console_errors"] as? [String]) == [], "the browser reported errors (a CSP violation?)")

        // The drawing: 14 px labels on a wide screen and at 390, no less than 11 px at 320, none past its edge.
        let graph = try #require(seen["graph"] as? [String: [String: Any]])
        for width in ["1280", "390", "320"] {
            let smallest = graph[width]?["smallest"] as? Double ?? 0
            #expect(smallest >= (width == "320" ? 11 : 13), "labels of \(smallest) px at \(width)")
            #expect(graph[width]?["outside"] as? [String] == [], "labels past the drawing's edge at \(width): \(graph[width]?["outside"] ?? "")")
            #expect(graph[width]?["labels"] as? Int ?? 0 > 24)
        }
        #expect(graph["1280"]?["width"] as? Double == graph["390"]?["width"] as? Double, "sized to what it shows, not to the page")
        #expect(seen["print_heading_shown"] as? Bool == false && seen["print_graph_shown"] as? Bool == false)

        // Objects on a 320 px phone: the columns that tell them apart, within the page; the caption whole.
        let table = try #require(seen["table"] as? [String: Any])
        #expect(table["headings"] as? [String] == ["institution", "accession number", "title", "date text"])
        #expect((table["table_right"] as? Double ?? 999) <= 320 && (table["caption_right"] as? Double ?? 999) <= 320)
        #expect(table["caption_clipped"] as? Bool == false)
        // Each row a card: the title first, the other columns labelled.
        let row = (table["first_row"] as? [[String: String]] ?? []).map { ($0["before"] ?? "", $0["text"] ?? "") }
        #expect(row.count >= 3 && row.first?.0 == "none" && row.dropFirst().allSatisfy { $0.0.hasSuffix(": \"") }, "\(row)")
        #expect((table["caption"] as? String)?.contains(". 4 of ") == true, "\(table["caption"] ?? "")")
        // Facets on a phone: a closed panel above the hits, not after the last of them.
        #expect((seen["facets_top"] as? Double ?? 999) < (seen["first_hit_top"] as? Double ?? 0))
        #expect(folder.exists("graph-390.png") && folder.exists("browse-320.png"))
    }
}
