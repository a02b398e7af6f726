// Records whose names fold to the same key (case, accents, punctuation and word order aside) are candidates for one
// house or person entered twice; the lookup reads at most SameName.scanLimit records whatever the table's size.
@testable import ArchiveCore
import Foundation
import Testing

@Suite struct SameNameTests {
    @Test(arguments: [
        ("Dior, Christian", "Christian Dior"), ("CHRISTIAN DIÔR", "christian dior"), ("Cristóbal Balenciaga", "CRISTOBAL  BALENCIAGA"),
        ("Saint Laurent, Yves", "Yves Saint-Laurent"), ("Grès", "gres"), ("三宅 一生", "一生 三宅"),
    ])
    func namesOfTheSameWordsHaveOneKey(_ one: String, _ other: String) {
        #expect(SameName.key(one) != nil)
        #expect(SameName.key(one) == SameName.key(other))
    }

    @Test(arguments: [("Dior, Christian", "Christian Dior Couture"), ("The House of Dior", "House of Dior"), ("Jean Patou", "Jeanne Patou")])
    func namesOfOtherWordsDoNot(_ one: String, _ other: String) {
        #expect(SameName.key(one) != SameName.key(other))
    }

    @Test func aNameOfNoWordsHasNoKey() {
        #expect(SameName.key("—") == nil && SameName.key("") == nil)
    }

    @Test func theCandidatesAreTheOtherRecordsOfTheSameTableWithTheKey() throws {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.importPath(try fixture.write("designers.csv", """
            slug,name
            ima-dior-christian,"Dior, Christian"
            ima-the-house-of-dior,The House of Dior
            ch-christian-dior,CHRISTIAN DIÔR
            dior-christian-couture,Christian Dior Couture

            """))
        try fixture.importPath(try fixture.write("icons.csv", "slug,name\nchristian-dior-icon,Christian Dior\n"))
        let same = try #require(try SameName.find("Dior, Christian", of: "ima-dior-christian", in: "designers", archive: fixture.archive))
        #expect(same.candidates == [SameName.Candidate(slug: "ch-christian-dior", name: "CHRISTIAN DIÔR")])
        #expect(same.words == ["Dior", "Christian"])
        #expect(!same.mayHaveMore)
        #expect(try SameName.find("Evening dress", of: "x", in: "objects", archive: fixture.archive) == nil, "titles of objects repeat")
    }

    @Test func theLookupReadsABoundedNumberOfRecords() throws {
        let fixture = try ArchiveFixture()
        let rows = (0..<(SameName.scanLimit + 100)).map { "unknown-\($0),Unknown maker \($0)\n" }.joined()
        try fixture.importPath(try fixture.write("designers.csv", "slug,name\n" + rows + "unknown,Unknown\nunknown-again,UNKNOWN\n"))
        let same = try #require(try SameName.find("Unknown", of: "unknown", in: "designers", archive: fixture.archive))
        #expect(same.mayHaveMore, "more records hold the word than are compared")
    }
}
