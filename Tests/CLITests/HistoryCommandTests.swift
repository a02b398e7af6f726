// `archive delete`, `archive undo` and `archive history` end to end: a delete and its undo leave the archive as it
// was, a cited source is refused, an undo that a later change overlaps is refused and names that change.
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct HistoryCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    private func content() throws -> String { try archiveContent(folder.path("archive.sqlite")) }

    @Test func aDeleteAndItsUndoLeaveTheArchiveAsItWas() throws {
        let before = try content()
        let dry = try run(["delete", "celine", "--dry-run"], in: folder.url)
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("designers celine and 5 relation rows:\n  designer_affiliations: michael-rider (creative_director)\n"))
        #expect(try content() == before)
        let deleted = try run(["delete", "celine", "--yes", "--by", "curator"], in: folder.url)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stderr.hasSuffix("deleted as change 2; `archive undo 2` puts it back\n"))
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT count(*) FROM designers WHERE slug = 'celine'; SELECT count(*) FROM collection_designers WHERE designer_id NOT IN (SELECT id FROM designers)") == "0\n0\n")
        #expect(try run(["check"], in: folder.url).status == 0)
        let history = try run(["history"], in: folder.url)
        #expect(history.stdout.hasPrefix("2  ") && history.stdout.contains("curator  delete designers celine"))
        let undone = try run(["undo"], in: folder.url)
        #expect(undone.status == 0)
        #expect(try content() == before)
        #expect(try run(["check"], in: folder.url).status == 0)
        #expect(try run(["search", "celine", "--in", "designers"], in: folder.url).stdout.contains("celine "))
        // The undo is a change: undoing it deletes again; the record's history lists all three.
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT count(*) FROM designers WHERE slug = 'celine'") == "0\n")
        let json = try run(["history", "celine", "--format", "json"], in: folder.url)
        let changes = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        // (The seeds' import, change 1, logged the rows it added by rowid, without copies: not listed per record.)
        #expect(changes?.map { $0["id"] as? Int } == [4, 3, 2])
        #expect(try run(["undo", "2"], in: folder.url).stderr.contains("change 2 (delete designers celine) was undone already, by change 3"))
    }

    /// `--by $'evil\n\x1b[31mred'` forged a second history line and sent ESC to the terminal: who and what are
    /// written as escapes, on the change's one line; JSON keeps them exact.
    @Test func whoAndWhatAreWrittenOnOneLineWithoutTerminalControls() throws {
        let actor = "evil\n\u{1B}[31mred\u{7}"
        let deleted = try run(["delete", "celine", "--yes", "--by", actor], in: folder.url)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let history = try run(["history"], in: folder.url)
        #expect(history.status == 0)
        #expect(!history.stdout.contains("\u{1B}") && !history.stdout.contains("\u{7}"))
        let line = try #require(history.stdout.split(separator: "\n").first { $0.hasPrefix("2  ") })
        #expect(line.contains("evil\\n\\u{1B}[31mred\\u{7}  delete designers celine"), "\(line)")
        #expect(!history.stdout.split(separator: "\n").contains { $0.hasPrefix("[31mred") || $0 == "red" })
        let json = try run(["history", "--format", "json"], in: folder.url)
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(changes.contains { $0["by"] as? String == actor || $0["made_by"] as? String == actor }, "\(json.stdout.prefix(400))")
    }

    @Test func aCitedSourceOrAnUnconfirmedDeleteIsRefusedAndChangesNothing() throws {
        let before = try content()
        let cited = try run(["delete", "balletcore-derby-article-2025", "--yes"], in: folder.url)
        #expect(cited.status == 65)
        #expect(cited.stderr.hasPrefix("archive: sources balletcore-derby-article-2025 cannot be deleted: it is still cited ("))
        let unconfirmed = try run(["delete", "celine"], in: folder.url) // stdin is a pipe, not a terminal
        #expect(unconfirmed.status == 64)
        #expect(try run(["delete", "nobody", "--yes"], in: folder.url).status == 66)
        #expect(try content() == before)
        let history = try run(["history", "--format", "json"], in: folder.url)
        #expect((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [Any])?.count == 1) // the seeds only
    }

    @Test func anUndoThatALaterChangeOverlapsIsRefusedAndNamesIt() throws {
        let before = try content()
        #expect(try run(["delete", "michael-rider", "--yes"], in: folder.url).status == 0) // change 2: takes his affiliation with Celine
        #expect(try run(["delete", "celine", "--yes"], in: folder.url).status == 0) // change 3
        let refused = try run(["undo", "2"], in: folder.url)
        #expect(refused.status == 65)
        #expect(refused.stderr == "archive: cannot undo change 2: change 3 touched designers celine since; undo change 3 first\n")
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        #expect(try run(["undo", "2"], in: folder.url).status == 0)
        #expect(try content() == before)
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func anImportAndItsUndoLeaveTheArchiveAsItWas() throws {
        let history = try run(["history", "--format", "json"], in: folder.url)
        let seeded = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
        #expect(seeded?.first?["command"] as? String == "import seeds") // the seeds' import is change 1
        let before = try content()
        try Data("slug,name,description\nceline,Celine,A wrong description\nnew-house,New House,\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv", "--by", "intern"], in: folder.url).status == 0)
        let record = try run(["history", "celine"], in: folder.url).stdout
        #expect(record.contains("intern  import designers.csv"))
        #expect(record.contains("description  House that put the slim-soled derby in the spotli…  →  A wrong description"))
        let undone = try run(["undo"], in: folder.url)
        #expect(undone.stderr == "change 2 undone, as change 3 (`archive undo 3` redoes it)\n")
        #expect(try content() == before)
        #expect(try run(["check"], in: folder.url).status == 0)
        // Importing what is already there, or a dry run, is no change.
        #expect(try run(["import", "seeds"], in: folder.url).status == 0)
        #expect(try run(["import", "designers.csv", "--dry-run"], in: folder.url).status == 0)
        let after = try JSONSerialization.jsonObject(with: Data(try run(["history", "--format", "json"], in: folder.url).stdout.utf8)) as? [[String: Any]]
        #expect(after?.count == 3)
    }

    @Test func anUpdateLogsWhatItWroteAsAFingerprintAndTheHistoryShowsTheValueWhereItIsNow() throws {
        let archive = folder.path("archive.sqlite")
        try Data("slug,name,description\nceline,Celine,A “wrong” description — twice\n".utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0) // change 2
        // The log keeps the description before (and the slug, which names the record), and of the one written only a
        // fingerprint; the slug, unchanged, not again.
        #expect(try sqlite3(archive, """
            SELECT json_extract(before, '$.description') LIKE 'House that put%', json_extract(before, '$.slug'),
                   json_extract(after, '$.description') IS NULL, json_type(after, '$."#".description'), json_type(after, '$.slug') IS NULL
            FROM change_rows WHERE change_id = 2 AND action = 'updated'
            """) == "1|celine|1|integer|1\n")
        // After: from the record as it is now, then from the next change's before-image once another changed it.
        #expect(try run(["history", "celine"], in: folder.url).stdout.contains("→  A “wrong” description — twice"))
        #expect(try run(["edit", "celine", "--set", "description=Third"], in: folder.url).status == 0) // change 3
        let both = try run(["history", "celine"], in: folder.url).stdout
        #expect(both.contains("A “wrong” description — twice  →  Third"))
        #expect(both.contains("House that put the slim-soled derby in the spotli…  →  A “wrong” description — twice"))
        // A value changed outside the history no longer matches its fingerprint, and is said to be so.
        _ = try sqlite3(archive, "UPDATE designers SET description = 'By hand' WHERE slug = 'celine'")
        #expect(try run(["history", "celine"], in: folder.url).stdout.contains("A “wrong” description — twice  →  (changed since, outside the history)"))
        let refused = try run(["undo", "3"], in: folder.url)
        #expect(refused.status == 65 && refused.stderr.contains("has changed since, outside the history"))
        _ = try sqlite3(archive, "UPDATE designers SET description = 'Third' WHERE slug = 'celine'")
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        #expect(try run(["undo", "2"], in: folder.url).status == 0)
        #expect(try sqlite3(archive, "SELECT description LIKE 'House that put%' FROM designers WHERE slug = 'celine'") == "1\n")
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func anImportLogsItsUpdatesExactlyAsAnEditsTriggersDo() throws {
        // An import logs the rows it updates itself (UpdateLog), an edit by ChangeLog's triggers: the same change
        // gives the same log rows, byte for byte, NULL → text, NULL → integer and text → text with quotes, a dash
        // and a tab among them.
        let description = "A “new” description — with\ta tab"
        try Data("slug,name,country,founded,description\nceline,Celine,France,1945,\"\(description)\"\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0)
        let edited = try TemporaryFolder()
        try SeededArchive.copy(into: edited)
        #expect(try run(["edit", "celine", "--set", "country=France", "--set", "founded=1945", "--set", "description=\(description)"],
                        in: edited.url).status == 0)
        let logged = "SELECT table_name, row_id, action, before, after FROM change_rows WHERE change_id = 2 ORDER BY id"
        let imported = try sqlite3(folder.path("archive.sqlite"), logged)
        #expect(imported.contains(#""country":null,"founded":null,"description":"House"#) && imported.contains(##"{"#":{"country":"##))
        #expect(imported == (try sqlite3(edited.path("archive.sqlite"), logged)))
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT country IS NULL, founded IS NULL, description LIKE 'House that put%' FROM designers WHERE slug = 'celine'") == "1|1|1\n")
    }

    @Test func anEditThatRenamesAndSetsAFieldShowsBothBeforeAndAfter() throws {
        #expect(try run(["edit", "celine", "--set", "slug=celine-paris", "--set", "description=Nouveau — “x”"], in: folder.url).status == 0)
        let history = try run(["history", "celine-paris"], in: folder.url).stdout
        #expect(history.contains("slug         celine"))
        #expect(history.contains("→  celine-paris"))
        #expect(history.contains("description  House that put the slim-soled derby in the spotli…  →  Nouveau — “x”"))
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try run(["show", "celine"], in: folder.url).status == 0)
    }

    @Test func aLogWrittenBeforeFingerprintsWithTheValuesThemselvesStillUndoes() throws {
        let archive = folder.path("archive.sqlite")
        try Data("slug,name,description\nceline,Celine,A wrong description\n".utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0) // change 2
        // The after-image as the log wrote it before it kept fingerprints: the values themselves.
        _ = try sqlite3(archive, "UPDATE change_rows SET after = json_object('slug', 'celine', 'description', 'A wrong description') WHERE change_id = 2 AND action = 'updated'")
        #expect(try run(["history", "celine"], in: folder.url).stdout.contains("→  A wrong description"))
        _ = try sqlite3(archive, "UPDATE designers SET description = 'By hand' WHERE slug = 'celine'")
        #expect(try run(["undo"], in: folder.url).status == 65)
        _ = try sqlite3(archive, "UPDATE designers SET description = 'A wrong description' WHERE slug = 'celine'")
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try sqlite3(archive, "SELECT description LIKE 'House that put%' FROM designers WHERE slug = 'celine'") == "1\n")
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func anImportsUndoIsRefusedWhenALaterChangeTouchedItsRows() throws {
        try Data("slug,name,description\nceline,Celine,A wrong description\n".utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0) // change 2
        #expect(try run(["delete", "celine", "--yes"], in: folder.url).status == 0) // change 3
        let refused = try run(["undo", "2"], in: folder.url)
        #expect(refused.status == 65)
        #expect(refused.stderr == "archive: cannot undo change 2: change 3 touched designers celine since; undo change 3 first\n")
    }

    @Test func anImportsUndoIsRefusedWhileALaterImportLinksToWhatItAdded() throws {
        try Data("slug,name,kind\nnew-house,New House,house\n".utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0) // change 2 adds new-house
        try Data("collection,designer,role\nceline-ss-2026,new-house,collaborator\n".utf8).write(to: URL(fileURLWithPath: folder.path("collection_designers.csv")))
        #expect(try run(["import", "collection_designers.csv"], in: folder.url).status == 0) // change 3 links to it
        let refused = try run(["undo", "2"], in: folder.url)
        #expect(refused.status == 65)
        #expect(refused.stderr == "archive: cannot undo change 2: 1 collection_designers rows added since refer to the designers it added; undo change 3 first\n")
        #expect(try sqlite3(folder.path("archive.sqlite"), "SELECT count(*) FROM collection_designers WHERE role = 'collaborator' AND designer_id = (SELECT id FROM designers WHERE slug = 'new-house')") == "1\n")
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        #expect(try run(["undo", "2"], in: folder.url).status == 0)
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func importsUndoneInReverseOrderAndAnImportThatPointsARowAtANewRecord() throws {
        let before = try content()
        try Data("slug,name\nicon-a,Icon A\n".utf8).write(to: URL(fileURLWithPath: folder.path("a.csv")))
        try Data("slug,name\nicon-b,Icon B\n".utf8).write(to: URL(fileURLWithPath: folder.path("b.csv")))
        #expect(try run(["import", "a.csv", "--table", "icons"], in: folder.url).status == 0) // change 2
        #expect(try run(["import", "b.csv", "--table", "icons"], in: folder.url).status == 0) // change 3
        #expect(try run(["undo", "3"], in: folder.url).status == 0)
        let a = try run(["undo", "2"], in: folder.url)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(try content() == before)
        // An import that adds a source and points an existing relation row at it undoes whole.
        try Data("slug,title\nnew-source,A new source\n".utf8).write(to: URL(fileURLWithPath: folder.path("sources.csv")))
        try Data("icon,shoe,relation,era,source\nkate-moss,ballet-flats,popularised,2010s,new-source\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path("icon_shoes.csv")))
        try FileManager.default.createDirectory(atPath: folder.path("both"), withIntermediateDirectories: true)
        for name in ["sources.csv", "icon_shoes.csv"] { try FileManager.default.moveItem(atPath: folder.path(name), toPath: folder.path("both/" + name)) }
        #expect(try run(["import", "both"], in: folder.url).status == 0)
        let undone = try run(["undo"], in: folder.url)
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(try content() == before)
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func pruneDropsOldRowCopiesKeepsTheChangesListedAndRefusesTheirUndo() throws {
        let archive = folder.path("archive.sqlite")
        #expect(try run(["delete", "celine", "--yes"], in: folder.url).status == 0) // change 2
        #expect(try run(["undo"], in: folder.url).status == 0) // change 3
        let rows = try sqlite3(archive, "SELECT count(*) FROM change_rows")
        let dry = try run(["history", "--prune", "2999-01-01", "--dry-run"], in: folder.url)
        #expect(dry.status == 0)
        #expect(dry.stderr.hasPrefix("would drop the row copies of 3 changes (up to change 3): \(rows.dropLast()) rows, "), "\(dry.stderr)")
        #expect(dry.stderr.hasSuffix("; dry run: nothing was dropped\n"))
        #expect(try sqlite3(archive, "SELECT count(*) FROM change_rows") == rows)
        #expect(try run(["history", "--prune", "2000-01-01"], in: folder.url).stderr == "no change made before 2000-01-01 holds row copies: nothing to prune\n")
        #expect(try run(["history", "--prune", "2026-02-30T25:00:00Z"], in: folder.url).status == 65)
        #expect(try run(["history", "--prune", "2000-01-01", "celine"], in: folder.url).status == 64)
        let pruned = try run(["history", "--prune", "2999-01-01"], in: folder.url)
        #expect(pruned.stderr.hasPrefix("dropped the row copies of 3 changes (up to change 3): "), "\(pruned.stderr)")
        #expect(try sqlite3(archive, "SELECT count(*) FROM change_rows; SELECT count(*) FROM changes WHERE pruned_at IS NOT NULL") == "0\n3\n")
        // Still listed, with their counts; no longer undoable.
        let history = try run(["history"], in: folder.url)
        #expect(history.stdout.contains("delete designers celine (undone by 3) (pruned "))
        #expect(history.stdout.contains("designers              deleted  1") || history.stdout.contains("designers  deleted  1"), "\(history.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try run(["history", "--format", "json"], in: folder.url).stdout.utf8)) as? [[String: Any]]
        #expect(json?.allSatisfy { $0["pruned_at"] is String } == true)
        #expect(((json?.last?["rows"] as? [[String: Any]])?.count ?? 0) > 0)
        let refused = try run(["undo"], in: folder.url)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("archive: change 3 (undo 2 (delete designers celine)) cannot be undone: its row images were pruned at "))
        #expect(try run(["check"], in: folder.url).status == 0)
        // A change made after the prune is undoable as ever.
        #expect(try run(["edit", "celine", "--set", "country=France"], in: folder.url).status == 0)
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try sqlite3(archive, "SELECT country IS NULL FROM designers WHERE slug = 'celine'") == "1\n")
    }

    @Test func aSIGKILLInsideAnUndoLeavesTheArchiveAsBeforeTheUndo() throws {
        let archive = folder.path("archive.sqlite")
        let seeds = try content()
        var csv = "slug,name,description\n"
        for number in 0..<30_000 { csv += "designer-\(number),Designer \(number),A maker of fine shoes — tulle and satin — number \(number)\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0) // change 2
        let imported = try content()
        let probe = try LockProbe(archive)
        let undo = try start(["undo"], in: folder.url)
        // Killed only once it is certainly inside its transaction: stopped while holding the write lock, and
        // still holding it while stopped.
        var killedInside = false
        while undo.isRunning && !killedInside {
            guard try probe.isLocked() else { continue }
            kill(undo.processIdentifier, SIGSTOP)
            if try probe.isLocked() {
                kill(undo.processIdentifier, SIGKILL)
                killedInside = true
            } else {
                kill(undo.processIdentifier, SIGCONT)
            }
        }
        undo.waitUntilExit()
        try #require(killedInside, "the undo ended before it could be stopped inside its transaction")
        #expect(undo.terminationReason == .uncaughtSignal)
        #expect(try content() == imported)
        #expect(try run(["check"], in: folder.url).status == 0)
        #expect(try sqlite3(archive, "SELECT count(*) FROM changes") == "2\n")
        // The undo, run again, completes.
        #expect(try run(["undo"], in: folder.url).status == 0)
        #expect(try content() == seeds)
    }

    @Test func anUndoIsRefusedWhenALaterEditOrAToolOutsideTheHistoryChangedItsRowsAndARedoWorks() throws {
        let archive = folder.path("archive.sqlite")
        try Data("slug,name,description\nceline,Celine,A wrong description\n".utf8).write(to: URL(fileURLWithPath: folder.path("designers.csv")))
        #expect(try run(["import", "designers.csv"], in: folder.url).status == 0) // change 2
        #expect(try run(["edit", "celine", "--set", "country=France"], in: folder.url).status == 0) // change 3, another field
        let later = try run(["undo", "2"], in: folder.url)
        #expect(later.stderr == "archive: cannot undo change 2: change 3 touched designers celine since; undo change 3 first\n")
        #expect(try run(["undo", "3"], in: folder.url).status == 0) // change 4
        _ = try sqlite3(archive, "UPDATE designers SET description = 'Changed by hand' WHERE slug = 'celine'")
        let outside = try run(["undo", "2"], in: folder.url)
        #expect(outside.status == 65)
        #expect(outside.stderr == "archive: cannot undo change 2: designers celine has changed since, outside the history (with sqlite3 or another tool); nothing was changed\n")
        #expect(try sqlite3(archive, "SELECT description FROM designers WHERE slug = 'celine'") == "Changed by hand\n")
        _ = try sqlite3(archive, "UPDATE designers SET description = 'A wrong description' WHERE slug = 'celine'")
        #expect(try run(["undo", "2"], in: folder.url).status == 0) // change 5
        #expect(try sqlite3(archive, "SELECT description FROM designers WHERE slug = 'celine'").hasPrefix("House that put"))
        #expect(try run(["undo", "5"], in: folder.url).status == 0) // redo
        #expect(try sqlite3(archive, "SELECT description, country IS NULL FROM designers WHERE slug = 'celine'") == "A wrong description|1\n")
        #expect(try run(["check"], in: folder.url).status == 0)
    }

    @Test func anUndoLeavesRowsAddedOutsideTheHistoryAlone() throws {
        let archive = folder.path("archive.sqlite")
        try Data("slug,name\nicon-a,Icon A\n".utf8).write(to: URL(fileURLWithPath: folder.path("a.csv")))
        try Data("slug,name\nicon-b,Icon B\n".utf8).write(to: URL(fileURLWithPath: folder.path("b.csv")))
        #expect(try run(["import", "a.csv", "--table", "icons"], in: folder.url).status == 0) // change 2
        #expect(try run(["import", "b.csv", "--table", "icons", "--no-history"], in: folder.url).status == 0) // no change
        _ = try sqlite3(archive, "INSERT INTO icons (slug, name) VALUES ('icon-c', 'Icon C')")
        #expect(try sqlite3(archive, "SELECT count(*) FROM changes") == "2\n")
        let undone = try run(["undo"], in: folder.url)
        #expect(undone.stderr == "change 2 undone, as change 3 (`archive undo 3` redoes it)\n")
        #expect(try sqlite3(archive, "SELECT group_concat(slug, ' ') FROM (SELECT slug FROM icons WHERE slug LIKE 'icon-_' ORDER BY slug)") == "icon-b icon-c\n")
        #expect(try run(["check"], in: folder.url).status == 0)
    }
}
