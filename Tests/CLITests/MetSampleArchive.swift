// An archive of every kind of record for tests that look at record pages: the seeds, the Met sample through its
// mapping (objects of an institution, makers with ULAN and Wikidata ids, tags with AAT ids), a designer whose
// name (and description) is markup, and images on a shoe and an object.
import ArchiveTestSupport
import Foundation
import Testing

enum MetSampleArchive {
    /// A folder holding archive.sqlite, made so; `markup` is the name of the designer `markup`.
    static func make(markup: String, description: String = "") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let root = Datasette.packageRoot
        let met = try run(["import", root.appendingPathComponent("Tests/Fixtures/museum-samples/met-objects.csv").path,
                           "--mapping", root.appendingPathComponent("Mappings/examples/met.json").path], in: folder.url)
        try #require(met.status == 0, "\(met.stderr)")
        let quoted = { (text: String) in "\"" + text.replacing("\"", with: "\"\"") + "\"" }
        try "slug,name,description\nmarkup,\(quoted(markup)),\(quoted(description))\n"
            .write(to: folder.url.appendingPathComponent("designers.csv"), atomically: true, encoding: .utf8)
        let designers = try run(["import", "designers.csv"], in: folder.url)
        try #require(designers.status == 0, "\(designers.stderr)")
        // Images: a gallery on a shoe's and an object's page, a thumbnail beside their hits.
        let images = root.appendingPathComponent("Tests/Fixtures/images")
        for (record, files, rights) in [("repetto-zizi", ["phone-photo.jpg", "gradient.png", "scan.tif"], "https://creativecommons.org/licenses/by/4.0/"),
                                        ("met-156202", ["fabric.webp"], "http://rightsstatements.org/vocab/InC/1.0/")] {
            let added = try run(["media", "add", record] + files.map { images.appendingPathComponent($0).path }
                                + ["--caption", "\(record) — “photographed”", "--credit", "Photo: Ève Studio", "--rights", rights, "--primary"], in: folder.url)
            try #require(added.status == 0, "\(added.stderr)")
        }
        return folder
    }
}
