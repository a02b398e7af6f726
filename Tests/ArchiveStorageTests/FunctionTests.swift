// SQL functions written in Swift: each storage class reaches them and comes back as it was.
import ArchiveTestSupport
import ArchiveStorage
import Testing

@Suite struct FunctionTests {
    @Test func aFunctionGetsAndGivesEveryStorageClassExactly() throws {
        let folder = try TemporaryFolder()
        let db = try folder.database()
        try db.addFunction("echo") { $0 }
        try db.addFunction("kind") { value in
            switch value {
            case .null: .text("null")
            case .integer: .text("integer")
            case .real: .text("real")
            case .text: .text("text")
            case .blob: .text("blob")
            }
        }
        let rows = try db.prepare("""
            SELECT typeof(echo(v)), kind(v), echo(v) IS v FROM (SELECT NULL AS v UNION ALL SELECT 2019 UNION ALL SELECT 1.5
              UNION ALL SELECT '' UNION ALL SELECT 'Céline — “haute” 🩰' UNION ALL SELECT x'' UNION ALL SELECT x'00ff10')
            """)
        var seen: [String] = []
        while let row = try rows.next() {
            #expect(row.string(at: 0) == row.string(at: 1))
            #expect(row.int64(at: 2) == 1)
            seen.append(row.string(at: 1) ?? "")
        }
        #expect(seen == ["null", "integer", "real", "text", "text", "blob", "blob"])
        // A function belongs to its connection: another one (another tool) does not have it.
        let other = try folder.database()
        #expect(throws: DatabaseError.self) { try other.execute("SELECT echo(1)") }
    }
}
