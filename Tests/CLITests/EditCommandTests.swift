// `archive edit` end to end, with a script as the editor ($EDITOR): an edit and its undo leave the archive as it
// was; a hostile edit changes nothing and names the line; the editor is reopened on the user's own text; a
// record changed by another command while it was being edited is not overwritten; --set for scripts.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct EditCommandTests {
    let folder: TemporaryFolder
    var archive: String { folder.path("archive.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    /// An editor: a Python script that gets the file's path and the record as parsed JSON (`record`, or None
    /// when the text is not JSON) and changes the file.
    private func editor(_ name: String, _ body: String) throws -> [String: String] {
        let script = "import json, os, sys\npath = sys.argv[1]\ntext = open(path, encoding='utf-8').read()\n"
            + "try:\n    record = json.loads(text)\nexcept ValueError:\n    record = None\n"
            // One key a line, as archive writes it, so that the lines of problems are known.
            + "def save(value):\n    out = '{\\n' + ',\\n'.join('  ' + json.dumps(k) + ': ' + json.dumps(v, ensure_ascii=False) for k, v in value.items()) + '\\n}\\n' "
            + "if isinstance(value, dict) else json.dumps(value)\n    open(path, 'w', encoding='utf-8').write(out)\n"
            + body + "\n"
        try script.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
        return ["EDITOR": "python3 \(folder.path(name))", "VISUAL": ""]
    }

    private func changeCount() throws -> String { try sqlite3(archive, "SELECT count(*) FROM changes") }

    /// An edit that renames and sets fields, its undo, and the undo of that (a redo): the redo said "change 4
    /// touched designers celine since", counting the undo's own first image against itself.
    @Test func anEditThatRenamesIsUndoneAndRedoneAndUndoneAgain() throws {
        let before = try archiveContent(archive)
        #expect(try run(["edit", "celine", "--set", "slug=celine-two", "--set", "country=France"], in: folder.url).status == 0)
        let edited = try archiveContent(archive)
        for (change, expected) in [(2, before), (3, edited), (4, before)] {
            let undo = try run(["undo", String(change)], in: folder.url)
            #expect(undo.status == 0, "undo \(change): \(undo.stderr)")
            #expect(try archiveContent(archive) == expected, "after undo \(change)")
        }
        #expect(try sqlite3(archive, "SELECT slug, coalesce(country, '-') FROM designers WHERE slug LIKE 'celine%'") == "celine|-\n")
    }

    /// An editor that leaves a FIFO (or a link) at the file's path made `archive edit` block for ever in open():
    /// anything but a regular file is refused at once (the run is bounded by `timeout`, which exits 124).
    @Test(arguments: ["os.remove(path); os.mkfifo(path)", "os.remove(path); os.symlink('/etc/hostname', path)"])
    func anEditorThatLeavesAFIFOOrALinkIsRefusedAtOnce(_ edit: String) throws {
        let before = try archiveContent(archive)
        let environment = try editor("fifo.py", edit)
        let result = try run(["20", ArchiveBinary.url.path, "edit", "celine-ss-2026"], in: folder.url, environment: environment,
                             executable: URL(fileURLWithPath: "/usr/bin/timeout"), stdin: Data("n\n".utf8))
        #expect(result.status == 65, "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains("is not a regular file") || result.stderr.contains("is a symbolic link"), "\(result.stderr)")
        #expect(try archiveContent(archive) == before)
    }

    @Test func anEditOfFieldsRelationsAndSlugAndItsUndoLeaveTheArchiveAsItWas() throws {
        let before = try archiveContent(archive)
        let environment = try editor("edit.py", """
            record['slug'] = 'celine-ss26'
            record['description'] = 'Michael Rider’s “first” show — Céline’s new era'
            record['keywords'] = None
            record['designers'] = [d for d in record['designers'] if d['designer'] != 'michael-rider']
            record['designers'][0]['source'] = None
            record['shoes'].append({'shoe': 'repetto-zizi', 'source': 'balletcore-derby-article-2025'})
            save(record)
            """)
        let edited = try run(["edit", "collections", "celine-ss-2026", "--by", "curator"], in: folder.url, environment: environment)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stderr == "edited collections celine-ss-2026 as change 2; `archive undo 2` reverses it\n")
        #expect(try sqlite3(archive, """
            SELECT slug, description, keywords IS NULL FROM collections WHERE id = (SELECT id FROM collections WHERE slug = 'celine-ss26');
            SELECT d.slug, cd.role, cd.source_id IS NULL FROM collection_designers cd JOIN designers d ON d.id = cd.designer_id
              JOIN collections c ON c.id = cd.collection_id WHERE c.slug = 'celine-ss26' ORDER BY 1;
            SELECT s.slug FROM collection_shoes cs JOIN shoes s ON s.id = cs.shoe_id JOIN collections c ON c.id = cs.collection_id
              WHERE c.slug = 'celine-ss26' ORDER BY 1;
            SELECT count(*) FROM collections WHERE slug = 'celine-ss-2026';
            """) == "celine-ss26|Michael Rider’s “first” show — Céline’s new era|1\nceline|house|1\nceline-slim-soled-derby\nrepetto-zizi\n0\n")
        #expect(try run(["check"], in: folder.url).status == 0)
        #expect(try run(["search", "era", "--in", "collections"], in: folder.url).stdout.contains("celine-ss26"))
        // The record's history, field by field.
        let history = try run(["history", "celine-ss26"], in: folder.url)
        #expect(history.stdout.contains("curator  edit collections celine-ss-2026"))
        // Listed once, though the edit logged the record twice (renamed, then its fields set).
        #expect(history.stdout.components(separatedBy: "edit collections").count == 2, "\(history.stdout)")
        #expect(history.stdout.contains("    slug         celine-ss-2026"), "\(history.stdout)")
        #expect(history.stdout.contains("→  celine-ss26\n"))
        #expect(history.stdout.contains("→  Michael Rider’s “first” show — Céline’s new era\n"))
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try archiveContent(archive) == before)
        #expect(try run(["check"], in: folder.url).status == 0)
        #expect(try run(["search", "androgynous", "--in", "collections"], in: folder.url).stdout.contains("celine-ss-2026"))
    }

    @Test(arguments: [
        // (what the editor does, the line on stderr that must be there)
        ("open(path, 'w').write(text.replace('\"year\": 2026,', '\"year\": 2026'))", "celine-ss-2026.json:6: expected ',' or '}' in an object, found '\"'"),
        ("record['year'] = 'twenty'; save(record)", "celine-ss-2026.json:5: year: expected a whole number, found \"twenty\""),
        ("record['year'] = 99999; save(record)", "celine-ss-2026.json:5: year: 99999 is out of range ("),
        ("record['seasn'] = 'SS'; save(record)", "celine-ss-2026.json:11: seasn: unknown field for collections; did you mean \"season\"?"),
        ("record['slug'] = 'jacquemus-repetto-ss-2024'; save(record)", "celine-ss-2026.json:2: slug: \"jacquemus-repetto-ss-2024\" is the slug of another collection already: choose another"),
        ("record['slug'] = 'Not A Slug'; save(record)", "celine-ss-2026.json:2: slug: \"Not A Slug\" is not a valid slug: "),
        ("record['designers'][1]['designer'] = 'nobody'; save(record)", "celine-ss-2026.json:8: designers[2].designer: no designer with slug \"nobody\" in the archive or in this import"),
        ("record['designers'][0]['role'] = 'hero'; save(record)", "celine-ss-2026.json:8: designers[1].role: \"hero\" is not one of "),
        ("del record['title']; save(record)", "title: is required but empty"),
        ("save([record])", "celine-ss-2026.json:1: expected the record as one JSON object, found an array"),
        ("open(path, 'w').write(text + text)", "celine-ss-2026.json:19: unexpected text after the record's closing '}': an edit is of one record"),
        ("open(path, 'wb').write(text.replace('Rider', 'Rid\\xff').encode('latin-1', 'replace'))", "celine-ss-2026.json:6: description: a string is not valid UTF-8"),
        ("open(path, 'w').write('')", "celine-ss-2026.json:1: expected a value, found the end of the file"),
    ])
    func aHostileEditChangesNothingAndNamesItsLine(_ edit: String, _ message: String) throws {
        let before = try archiveContent(archive)
        let environment = try editor("hostile.py", edit)
        // The question whether to edit again is answered no (stdin "n").
        let result = try run(["edit", "celine-ss-2026"], in: folder.url, environment: environment, stdin: Data("n\n".utf8))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("Edit again? [Y/n] "))
        // The user's text is kept, and named.
        let kept = try #require(result.stderr.range(of: "your text is kept in ").map { String(result.stderr[$0.upperBound...].dropLast()) })
        #expect(FileManager.default.fileExists(atPath: kept))
        try? FileManager.default.removeItem(atPath: (kept as NSString).deletingLastPathComponent)
        #expect(try archiveContent(archive) == before)
        #expect(try changeCount() == "1\n")
    }

    @Test func theEditorIsReopenedOnTheUsersOwnTextAfterAProblem() throws {
        let environment = try editor("twice.py", """
            marker = '\(folder.path("round"))'
            if not os.path.exists(marker):
                open(marker, 'w').write('1')
                record['year'] = 'soon'
                record['description'] = 'Kept — “mine”'
                save(record)
            else:
                open(marker, 'w').write('2:' + str(record['year']) + ':' + record['description'])
                record['year'] = 2025
                save(record)
            """)
        let result = try run(["edit", "celine-ss-2026"], in: folder.url, environment: environment, stdin: Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("year: expected a whole number, found \"soon\"\nEdit again? [Y/n] edited collections celine-ss-2026 as change 2"))
        // The second round saw the first round's text, not the record afresh.
        #expect(try String(contentsOfFile: folder.path("round"), encoding: .utf8) == "2:soon:Kept — “mine”")
        #expect(try sqlite3(archive, "SELECT year, description FROM collections WHERE slug = 'celine-ss-2026'") == "2025|Kept — “mine”\n")
    }

    @Test func anUnchangedTextOrAFailedEditorWritesNothing() throws {
        let before = try archiveContent(archive)
        let unchanged = try run(["edit", "celine"], in: folder.url, environment: ["EDITOR": "true", "VISUAL": ""])
        #expect(unchanged.status == 0)
        #expect(unchanged.stderr == "designers celine is as it was: nothing was written\n")
        // Reformatted but the same: still nothing (the transaction is rolled back, no change is kept).
        let reformatted = try run(["edit", "celine"], in: folder.url, environment: try editor("same.py", "open(path, 'w').write(json.dumps(record))"))
        #expect(reformatted.stderr == "designers celine is as it was: nothing was written\n")
        let failed = try run(["edit", "celine"], in: folder.url, environment: ["EDITOR": "false", "VISUAL": ""])
        #expect(failed.status == 65)
        #expect(failed.stderr == "archive: the editor (false) exited with status 1\n")
        #expect(try archiveContent(archive) == before)
        #expect(try changeCount() == "1\n")
        #expect(try run(["edit", "nobody"], in: folder.url, environment: ["EDITOR": "true"]).status == 66)
        // No edit folder is left behind in $TMPDIR.
        let tmp = folder.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        _ = try run(["edit", "celine"], in: folder.url, environment: ["EDITOR": "true", "TMPDIR": tmp])
        _ = try run(["edit", "celine"], in: folder.url, environment: ["EDITOR": "false", "TMPDIR": tmp])
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [])
        // A slug two tables hold needs its table named.
        #expect(try run(["import", "seeds"], in: folder.url).status == 0)
        try "slug,name\nceline,Céline (the singer’s namesake)\n".write(toFile: folder.path("icons.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "icons.csv"], in: folder.url).status == 0)
        let ambiguous = try run(["edit", "celine"], in: folder.url, environment: ["EDITOR": "true"])
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr == "archive: \"celine\" is a slug in designers and icons: say which, e.g. `archive edit designers celine`\n")
        #expect(try run(["edit", "icons", "celine", "--set", "occupation=singer"], in: folder.url).status == 0)
    }

    @Test func aRecordChangedWhileItWasBeingEditedIsNotOverwritten() throws {
        // The editor itself makes the other change (certain to come between opening and saving), then saves.
        let environment = try editor("race.py", """
            import subprocess
            subprocess.run(['\(ArchiveBinary.url.path)', '--db', '\(archive)', 'edit', 'celine', '--set', 'country=France'], check=True)
            record['country'] = 'Italy'
            save(record)
            """)
        let result = try run(["edit", "celine"], in: folder.url, environment: environment)
        #expect(result.status == 65)
        #expect(result.stderr.contains("archive: designers celine was changed by another command while it was being edited (`archive history celine`); nothing was changed; your text is kept in "))
        #expect(try sqlite3(archive, "SELECT country FROM designers WHERE slug = 'celine'; SELECT count(*) FROM changes") == "France\n2\n")
    }

    @Test func setWritesFieldsForScriptsAndRefusesWhatAnImportWould() throws {
        let set = try run(["edit", "celine", "--set", "country=France", "--set", "founded=1945", "--set", "description="], in: folder.url)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try sqlite3(archive, "SELECT country, founded, description IS NULL FROM designers WHERE slug = 'celine'") == "France|1945|1\n")
        let before = try archiveContent(archive)
        for (arguments, message) in [
            (["--set", "founded=19x5"], "--set: founded: expected a whole number, found \"19x5\""),
            (["--set", "contry=France"], "--set: contry: unknown field for designers; did you mean \"country\"?"),
            (["--set", "sources=x"], "--set: sources: is a list of relations, which --set cannot write: edit it with `archive edit designers celine`"),
            (["--set", "kind=shop"], "--set: kind: "),
            (["--set", "slug=michael-rider"], "--set: slug: \"michael-rider\" is the slug of another designer already: choose another"),
        ] {
            let refused = try run(["edit", "celine"] + arguments, in: folder.url)
            #expect(refused.status == 65, "\(arguments)")
            #expect(refused.stderr.hasPrefix(message), "\(refused.stderr)")
            #expect(refused.stderr.hasSuffix("archive: designers celine was not changed\n"))
        }
        #expect(try run(["edit", "celine", "--set", "country"], in: folder.url).status == 64)
        #expect(try archiveContent(archive) == before)
        #expect(try run(["edit", "celine", "--set", "country=France"], in: folder.url).stderr == "designers celine is as it was: nothing was written\n")
        #expect(try changeCount() == "2\n")
        // As in a CSV cell: the export's formula guard is undone ('=SUM(A1) is =SUM(A1)), as an import of the cell does.
        #expect(try run(["edit", "celine", "--set", "country='=SUM(A1)", "--set", "description='not a formula"], in: folder.url).status == 0)
        #expect(try sqlite3(archive, "SELECT country, description FROM designers WHERE slug = 'celine'") == "=SUM(A1)|'not a formula\n")
    }
}
