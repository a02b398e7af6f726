// The archive's IIIF read as a viewer reads it, over a real socket: every manifest loaded by iiif-prezi3 from
// PyPI (Tests/LinkedData/iiif.py, in the linkeddata environment), each canvas's image fetched, each image
// service's info.json read and each size it lists fetched by the Image API's address. Skipped, saying so, where
// the environment could not be installed.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct IIIFViewerTests {
    static let base = "https://archive.example.org"

    @Test(.enabled(if: LinkedDataEnvironment.isAvailable, "needs rdflib and iiif-prezi3 from PyPI in .build/linkeddata-venv, which could not be installed (tried once; `Tests/python-venv linkeddata` tries again)"))
    func iiifPrezi3LoadsEveryManifestAndEveryImageAnswers() throws {
        let folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
        let images = MediaCommandTests.images
        let added = [
            try run(["media", "add", "repetto-zizi", images.appendingPathComponent("phone-photo.jpg").path, images.appendingPathComponent("scan.tif").path,
                     "--credit", "Photo: Ève", "--rights", "https://creativecommons.org/licenses/by/4.0/", "--caption", "Zizi — “side”"], in: folder.url),
            try run(["media", "add", "celine", images.appendingPathComponent("fabric.webp").path, images.appendingPathComponent("transparent.png").path,
                     "--rights", "http://rightsstatements.org/vocab/InC/1.0/"], in: folder.url),
        ]
        for result in added { try #require(result.status == 0, "\(result.stderr)") }
        let server = try RunningServer(in: folder.url, ["--base-url", Self.base + "/"])
        let paths = ["/iiif/manifests/shoes/repetto-zizi", "/iiif/manifests/designers/celine"]
        let read = try run([Datasette.packageRoot.appendingPathComponent("Tests/LinkedData/iiif.py").path, server.url, Self.base] + paths,
                           in: folder.url, executable: LinkedDataEnvironment.python)
        try #require(read.status == 0, "iiif-prezi3 could not read the manifests: \(read.stderr.suffix(2_000))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: [String: Any]])
        for (path, canvases) in [("/iiif/manifests/shoes/repetto-zizi", 2), ("/iiif/manifests/designers/celine", 2)] {
            let report = try #require(seen[path], "\(path)")
            #expect(report["id"] as? String == Self.base + path)
            #expect(report["canvases"] as? Int == canvases)
            #expect(report["images"] as? [String] == Array(repeating: "image/jpeg", count: canvases), "\(path)")
            #expect(report["services"] as? [String] == Array(repeating: "level0", count: canvases), "\(path)")
            #expect(report["sizes"] as? [String] == Array(repeating: "image/jpeg", count: canvases * 2), "\(path)")
        }
    }
}
