// `archive serve` in a real browser: Debian's chromium, headless, driven by Playwright from PyPI through
// Tests/Browser/browse.py: two words typed into the search box, a hit followed to its record, a relation followed,
// the CSV downloaded and read, axe-core on four pages, screenshots. Playwright lives in a virtual environment
// under .build that .ci/run makes (Tests/python-venv browser), or else the first run of this test, once.
// Skipped, saying so, where chromium or Playwright is missing (.ci/run installs both).
import ArchiveTestSupport
import Foundation
import Testing

enum Browser {
    static let environment = Datasette.packageRoot.appendingPathComponent(".build/browser-venv")
    static var python: String { environment.appendingPathComponent("bin/python").path }
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// True when chromium is installed and Playwright imports from the virtual environment.
    static let isAvailable: Bool = chromium != nil && PythonEnvironment.isReady("browser")
}

@Suite struct BrowserTests {
    @Test(.enabled(if: Browser.isAvailable, "needs Debian's chromium and Playwright from PyPI in .build/browser-venv (.ci/run installs both; an install of Playwright is tried once, `Tests/python-venv browser` tries again); one of them is missing"))
    func aPersonSearchesFollowsAHitAndARelationAndDownloadsTheCSV() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let server = try RunningServer(in: folder.url)
        let script = Datasette.packageRoot.appendingPathComponent("Tests/Browser/browse.py").path
        let walk = try run([script, server.url, folder.path(""), Browser.chromium ?? ""], in: folder.url, executable: URL(fileURLWithPath: Browser.python))
        try #require(walk.status == 0, "the browser walk failed: \(walk.stderr.suffix(2_000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
        // The form sends q=ballet+flat: both words are searched (as a phrase they find only the shoe Ballet flats).
        #expect((seen["search_url"] as? String)?.contains("/search?q=ballet+flat") == true)
        #expect((seen["search_heading"] as? String)?.contains("for “ballet flat”") == true)
        #expect(seen["search_box"] as? String == "ballet flat")
        #expect((seen["hits"] as? Int ?? 0) >= 4)
        #expect((seen["marks"] as? Int ?? 0) > 0)
        #expect(seen["record_heading"] as? String == seen["hit"] as? String)
        #expect((seen["record_url"] as? String)?.contains("/records/") == true)
        #expect(seen["relation_heading"] as? String == seen["relation"] as? String)
        #expect(seen["relation_url"] as? String != seen["record_url"] as? String)
        // Every shoe the search finds, with the columns of shoes_full, in a file named after the words.
        #expect(seen["csv_name"] as? String == "search-ballet-flat-shoes.csv")
        #expect(seen["csv_header"] as? [String] == ["slug", "name", "type", "year_introduced", "makers", "designers", "collections", "icons",
                                                    "materials", "description", "sources"])
        #expect((seen["csv_rows"] as? Int ?? 0) >= 3)
        #expect((seen["search_again_url"] as? String)?.contains("designer=repetto") == true)
        #expect((seen["chip_removed_url"] as? String)?.contains("q=ballet") == true && (seen["chip_removed_url"] as? String)?.contains("designer=") == false)
        #expect(seen["phone_overflow"] as? Bool == false)
        #expect((seen["console_errors"] as? [String]) == [], "the browser reported errors (a CSP violation?)")
        let axe = seen["axe"] as? [String: [String]]
        for page in ["home", "search", "record", "timeline"] {
            #expect(axe?[page] == [], "axe-core found serious or critical violations on the \(page) page: \(axe?[page] ?? [])")
        }
        #expect(folder.exists("search.png") && folder.exists("record.png"))
    }
}

@Suite struct ServeCommandTests {
    @Test func serveSaysItsURLAnswersAndStopsGracefullyOnSIGTERM() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let before = try Data(contentsOf: folder.url.appendingPathComponent("archive.sqlite"))
        let server = try RunningServer(in: folder.url)
        #expect(server.url.hasPrefix("http://127.0.0.1:") && server.url.hasSuffix("/"))
        // Fetched by another process (Foundation on Linux reads no http URLs).
        let fetched = try run(["python3", "-c", "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())", server.url + "records/designers/celine"],
                              in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(fetched.status == 0 && fetched.stdout.contains("<h1>Celine</h1>"), "\(fetched.stderr)")
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("archive.sqlite")) == before)
    }

    @Test func serveWithoutAnArchiveOrWithABadOptionSaysSo() throws {
        let folder = try TemporaryFolder()
        let missing = try run(["serve", "--port", "0"], in: folder.url)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no archive at archive.sqlite"))
        #expect(try run(["serve", "--port", "70000"], in: folder.url).status == 64)
        let cache = try run(["serve", "--cache", "5000"], in: folder.url)
        #expect(cache.status == 64 && cache.stderr.contains("--cache must be between 0 and 4096"))
        #expect(try run(["serve", "--cache", "99999999999999999999"], in: folder.url).status == 64)
        let help = try run(["serve", "--help"], in: folder.url)
        #expect(help.status == 0 && help.stdout.contains("--port") && help.stdout.contains("--cache"))
    }
}
