// `archive export --datasette` against real Datasette from PyPI: the metadata makes ?_search= work on the
// archive's standalone full-text indexes. Datasette lives in a virtual environment under .build, made by .ci/run
// (Tests/python-venv datasette), or else by the first run of this test, once: the test is skipped, saying so,
// where it could not be installed. The server listens on 127.0.0.1 only and is stopped when the test ends.
import ArchiveTestSupport
import Foundation
import Testing

/// The virtual environments under .build that Tests/python-venv makes.
enum PythonEnvironment {
    /// True when the environment `name` imports its packages. Tests/python-venv --once checks that (without pip)
    /// and installs only into an environment that does not exist yet: pip runs at most once per machine.
    static func isReady(_ name: String) -> Bool {
        let script = Datasette.packageRoot.appendingPathComponent("Tests/python-venv").path
        let result = try? run([script, "--once", name], in: Datasette.packageRoot, executable: URL(fileURLWithPath: "/bin/bash"))
        return result?.status == 0
    }
}

enum Datasette {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let environment = packageRoot.appendingPathComponent(".build/datasette-venv")
    static var python: String { environment.appendingPathComponent("bin/python").path }

    /// True once Datasette runs from the virtual environment.
    static let isAvailable: Bool = PythonEnvironment.isReady("datasette")
}

@Suite struct DatasetteTests {
    @Test(.enabled(if: Datasette.isAvailable, "needs Datasette from PyPI in .build/datasette-venv, which could not be installed (tried once; `Tests/python-venv datasette` tries again)"))
    func datasetteSearchesTheArchiveWithItsMetadata() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let written = try run(["export", "--datasette", "metadata.json"], in: folder.url)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr == "Datasette metadata written to metadata.json: datasette archive.sqlite -m metadata.json\n")

        let port = try run(["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
                           in: folder.url, executable: URL(fileURLWithPath: Datasette.python)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = ChildProcess()
        server.executableURL = Datasette.environment.appendingPathComponent("bin/datasette")
        server.arguments = ["serve", "archive.sqlite", "-m", "metadata.json", "-h", "127.0.0.1", "-p", port]
        server.currentDirectoryURL = folder.url
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: nothing the server does needs to end well here.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        // A client in the same environment: waits (at most 15 s) for the server, then asks its questions.
        let client = """
            import json, sys, time, urllib.request
            base = "http://127.0.0.1:" + sys.argv[1]
            for _ in range(150):
                try:
                    urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                    break
                except Exception:
                    time.sleep(0.1)
            def slugs(path):
                return [row["slug"] for row in json.load(urllib.request.urlopen(base + path, timeout=10))]
            print(json.dumps({
                "tulle": slugs("/archive/collections.json?_search=tulle&_shape=array"),
                "rider": slugs("/archive/collections.json?_search=rider&_shape=array"),
                "gainsbourg": slugs("/archive/shoes.json?_search=gainsbourg&_shape=array&_sort=slug"),
                "metadata": json.load(urllib.request.urlopen(base + "/-/metadata.json", timeout=10))["databases"]["archive"]["tables"]["collections"],
            }))
            """
        let asked = try run(["-c", client, port], in: folder.url, executable: URL(fileURLWithPath: Datasette.python))
        try #require(asked.status == 0, "\(asked.stderr)")
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(asked.stdout.utf8)) as? [String: Any])
        #expect(answers["tulle"] as? [String] == ["simone-rocha-romantic-tulle"])
        // The index holds related names: Michael Rider, Celine's creative director, finds its collection.
        #expect(answers["rider"] as? [String] == ["celine-ss-2026"])
        #expect(answers["gainsbourg"] as? [String] == ["jacquemus-repetto-zizi-derby", "repetto-zizi"])
        let collections = answers["metadata"] as? [String: Any]
        #expect(collections?["fts_table"] as? String == "collections_fts")
        #expect((collections?["columns"] as? [String: String])?["season"]?.contains("SS | AW") == true)
    }

    @Test func theMetadataIsJSONAndNeverOverwritesTheArchive() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        #expect(try run(["export", "--datasette", "archive.sqlite"], in: folder.url).status == 73)
        #expect(try run(["export", "designers", "--datasette", "m.json"], in: folder.url).status == 64)
        #expect(try run(["export", "--datasette", "m.json", "--db", "archive.sqlite"], in: folder.url).status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("m.json")))) as? [String: Any]
        let tables = ((object?["databases"] as? [String: Any])?["archive"] as? [String: Any])?["tables"] as? [String: Any]
        let names = Set((tables ?? [:]).keys)
        #expect(names.isSuperset(of: ["collections", "shoes", "designers", "icons", "sources", "collection_designers"]))
        #expect((tables?["icons_fts"] as? [String: Any])?["hidden"] as? Bool == true)
    }
}
