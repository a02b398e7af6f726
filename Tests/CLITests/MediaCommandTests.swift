// `archive media` end to end through the built binary: images of every format the archive takes are stored
// once, byte for byte, with renditions that are upright and carry no metadata; each add and remove is a change
// that `undo` reverses; bad files are refused in one line with nothing changed; `check` finds a damaged image.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct MediaCommandTests {
    let folder: TemporaryFolder
    static let images = Datasette.packageRoot.appendingPathComponent("Tests/Fixtures/images")

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    private func image(_ name: String) -> String { Self.images.appendingPathComponent(name).path }
    private var db: String { folder.path("archive.sqlite") }
    private func content() throws -> String { try archiveContent(db) }

    private func media(_ arguments: [String]) throws -> ProcessResult { try run(["media"] + arguments, in: folder.url) }

    @Test func everyFormatIsStoredByteForByteAndExportedBack() throws {
        let added = try media(["add", "celine", image("phone-photo.jpg"), image("gradient.png"), image("fabric.webp"), image("scan.tif"),
                               "--caption", "Derby — “slim”", "--credit", "Photo: Ève Cœur", "--rights", "http://rightsstatements.org/vocab/InC/1.0/", "--primary"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("added 4 images to designers celine as change 2; `archive undo 2` takes them off"))
        let listed = try media(["list", "celine", "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["content_type"] as? String } == ["image/jpeg", "image/png", "image/webp", "image/tiff"])
        #expect(items.map { $0["primary"] as? Int } == [1, 0, 0, 0])
        #expect(items.first?["caption"] as? String == "Derby — “slim”")
        #expect(items.first?["credit"] as? String == "Photo: Ève Cœur")
        for item in items {
            let name = try #require(item["file_name"] as? String)
            #expect(item["sha256"] as? String == sha256(try Data(contentsOf: Self.images.appendingPathComponent(name))))
        }
        let exported = try media(["export", "celine", "out"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let paths = exported.stdout.split(separator: "\n").map(String.init)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["1-phone-photo.jpg", "2-gradient.png", "3-fabric.webp", "4-scan.tif"])
        for (path, name) in zip(paths, ["phone-photo.jpg", "gradient.png", "fabric.webp", "scan.tif"]) {
            #expect(FileManager.default.contents(atPath: folder.path(path)) == FileManager.default.contents(atPath: image(name)))
        }
        #expect(try run(["check"], in: folder.url).status == 0)
        // `export --all` lists them (views/media.csv), and its codebook says what each column holds.
        #expect(try run(["export", "--all", "all"], in: folder.url).status == 0)
        let view = try String(contentsOf: folder.url.appendingPathComponent("all/views/media.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        #expect(view.first == "table,record,position,primary,caption,credit,rights,file_name,sha256,content_type,width,height,bytes")
        #expect(view.dropFirst().first == "designers,celine,1,1,Derby — “slim”,Photo: Ève Cœur,http://rightsstatements.org/vocab/InC/1.0/,phone-photo.jpg,"
                + "\(items[0]["sha256"] as? String ?? ""),image/jpeg,120,80,1665")
        #expect(view.filter { !$0.isEmpty }.count == 5)
        let codebook = try String(contentsOf: folder.url.appendingPathComponent("all/codebook.csv"), encoding: .utf8)
        #expect(codebook.contains("views/media.csv,sha256,text,SHA-256 of the original file"))
    }

    /// A phone photo says "turn me" in EXIF and carries a GPS position: the renditions are turned (80 × 120
    /// from a 120 × 80 original) and carry neither the EXIF block nor the camera's name; the original keeps both.
    @Test func renditionsAreUprightAndStripped() throws {
        #expect(try media(["add", "celine", image("phone-photo.jpg"), image("transparent.png")]).status == 0)
        let sizes = try sqlite3(db, "SELECT f.content_type, r.size, r.width, r.height, r.content_type FROM media_renditions r JOIN media_files f ON f.id = r.file_id ORDER BY r.id")
        #expect(sizes == "image/jpeg|thumbnail|80|120|image/jpeg\nimage/jpeg|display|80|120|image/jpeg\nimage/png|thumbnail|120|80|image/jpeg\nimage/png|display|120|80|image/jpeg\n")
        let renditions = try sqlite3(db, "SELECT hex(data) FROM media_renditions").split(separator: "\n")
        for rendition in renditions {
            #expect(!rendition.contains(hex("Exif")) && !rendition.contains(hex("ArchiveTestCam")))
            #expect(rendition.hasPrefix("FFD8"))
        }
        let original = try sqlite3(db, "SELECT hex(data) FROM media_files WHERE content_type = 'image/jpeg'")
        #expect(original.contains(hex("Exif")) && original.contains(hex("ArchiveTestCam")))
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func theSameFileOnTwoRecordsIsStoredOnce() throws {
        #expect(try media(["add", "celine", image("gradient.png")]).status == 0)
        let second = try media(["add", "collections", "celine-ss-2026", image("gradient.png")])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("(1 already stored: kept once)"))
        #expect(try sqlite3(db, "SELECT count(*) FROM media; SELECT count(*) FROM media_files; SELECT count(*) FROM media_renditions") == "2\n1\n2\n")
        // `archive stats` counts both: images shown, files stored, their bytes.
        #expect(try run(["stats", "--format", "json"], in: folder.url).stdout.contains("\"images\":{\"shown\":2,\"files\":1,\"bytes\":17624}"))
        #expect(try run(["stats"], in: folder.url).stdout.contains("images          2 shown, 1 files stored, 17624 bytes\n"))
        // Twice on one record is refused, naming the file.
        let again = try media(["add", "celine", image("gradient.png")])
        #expect(again.status == 65)
        #expect(again.stderr == "archive: \(image("gradient.png")): designers celine shows this image already (position 1)\n")
    }

    @Test func anAddAndARemoveAreChangesThatUndoReverses() throws {
        let before = try content()
        #expect(try media(["add", "celine", image("gradient.png"), image("fabric.webp")]).status == 0)
        #expect(try media(["add", "celine", image("scan.tif"), "--primary"]).status == 0)
        #expect(try sqlite3(db, "SELECT file_name, position, is_primary FROM media ORDER BY id") == "gradient.png|1|0\nfabric.webp|2|0\nscan.tif|3|1\n")
        // A second primary takes the mark from the first, logged, so that its undo gives it back.
        #expect(try media(["add", "celine", image("transparent.png"), "--primary"]).status == 0)
        #expect(try sqlite3(db, "SELECT file_name FROM media WHERE is_primary = 1") == "transparent.png\n")
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT file_name FROM media WHERE is_primary = 1") == "scan.tif\n")
        let removed = try media(["remove", "1"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stderr.contains("removed image 1 (gradient.png) from designers celine as change 6"))
        #expect(try sqlite3(db, "SELECT count(*) FROM media") == "2\n")
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT file_name, position FROM media ORDER BY id") == "gradient.png|1\nfabric.webp|2\nscan.tif|3\n")
        // Undo the two adds (newest first): the records are as they were; the bytes stay while the history names them.
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        #expect(try run(["undo", "2"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT count(*) FROM media; SELECT count(*) FROM media_files") == "0\n4\n")
        #expect(try content().split(separator: "\n").filter { !$0.contains("INTO media_") }.joined(separator: "\n") == before)
        // Pruning the history that names them drops them.
        #expect(try run(["history", "--prune", "2999-01-01"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT count(*) FROM media_files; SELECT count(*) FROM media_renditions") == "0\n0\n")
        #expect(try content() == before)
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func deletingARecordTakesItsImagesAndUndoBringsThemBack() throws {
        #expect(try media(["add", "celine", image("gradient.png"), image("fabric.webp")]).status == 0)
        let withImages = try content()
        let deleted = try run(["delete", "celine", "--yes"], in: folder.url)
        #expect(deleted.status == 0)
        #expect(deleted.stderr.contains("  media: image 1 gradient.png\n  media: image 2 fabric.webp\n"))
        #expect(try sqlite3(db, "SELECT count(*) FROM media") == "0\n")
        #expect(try run(["check"], in: folder.url).status == 0)
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try content() == withImages)
    }

    /// An import's undo must not leave images pointing at the records it takes away.
    @Test func anImportsUndoIsRefusedWhileImagesShowWhatItAdded() throws {
        try "slug,name\nnew-house,New House\n".write(to: folder.url.appendingPathComponent("designers.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0)
        #expect(try media(["add", "new-house", image("gradient.png")]).status == 0)
        let refused = try run(["undo", "2"], in: folder.url)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("cannot undo change 2: 1 images added since are shown by the designers it added; undo change 3 first"))
    }

    @Test(arguments: [
        ("not-an-image.jpg", 65, "not-an-image.jpg: is not a JPEG, PNG, WebP or TIFF image"),
        ("truncated.jpg", 65, "truncated.jpg: is not a readable image"),
        ("missing.jpg", 66, "missing.jpg: cannot be read (no such file)"),
        // A header that claims 60000 × 60000 pixels over a few bytes (a decompression bomb): refused from its header.
        ("bomb.png", 65, "bomb.png: 60000 × 60000 pixels is more than an image may have (at most 512 MiB per file and 250 million pixels per image)"),
    ])
    func aBadFileIsOneLineAndChangesNothing(name: String, status: Int32, message: String) throws {
        let before = try content()
        // The good file before it is not kept either: the add is one transaction.
        let result = try media(["add", "celine", image("gradient.png"), image(name)])
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix("archive: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try content() == before)
        #expect(try sqlite3(db, "SELECT count(*) FROM media_files; SELECT count(*) FROM changes") == "0\n1\n")
    }

    /// A folder of images matched to the records an import brings, by a template of their columns, in the import's
    /// own transaction: a file per record or several, names with fnmatch's own characters, hidden files left out;
    /// a re-import adds only new files; one bad image fails the whole import with nothing changed; undo takes both.
    @Test func anImportAddsAFolderOfImagesMatchedToItsRecords() throws {
        let photos = folder.url.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        for (fixture, name) in [("phone-photo.jpg", "A.1_front.jpg"), ("gradient.png", "A.1_side.png"), ("fabric.webp", "A.10.webp"),
                                ("scan.tif", "B[2].tif"), ("not-an-image.jpg", ".hidden.jpg"), ("transparent.png", "A.1x.png")] {
            try FileManager.default.copyItem(atPath: image(fixture), toPath: photos.appendingPathComponent(name).path)
        }
        try "slug,name\nm,Museum\n".write(to: folder.url.appendingPathComponent("institutions.csv"), atomically: true, encoding: .utf8)
        try "slug,institution,accession_number,title\no1,m,A.1,Dress\no10,m,A.10,Coat\no2,m,B[2],Hat\no3,m,C.3,Shoe\n"
            .write(to: folder.url.appendingPathComponent("objects.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "institutions.csv"], in: folder.url).status == 0)
        let before = try content()
        let matching = ["--images", "photos", "--match", "{accession_number}[._]*", "--image-rights", "https://creativecommons.org/publicdomain/zero/1.0/"]
        let dry = try run(["import", "objects.csv", "--dry-run"] + matching, in: folder.url)
        #expect(dry.status == 0 && dry.stderr.contains("images: 4 would be added to the records they match in photos"), "\(dry.stderr)")
        #expect(try content() == before)
        let imported = try run(["import", "objects.csv"] + matching, in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("images: 4 added to the records they match in photos"))
        // A.1x.png does not match A.1[._]*; B[2] is the accession number itself, not a pattern.
        #expect(try sqlite3(db, "SELECT o.slug, m.position, m.file_name, m.rights FROM media m JOIN objects o ON o.id = m.record_id ORDER BY o.slug, m.position")
                == "o1|1|A.1_front.jpg|https://creativecommons.org/publicdomain/zero/1.0/\no1|2|A.1_side.png|https://creativecommons.org/publicdomain/zero/1.0/\n"
                + "o10|1|A.10.webp|https://creativecommons.org/publicdomain/zero/1.0/\no2|1|B[2].tif|https://creativecommons.org/publicdomain/zero/1.0/\n")
        // Again: nothing new, nothing changed, no change in the history.
        let again = try run(["import", "objects.csv"] + matching, in: folder.url)
        #expect(again.stderr.contains("nothing to change") && again.stderr.contains("images: 0 added"))
        // A damaged image among new ones: one line, the archive as it was.
        let withImages = try content()
        try FileManager.default.copyItem(atPath: image("truncated.jpg"), toPath: photos.appendingPathComponent("C.3.jpg").path)
        let failed = try run(["import", "objects.csv"] + matching, in: folder.url)
        #expect(failed.status == 65 && failed.stderr.hasPrefix("archive: photos/C.3.jpg: is not a readable image"), "\(failed.stderr)")
        #expect(try content() == withImages)
        // The import with its images is one change: undo takes the records and their images.
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        #expect(try sqlite3(db, "SELECT count(*) FROM media; SELECT count(*) FROM objects") == "0\n0\n")
        // Mistakes in the options: one line, nothing changed.
        let typo = try run(["import", "objects.csv", "--images", "photos", "--match", "{acession_number}*"], in: folder.url)
        #expect(typo.status == 65 && typo.stderr == "archive: --match \"{acession_number}*\": {acession_number} is not a column of objects; did you mean {accession_number}?\n")
        #expect(try run(["import", "objects.csv", "--match", "{slug}*"], in: folder.url).status == 64)
        #expect(try run(["import", "objects.csv", "--images", "nowhere"], in: folder.url).status == 66)
    }

    /// Files made by the test, each wrong in its own way: one line, the exit it should have, nothing changed.
    @Test func hostileFilesAreRefusedInOneLineAndChangeNothing() throws {
        let made = folder.url.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        let write = { (name: String, text: String) in try text.write(to: made.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try write("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>")
        try write("page.jpg", "<!doctype html><html><body><img src=x onerror=alert(1)></body></html>")
        try write("empty.jpg", "")
        // 2 GB without writing it: a sparse file, refused by its size before a byte is read.
        let huge = made.appendingPathComponent("huge.tif").path
        FileManager.default.createFile(atPath: huge, contents: nil)
        #expect(truncate(huge, 2 << 30) == 0)
        let before = try content()
        for (name, status, message) in [("drawing.svg", Int32(65), "drawing.svg: is not a JPEG, PNG, WebP or TIFF image"),
                                         ("page.jpg", 65, "page.jpg: is not a JPEG, PNG, WebP or TIFF image"),
                                         ("empty.jpg", 65, "empty.jpg: is empty"),
                                         ("huge.tif", 65, "huge.tif: 2147483648 bytes is more than a file may have (at most 512 MiB per file and 250 million pixels per image)")] {
            let result = try media(["add", "celine", made.appendingPathComponent(name).path])
            #expect(result.status == status, "\(name): \(result.stderr)")
            #expect(result.stderr.hasPrefix("archive: ") && result.stderr.hasSuffix(message + "\n") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try content() == before)
        // A scanner's three-page TIFF: kept whole, its renditions from the first page, and said so.
        let pages = made.appendingPathComponent("three-pages.tif")
        FileManager.default.createFile(atPath: pages.path, contents: Data(TestImages.uncompressedTIFF(width: 90, height: 60, pages: 3)))
        let paged = try media(["add", "celine", pages.path])
        #expect(paged.status == 0, "\(paged.stderr)")
        #expect(paged.stderr.contains("three-pages.tif: 3 pages or frames; the original is kept whole, its thumbnail and display size show the first"))
        #expect(try sqlite3(db, "SELECT f.bytes, r.width, r.height FROM media_files f JOIN media_renditions r ON r.file_id = f.id AND r.size = 'display'")
                == "\(try Data(contentsOf: pages).count)|90|60\n")
        _ = try media(["remove", "1"])
        // A PNG named .jpg is what its bytes say.
        let lying = made.appendingPathComponent("really-a-png.jpg")
        try FileManager.default.copyItem(atPath: image("gradient.png"), toPath: lying.path)
        #expect(try media(["add", "celine", lying.path]).status == 0)
        #expect(try sqlite3(db, "SELECT content_type FROM media_files ORDER BY id") == "image/tiff\nimage/png\n")
    }

    @Test func aFIFOOrAFolderIsRefusedWithoutWaiting() throws {
        let fifo = folder.path("pipe.jpg")
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try media(["add", "celine", fifo])
        #expect(result.status == 66)
        #expect(result.stderr == "archive: \(fifo): is not a regular file\n")
        #expect(try media(["add", "celine", folder.path(".")]).status == 66)
    }

    @Test func rightsMustBeAStatementOrALicenceURIAndUsageIsChecked() throws {
        let wrong = try media(["add", "celine", image("gradient.png"), "--rights", "All rights reserved"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("rights: \"All rights reserved\" is not a rights statement's or a licence's URI"))
        #expect(try media(["add", "celine"]).status == 64)
        #expect(try media(["add", "no-such-record", image("gradient.png")]).status == 66)
        #expect(try media(["remove", "99"]).stderr == "archive: there is no image 99: `archive media list` numbers them\n")
        let help = try media(["add", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("at most 512 MiB per file and 250 million pixels per image"), "\(help)")
        #expect(try media(["list"]).stderr == "the archive holds no images\n")
        // --db before a command of two names, as before any other command.
        #expect(try run(["--db", db, "media", "list", "--format", "csv"], in: URL(fileURLWithPath: "/")).stdout.hasPrefix("id,table,slug,position"))
        #expect(try run(["--db=\(db)", "media", "add", "celine", image("gradient.png")], in: URL(fileURLWithPath: "/")).status == 0)
    }

    /// One flipped byte in a stored image (written by another tool) is found by `check` and named.
    @Test func checkFindsADamagedImage() throws {
        #expect(try media(["add", "celine", image("gradient.png")]).status == 0)
        _ = try sqlite3(db, "UPDATE media_files SET data = CAST(substr(data, 1, 100) || x'00' || substr(data, 102) AS BLOB)")
        let check = try run(["check"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("images: media_files row 1: its bytes hash to"), "\(check.stdout)\(check.stderr)")
        #expect(!check.stdout.contains("media_renditions"))
        // A rendition too: each is addressed by the hash of its bytes, and hashed again.
        _ = try sqlite3(db, "UPDATE media_renditions SET data = CAST(substr(data, 1, 50) || x'FF' || substr(data, 52) AS BLOB) WHERE size = 'display'")
        #expect(try run(["check"], in: folder.url).stdout.contains("images: media_renditions row 2: its bytes hash to"))
        // Two primary images on one record (set by another tool), and an image whose record is gone.
        #expect(try media(["add", "celine", image("fabric.webp")]).status == 0)
        _ = try sqlite3(db, "UPDATE media SET is_primary = 1; INSERT INTO media (record_table, record_id, file_id, position) VALUES ('shoes', 9999, 1, 1)")
        let found = try run(["check"], in: folder.url).stdout
        #expect(found.contains("images: media: 1 records have more than one primary image"), "\(found)")
        #expect(found.contains("images: media: 1 images belong to shoes records that do not exist"), "\(found)")
    }

    private func hex(_ text: String) -> String { Data(text.utf8).map { String(format: "%02X", $0) }.joined() }

    private func sha256(_ data: Data) -> String {
        let result = try? run(["sha256sum"], in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/env"), stdin: data)
        return String(result?.stdout.prefix(64) ?? "")
    }
}
