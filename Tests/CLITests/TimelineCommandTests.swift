// `archive timeline` as a table for people: the same aligned table as when every fact was held in memory, now
// written as the facts are read (twice: once for the columns' widths), so that memory stays flat.
import ArchiveCore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct TimelineCommandTests {
    let folder: TemporaryFolder
    init() throws {
        folder = try TemporaryFolder()
        try SeededArchive.copy(into: folder)
    }

    /// The table as `alignedTable` made it from every fact at once, rebuilt here from the JSON of the same facts:
    /// cells on one line, control characters escaped, each column as wide as its widest cell, no trailing spaces.
    private func expectedTable(_ arguments: [String]) throws -> String {
        let json = try run(["timeline"] + arguments + ["--format", "json"], in: folder.url)
        try #require(json.status == 0, "\(json.stderr)")
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let rows = [["when", "kind", "slug", "name", "event", "with", "source"]] + facts.map { fact in
            let text = { (key: String) in fact[key] as? String ?? "" }
            return [text("when"), text("kind"), text("slug"), text("name"), text("event"),
                    fact["other"] is String ? text("other_kind") + " " + text("other") : "", fact["source"] is String ? "[\(text("source"))]" : ""]
        }
        let cells = rows.map { row in
            row.map { String($0.map { "\n\r\t".contains($0) || $0 == "\r\n" ? " " : $0 }).escapingControlCharacters }
        }
        let widths = (0..<7).map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            var line = zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    @Test func theTableIsTheAlignedTableOfEveryFact() throws {
        for arguments in [[], ["balletcore"], ["--from", "2020"], ["--from", "3000"]] {
            let table = try run(["timeline"] + arguments, in: folder.url)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout == (try expectedTable(arguments)), "timeline \(arguments)")
        }
        #expect(try run(["timeline", "--from", "3000"], in: folder.url).stderr == "no dated facts\n")
    }

    @Test func longAndUnicodeValuesAreAlignedAsBefore() throws {
        let archive = folder.path("archive.sqlite")
        let long = String(repeating: "Très longue collection ", count: 12)
        _ = try sqlite3(archive, """
            INSERT INTO collections(slug, title, year, season) VALUES
              ('long-one', '\(long)', 1999, 'AW'),
              ('accents', 'Cafe' || char(769) || ' 👗 Ballerina 芭蕾', 1832, NULL),
              ('controls', 'two' || char(10) || 'lines' || char(9) || 'tab' || char(27) || '[31mred' || char(13) || char(10) || 'end', 2001, 'SS');
            INSERT INTO designers(slug, name, kind, founded, born) VALUES ('umlaut-house', 'Ümlaut ﬁne house' || char(127), 'house', 1901, NULL);
            """)
        let table = try run(["timeline"], in: folder.url)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == (try expectedTable([])))
        #expect(table.stdout.contains(long.trimmingCharacters(in: .whitespaces)))
        #expect(table.stdout.contains("two lines tab\\u{1B}[31mred end"))
    }

    @Test func aLongTimelineIsWrittenInBoundedMemory() throws {
        // 100,000 collections, one fact each: held at once, they took 160 MB as a table and 80 MB as CSV.
        _ = try sqlite3(folder.path("archive.sqlite"), """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
            INSERT INTO collections(slug, title, year, season) SELECT 'c-' || i, 'Collection number ' || i, 1800 + i % 220, 'SS' FROM n
            """)
        for format in ["table", "csv"] {
            let (kibibytes, lines) = try peakMemory(["timeline", "--format", format])
            #expect(lines > 100_000)
            #expect(kibibytes < 50 * 1024, "timeline --format \(format) peaked at \(kibibytes / 1024) MB")
        }
    }

    /// The archive binary's peak resident size in KiB, and the lines it wrote. Measured by wait4 on a child that
    /// Python forks: a child of the test process itself would count the test runner's own peak, which exec
    /// folds into it (Benchmarks/run.py says more); Python's own ~10 MB is counted instead.
    private func peakMemory(_ arguments: [String]) throws -> (kibibytes: Int, lines: Int) {
        let launcher = """
            import os, sys
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.dup2(write, 1)
                os.execv(sys.argv[1], sys.argv[1:])
            os.close(write)
            lines = 0
            with os.fdopen(read, "rb") as output:
                for chunk in iter(lambda: output.read(1 << 16), b""):
                    lines += chunk.count(b"\\n")
            _, status, usage = os.wait4(pid, 0)
            print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, lines)
            """
        let result = try run(["python3", "-c", launcher, ArchiveBinary.url.path] + arguments, in: folder.url,
                             executable: URL(fileURLWithPath: "/usr/bin/env"))
        let numbers = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 3 && numbers[0] == 0, "\(arguments) failed: \(result.stdout) \(result.stderr)")
        return (numbers[1], numbers[2])
    }
}
