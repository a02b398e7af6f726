// Binding and reading every type exactly, by index and by name; lazy iteration; the statement cache.
import ArchiveTestSupport
import ArchiveStorage
import Testing

@Suite struct StatementTests {
    let db: Database
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        db = try folder.database()
        try db.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB)")
    }

    @Test func bindsAndReadsEveryType() throws {
        let blob: [UInt8] = [0, 1, 2, 0xFF, 0, 0x80]
        try db.execute("INSERT INTO v (i, r, t, b) VALUES (?, ?, ?, ?)", [Int64.max, -0.5, "text", blob])
        try db.execute("INSERT INTO v (i, r, t, b) VALUES (?, ?, ?, ?)", [Int64.min, Double.greatestFiniteMagnitude, "", [UInt8]()])
        let statement = try db.prepare("SELECT i, r, t, b FROM v ORDER BY id")
        let first = try #require(try statement.next())
        #expect(first.int64(at: 0) == Int64.max)
        #expect(first.double(at: 1) == -0.5)
        #expect(first.string(at: 2) == "text")
        #expect(first.blob(at: 3) == blob)
        #expect(first.value(at: 3) == .blob(blob))
        let second = try #require(try statement.next())
        #expect(second.int64(at: 0) == Int64.min)
        #expect(second.double(at: 1) == Double.greatestFiniteMagnitude)
        #expect(second.value(at: 2) == .text(""))
        #expect(second.value(at: 3) == .blob([]))
        #expect(try statement.next() == nil)
    }

    @Test func nullIsNotTheEmptyString() throws {
        try db.execute("INSERT INTO v (t) VALUES (?)", [String?.none])
        try db.execute("INSERT INTO v (t) VALUES (?)", [""])
        let statement = try db.prepare("SELECT t, typeof(t) FROM v ORDER BY id")
        let null = try #require(try statement.next())
        #expect(null.isNull(at: 0))
        #expect(null.string(at: 0) == nil)
        #expect(null.string(at: 1) == "null")
        let empty = try #require(try statement.next())
        #expect(!empty.isNull(at: 0))
        #expect(empty.string(at: 0) == "")
        #expect(empty.string(at: 1) == "text")
    }

    @Test(arguments: [
        "Céline, Hermès, Saint Laurent — “Zizi” ‘derby’",
        "emoji 🩰👞✨ and flags 🇫🇷",
        "CJK 芭蕾舞 and Cyrillic балет, Arabic باليه",
        "combining e\u{301} vs precomposed \u{E9}",
        "quotes \" ' and backslash \\ and tab\tand\r\nCRLF",
        "'); DROP TABLE v; --",
    ])
    func unicodeTextRoundTripsExactly(text: String) throws {
        try db.execute("INSERT INTO v (t) VALUES (?)", [text])
        let stored: String? = try db.fetchOne("SELECT t FROM v WHERE id = ?", [db.lastInsertRowID])
        #expect(stored == text)
        #expect(Array(stored?.utf8 ?? "".utf8) == Array(text.utf8))
        let bytes: Int64? = try db.fetchOne("SELECT length(CAST(t AS BLOB)) FROM v WHERE id = ?", [db.lastInsertRowID])
        #expect(bytes == Int64(text.utf8.count))
        #expect(try db.fetchOne("SELECT count(*) FROM sqlite_schema WHERE name = 'v'") == Int64(1))
    }

    @Test func hugeFieldsRoundTrip() throws {
        let text = String(repeating: "tulle, ", count: 300_000) // about 2 MB
        let blob = [UInt8]((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try db.execute("INSERT INTO v (t, b) VALUES (?, ?)", [text, blob])
        let statement = try db.prepare("SELECT t, b FROM v")
        let row = try #require(try statement.next())
        #expect(row.string(at: 0) == text)
        #expect(row.blob(at: 1) == blob)
    }

    @Test func bindsByNameWithAnyPrefix() throws {
        let insert = try db.prepare("INSERT INTO v (i, t, r) VALUES (:count, @label, $ratio)")
        try insert.bind(3, named: "count")
        try insert.bind("three", named: "@label")
        try insert.bind(0.75, named: "ratio")
        try insert.run()
        let statement = try db.prepare("SELECT i AS count, t AS label, r FROM v")
        let row = try #require(try statement.next())
        #expect(try row.int64(named: "count") == 3)
        #expect(try row.string(named: "LABEL") == "three") // column names compare as SQLite does
        #expect(try row.double(named: "r") == 0.75)
        #expect(throws: DatabaseError.self) { try row.string(named: "missing") }
        #expect(throws: DatabaseError.self) { try insert.bind(1, named: "nope") }
    }

    @Test func bindsADictionaryOfNamedValues() throws {
        let insert = try db.prepare("INSERT INTO v (i, t) VALUES (:i, :t)")
        try insert.bind(["i": 5, "t": "five"])
        try insert.run()
        #expect(try db.fetchOne("SELECT t FROM v WHERE i = 5") == "five")
    }

    @Test func theWrongNumberOfArgumentsIsAnError() throws {
        let error = try #require(throws: DatabaseError.self) { try db.execute("INSERT INTO v (i, t) VALUES (?, ?)", [1]) }
        #expect(error.message.contains("takes 2 arguments, not 1"))
    }

    @Test func sqlHoldingTwoStatementsIsRejected() throws {
        let error = try #require(throws: DatabaseError.self) { try db.prepare("SELECT 1; DROP TABLE v") }
        #expect(error.message.contains("more than one statement"))
        #expect(try db.fetchOne("SELECT count(*) FROM v") == Int64(0)) // the table is still there
        // Trailing white space and comments are not a second statement.
        _ = try db.prepare("SELECT 1;  -- comment\n /* block */ ")
    }

    @Test func rowsAreReadOneAtATime() throws {
        let insert = try db.prepare("INSERT INTO v (i) VALUES (?)")
        for value in 1...1_000 {
            insert.reset()
            try insert.bind([value])
            try insert.run()
        }
        let statement = try db.prepare("SELECT i FROM v ORDER BY i")
        var seen = 0
        while let row = try statement.next() {
            seen += 1
            #expect(row.int(at: 0) == seen)
            if seen == 10 { break } // stopping early is fine: nothing was copied ahead
        }
        #expect(seen == 10)
        statement.reset()
        var sum: Int64 = 0
        try statement.forEachRow { sum += $0.int64(at: 0) ?? 0 }
        #expect(sum == 500_500)
    }

    @Test func typedSubscriptConvertsOrGivesNil() throws {
        try db.execute("INSERT INTO v (i, t) VALUES (1, 'one')")
        let statement = try db.prepare("SELECT i, t, r FROM v")
        let row = try #require(try statement.next())
        #expect(row[0, as: Int.self] == 1)
        #expect(row[1, as: String.self] == "one")
        #expect(row[1, as: Int.self] == nil) // text is not silently an integer
        #expect(row[2, as: Double.self] == nil) // NULL
        #expect(row.count == 3)
    }

    @Test func constraintErrorsSurfaceAtStep() throws {
        try db.execute("CREATE TABLE u (slug TEXT NOT NULL UNIQUE)")
        let insert = try db.prepare("INSERT INTO u VALUES (?)")
        try insert.bind(["repetto"])
        try insert.run()
        insert.reset()
        let error = try #require(throws: DatabaseError.self) { try insert.run() }
        #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        #expect(insert.hasFailed)
    }

    @Test func theCacheReusesStatementsAndReplacesOneThatFailed() throws {
        try db.execute("CREATE TABLE u (slug TEXT NOT NULL UNIQUE)")
        let sql = "INSERT INTO u VALUES (?)"
        let first = try db.cachedStatement(sql)
        #expect(try db.cachedStatement(sql) === first)
        try db.execute(sql, ["celine"])
        #expect(try db.cachedStatement(sql) === first)
        #expect(throws: DatabaseError.self) { try db.execute(sql, ["celine"]) }
        let replacement = try db.cachedStatement(sql)
        #expect(replacement !== first)
        #expect(!replacement.hasFailed)
        try db.execute(sql, ["berluti"])
        #expect(try db.fetchOne("SELECT count(*) FROM u") == Int64(2))
    }

    @Test func cachedStatementsComeBackResetAndCleared() throws {
        try db.execute("INSERT INTO v (i) VALUES (1), (2)")
        let select = try db.cachedStatement("SELECT i FROM v WHERE i >= ? ORDER BY i")
        try select.bind([1])
        _ = try select.step() // left mid-result on purpose
        let again = try db.cachedStatement("SELECT i FROM v WHERE i >= ? ORDER BY i")
        #expect(again === select)
        #expect(try again.step() == false) // the parameter was cleared to NULL: no row matches
    }
}
