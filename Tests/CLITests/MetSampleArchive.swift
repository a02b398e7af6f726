// An archive of every kind of record for tests that look at record pages: the seeds, the Met sample through its
// mapping (objects of an institution, makers with ULAN and Wikidata ids, tags with AAT ids), and a designer whose
// name (and description) is markup.
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
        return folder
    }
}
