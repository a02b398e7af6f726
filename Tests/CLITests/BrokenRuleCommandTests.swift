// A rule of the schema broken through `archive edit` (--set and the editor) and `archive undo`, end to end: the
// message names the field and the value in the archive's words (never SQLite's text), the exit code is 65 and
// the archive is as it was. Imports that break a rule are in the hostile corpus and BadInputTests.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct BrokenRuleCommandTests {
    let folder: TemporaryFolder
    var archive: String { folder.path("archive.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    static let sqlWords = ["CHECK", "GLOB", "typeof", "constraint failed", "SELECT", "UPDATE", "IS NULL", "UNIQUE", "SQLite"]

    /// Runs `arguments`, which must be refused with `message` first on stderr, exit 65, and no change.
    private func expectRefused(_ arguments: [String], _ message: String, environment: [String: String] = [:], stdin: Data? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try archiveContent(archive)
        let result = try run(arguments, in: folder.url, environment: environment, stdin: stdin)
        #expect(result.status == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)", sourceLocation: sourceLocation)
        for word in Self.sqlWords { #expect(!result.stderr.contains(word), "\(word): \(result.stderr)", sourceLocation: sourceLocation) }
        #expect(try archiveContent(archive) == before, sourceLocation: sourceLocation)
    }

    private func importMuseum() throws {
        let museum = folder.url.appendingPathComponent("museum")
        try FileManager.default.createDirectory(at: museum, withIntermediateDirectories: true)
        try "slug,name\nm,Museum\n".write(to: museum.appendingPathComponent("institutions.csv"), atomically: true, encoding: .utf8)
        try "slug,institution,title,accession_number\no1,m,Dress,A1\no2,m,Coat,A2\n"
            .write(to: museum.appendingPathComponent("objects.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "museum"], in: folder.url).status == 0)
    }

    @Test(arguments: [
        (["celine", "--set", "wikidata=X123"], "--set: wikidata: \"X123\" is not a Wikidata id (Q and digits)\n"),
        (["michael-rider", "--set", "founded=1990"], "--set: founded: 1990 is only for a designer whose kind is house (this one's is person)\n"),
        (["celine", "--set", "active_from=2030", "--set", "active_to=2000"], "--set: active_from: 2030 is after active_to 2000\n"),
        (["celine", "--set", "ulan=12"], "--set: ulan: \"12\" is not a Getty ULAN id (5 and 8 digits)\n"),
    ])
    func setThatBreaksARuleSaysWhichInWords(_ arguments: [String], _ message: String) throws {
        try expectRefused(["edit"] + arguments, message)
    }

    @Test func setAnAccessionNumberAnotherObjectHoldsNamesIt() throws {
        try importMuseum()
        try expectRefused(["edit", "o2", "--set", "accession_number=A1"], "--set: accession_number: \"A1\" is already held by o1 at m\n")
    }

    @Test func anEditedAffiliationToItselfIsNamedAtItsLine() throws {
        let script = folder.path("self.py")
        try """
            import json, sys
            record = json.load(open(sys.argv[1]))
            record['affiliations'][0]['house'] = 'michael-rider'
            open(sys.argv[1], 'w').write(json.dumps(record, indent=2))
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let before = try archiveContent(archive)
        let result = try run(["edit", "michael-rider"], in: folder.url, environment: ["EDITOR": "python3 \(script)", "VISUAL": ""], stdin: Data("n\n".utf8))
        #expect(result.status == 65)
        let line = try #require(result.stderr.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("michael-rider.json:"))
        #expect(line.hasSuffix(": affiliations[1].house: \"michael-rider\" is the person itself: a designer cannot be its own house"), "\(line)")
        for word in Self.sqlWords { #expect(!result.stderr.contains(word)) }
        #expect(try archiveContent(archive) == before)
    }

    /// A rename, then a new record with the old slug: putting the old slug back would give two designers one.
    @Test func anUndoThatPutsBackASlugAnotherRecordHoldsNamesItAndTheChangeToUndoFirst() throws {
        #expect(try run(["edit", "repetto", "--set", "slug=repetto-paris"], in: folder.url).status == 0)
        try "slug,name\nrepetto,Another Repetto\n".write(toFile: folder.path("designers.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0)
        try expectRefused(["undo", "2"],
                          "archive: cannot undo change 2: it puts back repetto-paris's slug, but \"repetto\" is the slug of another designer already; undo change 3 first\n")
    }

    /// An accession number moved from one object to another: putting it back would give two objects one.
    @Test func anUndoThatPutsBackAnAccessionNumberAnotherObjectHoldsNamesIt() throws {
        try importMuseum()
        #expect(try run(["edit", "o1", "--set", "accession_number=A3"], in: folder.url).status == 0)
        #expect(try run(["edit", "o2", "--set", "accession_number=A1"], in: folder.url).status == 0)
        try expectRefused(["undo", "3"], "archive: cannot undo change 3: it puts back o1's accession_number, but \"A1\" is already held by o2 at m; undo change 4 first\n")
        // Undone in order, both go back.
        #expect(try run(["undo", "4"], in: folder.url).status == 0)
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        #expect(try sqlite3(archive, "SELECT slug, accession_number FROM objects ORDER BY slug") == "o1|A1\no2|A2\n")
    }
}
