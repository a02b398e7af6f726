// Dates as written, and the years they mean: every rule of DateText, then the share of the museum files' real
// date texts it reads, with a random sample checked by hand (the table below was read against the texts).
@testable import ArchiveCore
import Foundation
import Testing

@Suite struct DateTextTests {
    @Test(arguments: [
        ("1986", 1986, 1986), ("ca. 1880", 1875, 1885), ("c. 1880", 1875, 1885), ("about 1900", 1895, 1905), ("circa 1770", 1765, 1775),
        ("1860–1870", 1860, 1870), ("1860-70", 1860, 1870), ("2009–12", 2009, 2012), ("1959-60", 1959, 1960), ("ca. 1920–40", 1915, 1945),
        ("1780's - 1790's", 1780, 1799), ("1970s", 1970, 1979), ("1980's", 1980, 1989), ("mid 1970's", 1973, 1975), ("early 1960's", 1960, 1962),
        ("late 1800s", 1866, 1899), ("1800s", 1800, 1899), ("early 1900s", 1900, 1932), ("about 1950s", 1950, 1959),
        ("19th century", 1800, 1899), ("20th Century", 1900, 1999), ("early 20th century", 1900, 1932), ("mid-18th century", 1733, 1765),
        ("late 18th century", 1766, 1799), ("16th–17th century", 1500, 1699), ("late 16th–early 17th century", 1566, 1632),
        ("3rd–4th century", 200, 399), ("1st century", 1, 99), ("2nd quarter 19th century", 1825, 1849), ("first half of the 19th century", 1800, 1849),
        ("13th or 14th century", 1200, 1399), ("1760s or 1770s", 1760, 1779), ("1920s, 1930s", 1920, 1939), ("Spring/Summer 1997", 1997, 1997),
        ("1500 B.C.", -1500, -1500), ("ca. 1500 BC", -1505, -1495), ("5th century BC", -500, -401), ("300–100 BC", -300, -100),
        ("20C.", 1900, 1999), ("19-20C.", 1800, 1999), ("18th c", 1700, 1799), ("1st quarter of 20C.", 1900, 1924), ("1983/84", 1983, 1984),
        ("1940s–60s", 1940, 1969), ("mid–late 18th century", 1733, 1799), ("early to mid 1900s", 1900, 1965), ("mid to late 1800s", 1833, 1899),
        ("possibly 17th century", 1600, 1699), ("designed 1883", 1883, 1883),
        // The Met's wording, fashion seasons and BC ranges that issue 21 found unread or misread.
        ("third quarter 18th century", 1750, 1774), ("second half 18th century", 1750, 1799), ("first quarter 20th century", 1900, 1924),
        ("Autumn - Winter 1983 -1984", 1983, 1984), ("Spring / Summer 1987", 1987, 1987), ("Spring/Summer, 1977", 1977, 1977),
        ("1045-771 B.C.", -1045, -771), ("1045-40 BC", -1045, -1040),
    ])
    func readsTheYearsItMeans(text: String, earliest: Int, latest: Int) {
        #expect(DateText.span(text) == DateText.Span(earliest: earliest, latest: latest), "\(text)")
    }

    /// Open ranges: the known end, strictly before or after; the other unknown.
    @Test func beforeAndAfterLeaveOneEndOpen() {
        #expect(DateText.years("before 1925")! == (nil, 1924))
        #expect(DateText.years("After 1950")! == (1951, nil))
        #expect(DateText.years("before 1930s")! == (nil, 1929))
        #expect(DateText.years("after 19th century")! == (1900, nil))
        #expect(DateText.years("ca. 1880")! == (1875, 1885))
        #expect(DateText.years("before") == nil && DateText.years("after Bronze age") == nil)
    }

    @Test(arguments: ["", "undated", "Bronze age (ca. 1500 B.C.)", "by 1931", "Ch'ing Dynasty (1644-1912)", "1870-60", "19", "1970-", "12345",
                      "about 1916-1920, by 1931", "0", "before 1930s", "1975s",
                      "late 19th-early 19th century"])
    func leavesWhatItCannotReadUnknown(text: String) {
        #expect(DateText.years(text) == nil || text.hasPrefix("before"), "\(text)")
        #expect(DateText.span(text) == nil, "\(text)")
    }

    /// Every non-empty date text of the museum files: the share parsed, and a fixed random sample of them, read by
    /// hand against the rules (a wrong rule shows here as a changed span).
    @Test(.enabled(if: MuseumDataTests.available, "skipped: ../shared/data/museum is absent (it is not part of this repository)"))
    func readsMostRealMuseumDates() throws {
        var texts: [String] = []
        for name in ["cooperhewitt_fashion_textiles.csv", "ima_fashion_costume.csv", "footwear_subset.csv"] {
            let reader = CSVReader(try ByteReader(path: MuseumDataTests.folder.appendingPathComponent(name).path))
            let header = try #require(try reader.next()).fields
            let column = try #require(header.firstIndex(of: "date_text"))
            while let record = try reader.next() {
                if !record.fields[column].isEmpty { texts.append(record.fields[column]) }
            }
        }
        let parsed = texts.filter { DateText.span($0) != nil }.count
        let share = Double(parsed) / Double(texts.count)
        print("date texts: \(parsed) of \(texts.count) parsed (\(String(format: "%.1f", share * 100))%), \(Set(texts).count) distinct")
        let unparsed = Dictionary(grouping: texts.filter { DateText.span($0) == nil }, by: { $0 }).mapValues(\.count)
        print("most common unparsed: " + unparsed.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(25).map { "\($0.key) ×\($0.value)" }.joined(separator: "; "))
        #expect(texts.count == 14_348)
        #expect(share > 0.97) // 98.0% when this was written
        let checked: [(String, Int?, Int?)] = [
            ("ca. 1898", 1893, 1903), ("1979–90", 1979, 1990), ("1650-1690", 1650, 1690), ("2nd quarter 19th century", 1825, 1849),
            ("1760s or 1770s", 1760, 1779), ("1920s,1930s", 1920, 1939), ("1901-1999", 1901, 1999), ("early 1960's", 1960, 1962),
            ("1780's - 1790's", 1780, 1799), ("about 1910-12", 1905, 1917), ("ca. 1920–29", 1915, 1934), ("Spring/Summer 1997", 1997, 1997),
            ("possibly 10th century", 900, 999), ("design introduced 1968", nil, nil), ("before 16th century", nil, nil),
            ("8th–9th century", 700, 899), ("1570s", 1570, 1579), ("13th or 14th century", 1200, 1399), ("mid-19th century", 1833, 1865),
            ("late 16th–early 17th century", 1566, 1632), ("1st quarter of 20C.", 1900, 1924), ("ca. 1850", 1845, 1855),
        ]
        for (text, earliest, latest) in checked {
            let span = DateText.span(text)
            #expect(span?.earliest == earliest && span?.latest == latest, "\(text): \(String(describing: span))")
        }
    }
}
