// Record pages' JSON-LD read as RDF by rdflib from PyPI (Tests/LinkedData/parse.py), as a linked-data reader would:
// each page's script parses, its subject is the record's permalink under --base-url with its schema.org type, the
// records it names are IRIs, sameAs holds its authority ids, and /api/records/…/SLUG.jsonld gives the same graph.
// The archive is MetSampleArchive's. rdflib lives in a virtual environment under .build that .ci/run makes
// (Tests/python-venv linkeddata), or else the first run of this test, once; skipped, saying so, where it could not
// be installed.
import ArchiveTestSupport
import Foundation
import Testing

enum LinkedDataEnvironment {
    static let python = Datasette.packageRoot.appendingPathComponent(".build/linkeddata-venv/bin/python")
    static let isAvailable: Bool = PythonEnvironment.isReady("linkeddata")
}

@Suite struct LinkedDataTests {
    static let base = "https://archive.example.org"

    @Test(.enabled(if: LinkedDataEnvironment.isAvailable, "needs rdflib from PyPI in .build/linkeddata-venv, which could not be installed (tried once; `Tests/python-venv linkeddata` tries again)"))
    func rdflibReadsEachKindOfRecordPageWithItsTypeIdsAndSameAs() throws {
        let folder = try MetSampleArchive.make(markup: "</script><!--<script>", description: "\u{2028}</SCRIPT>")
        let root = Datasette.packageRoot
        let server = try RunningServer(in: folder.url, ["--base-url", Self.base + "/"])
        let paths = ["/records/objects/met-156202", "/records/designers/met-christian-dior", "/records/designers/celine", "/records/tags/women",
                     "/records/institutions/met", "/records/shoes/repetto-zizi", "/records/collections/celine-ss-2026", "/records/trends/balletcore",
                     "/records/icons/kate-moss", "/records/designers/markup"]
        let parsed = try run([root.appendingPathComponent("Tests/LinkedData/parse.py").path, server.url] + paths,
                             in: folder.url, executable: LinkedDataEnvironment.python)
        try #require(parsed.status == 0, "rdflib could not read the pages: \(parsed.stderr.suffix(2_000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: [String: Any]])
        let schema = "http://schema.org/"
        let types = ["/records/objects/met-156202": ["ArchiveComponent", "VisualArtwork"], "/records/designers/met-christian-dior": ["Person"],
                     "/records/designers/celine": ["Organization"], "/records/tags/women": ["DefinedTerm"],
                     "/records/institutions/met": ["ArchiveOrganization"], "/records/shoes/repetto-zizi": ["ProductModel"],
                     "/records/collections/celine-ss-2026": ["CreativeWork"], "/records/trends/balletcore": ["DefinedTerm"],
                     "/records/icons/kate-moss": ["Person"], "/records/designers/markup": ["Thing"]]
        for path in paths {
            let page = try #require(seen[path], "\(path)")
            #expect(page["subject"] as? String == Self.base + path)
            #expect(page["types"] as? [String] == types[path]?.map { schema + $0 }, "\(path)")
            #expect(page["api_is_the_page"] as? Bool == true, "\(path): the API's JSON-LD is another graph")
            #expect(page["api_content_type"] as? String == "application/ld+json; charset=utf-8")
        }
        let property = { (path: String, name: String) in (seen[path]?["properties"] as? [String: [String]])?[name] ?? [] }
        let object = "/records/objects/met-156202"
        #expect(property(object, "creator") == ["met-charles-frederick-worth", "met-house-of-worth", "met-lord-taylor"].map { "\(Self.base)/records/designers/\($0)" })
        #expect(property(object, "holdingArchive") == ["\(Self.base)/records/institutions/met"])
        #expect(property(object, "keywords") == ["dresses", "flowers", "women"].map { "\(Self.base)/records/tags/\($0)" })
        #expect(property(object, "sameAs") == ["https://www.metmuseum.org/art/collection/search/156202"])
        #expect(property("/records/designers/met-christian-dior", "sameAs") == ["http://vocab.getty.edu/ulan/500031872", "http://www.wikidata.org/entity/Q3041937"])
        #expect(property("/records/tags/women", "sameAs") == ["http://vocab.getty.edu/aat/300025943", "http://www.wikidata.org/entity/Q467"])
        #expect(property("/records/designers/markup", "name") == ["</script><!--<script>"])
        #expect(property("/records/designers/markup", "description") == ["\u{2028}</SCRIPT>"])
    }
}
