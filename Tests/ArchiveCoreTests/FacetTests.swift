// Facets of a search: values labelled by name, exact counts where every hit is read, estimates from a spread
// sample (and lower bounds when time runs out) marked so, periods whose length follows the span of the hits, and
// the object filters facets link to (institution, category, type, years).
@testable import ArchiveCore
import ArchiveStorage
import Testing

@Suite struct FacetTests {
    /// Objects of two institutions whose file order is one block each (as museum files are imported), 2,000 of
    /// them with "velvet": the first 1,200 at "Musée A" (type gown, garment, 1900s–1940s, made by Maison A), the
    /// last 800 at "Museum B" (type slippers, footwear, 1950s–1990s, made by B Studio and, one in four, Maison A);
    /// five of them, spread, also by Rare Hand.
    static func museum() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture(seeded: true)
        try fixture.write("institutions.csv", "slug,name\nmusee-a,Musée A\nmuseum-b,Museum B\n")
        try fixture.write("designers.csv", "slug,name,kind\nmaison-a,Maison A,house\nb-studio,B Studio,house\nrare-hand,Rare Hand,person\n")
        var objects = "slug,institution,title,object_type,category,earliest_year,latest_year\n"
        var makers = "object,designer,role\n"
        for number in 0..<2_000 {
            let first = number < 1_200
            let year = first ? 1900 + number % 50 : 1950 + number % 50
            objects += "o\(number),\(first ? "musee-a" : "museum-b"),Velvet \(first ? "gown" : "slippers") \(number),"
                + "\(first ? "gown,garment" : "slippers,footwear"),\(year),\(year)\n"
            makers += "o\(number),\(first ? "maison-a" : "b-studio"),maker\n"
            if !first && number % 4 == 0 { makers += "o\(number),maison-a,retailer\n" }
            if number % 400 == 137 { makers += "o\(number),rare-hand,embroiderer\n" }
        }
        objects += "o-span,musee-a,Velvet spanning 1915 to 1925,gown,garment,1915,1925\n"
        try fixture.write("objects.csv", objects)
        try fixture.write("object_makers.csv", makers)
        try fixture.importPath(fixture.inputFolder)
        return fixture
    }

    /// A sample of about 200 hits drawn in one pass over the 2,001 matches, or from 20 stretches of the index.
    static let passes = [FacetCounting(exactLimit: 100, sampleSize: 200, scanLimit: 10_000, windows: 20, timeBudget: nil, valuesPerFacet: 20),
                         FacetCounting(exactLimit: 100, sampleSize: 200, scanLimit: 1_000, windows: 20, timeBudget: nil, valuesPerFacet: 20)]

    private func counts(_ facets: FacetCounts, _ kind: FacetKind) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: facets.values(kind).map { ($0.label, $0.count) })
    }

    @Test func valuesAreLabelledByNameAndCarryTheirFilter() throws {
        let facets = try Searcher(archive: ArchiveFixture(seeded: true).archive).facets(SearchQuery("derby"), in: [.collections])
        #expect(facets.accuracy == .exact)
        let celine = try #require(facets.values(.designer).first { $0.value == "celine" })
        #expect(celine.label == "Celine" && celine.count == 1 && celine.accuracy == .exact)
        // Two years apart: the periods are single years.
        #expect(facets.values(.period).map(\.label) == ["2024", "2026"])
        #expect(facets.values(.period).map(\.years) == [2024...2024, 2026...2026])
    }

    @Test func everyHitIsCountedExactlyByInstitutionCategoryTypeMakerAndPeriod() throws {
        let fixture = try Self.museum()
        let facets = try Searcher(archive: fixture.archive).facets(SearchQuery("velvet"), in: [.objects])
        #expect(facets.accuracy == .exact && facets.hits == 2_001 && facets.hitsRead == 2_001)
        #expect(counts(facets, .institution) == ["Musée A": 1_201, "Museum B": 800])
        #expect(facets.values(.institution).first?.value == "musee-a")
        #expect(counts(facets, .category) == ["Garment": 1_201, "Footwear": 800])
        #expect(counts(facets, .type) == ["Gown": 1_201, "Slippers": 800])
        #expect(counts(facets, .designer) == ["Maison A": 1_400, "B Studio": 800, "Rare Hand": 5])
        // Hits from 1900 to 1999: decades; the 1915–1925 span counts in both decades it overlaps.
        let periods = counts(facets, .period)
        #expect(periods.count == 10 && periods["1900s"] == 240 && periods["1910s"] == 241 && periods["1920s"] == 241 && periods["1990s"] == 160)
        #expect(facets.values(.period).first?.years == 1900...1909)
    }

    @Test(arguments: passes)
    func manyHitsAreEstimatedFromASampleSpreadOverTheIndexAndSaySo(_ counting: FacetCounting) throws {
        let fixture = try Self.museum()
        let facets = try Searcher(archive: fixture.archive).facets(SearchQuery("velvet"), in: [.objects], counting: counting)
        #expect(facets.accuracy == .about)
        #expect(facets.values(.institution).allSatisfy { $0.accuracy == .about })
        #expect(facets.hitsRead <= 220)
        #expect(abs(facets.hits - 2_001) < 200)
        // The file's two blocks are both found (a sample of the first hits would be Musée A's alone), in proportion.
        let institutions = counts(facets, .institution)
        #expect(abs((institutions["Musée A"] ?? 0) - 1_200) < 150 && abs((institutions["Museum B"] ?? 0) - 800) < 150)
        #expect(abs((counts(facets, .designer)["Maison A"] ?? 0) - 1_400) < 200)
        // A value met once or twice in the sample would be a guess ("≈ 10" for 5): it is not shown.
        #expect(counts(facets, .designer)["Rare Hand"] == nil)
    }

    @Test func aLargeIndexHasAQuarterAsManyHitsRead() {
        let small = FacetCounting.page.forIndex(of: 21_802), large = FacetCounting.page.forIndex(of: 1_000_000)
        #expect(small.exactLimit == 256 && small.sampleSize == 256)
        #expect(large.exactLimit == 64 && large.sampleSize == 64)
        #expect(FacetCounting.exact.forIndex(of: 1_000_000).exactLimit == .max)
    }

    @Test func countingStoppedByItsTimeBudgetGivesLowerBounds() throws {
        let fixture = try Self.museum()
        let stopped = FacetCounting(exactLimit: 10_000, sampleSize: 200, windows: 8, timeBudget: 0, valuesPerFacet: 20)
        let facets = try Searcher(archive: fixture.archive).facets(SearchQuery("velvet"), in: [.objects], counting: stopped)
        #expect(facets.accuracy == .atLeast)
        #expect(facets.hitsRead > 0 && facets.hitsRead < 2_001 && facets.hits == facets.hitsRead)
        #expect((counts(facets, .institution)["Musée A"] ?? 0) <= 1_201)
    }

    @Test func aFilterTheSearchHasLeavesItsFacetOutAndItsYearsBoundThePeriods() throws {
        let fixture = try Self.museum()
        let searcher = Searcher(archive: fixture.archive)
        let filtered = try searcher.facets(SearchQuery("velvet"), in: [.objects], filters: SearchFilters(from: 1920, to: 1929, institution: "musee-a"))
        #expect(filtered.values(.institution).isEmpty)
        #expect(counts(filtered, .period) == ["1920": 25, "1921": 25, "1922": 25, "1923": 25, "1924": 25, "1925": 25, "1926": 24,
                                               "1927": 24, "1928": 24, "1929": 24])
        let byDesigner = try searcher.facets(SearchQuery("velvet"), in: [.objects], filters: SearchFilters(designer: "b-studio"))
        #expect(counts(byDesigner, .designer) == ["Maison A": 200, "Rare Hand": 2])
    }

    @Test func periodsFollowTheSpanOfTheHits() {
        #expect(Periods(spanning: 2020, 2026).length == 1)
        #expect(Periods(spanning: 1900, 1999).length == 10)
        #expect(Periods(spanning: 1500, 1999).length == 100)
        #expect(Periods(spanning: -3305, 2032).length == 100)
        let centuries = Periods(length: 100), decades = Periods(length: 10), years = Periods(length: 1)
        #expect(centuries.label(start: centuries.start(of: 1850)) == "19th century")
        #expect(centuries.label(start: centuries.start(of: 2001)) == "21st century")
        #expect(centuries.label(start: centuries.start(of: 1150)) == "12th century")
        #expect(centuries.label(start: centuries.start(of: -150)) == "2nd century BC")
        #expect(centuries.label(start: centuries.start(of: -1)) == "1st century BC")
        #expect(decades.label(start: decades.start(of: 1923)) == "1920s")
        #expect(decades.label(start: decades.start(of: -195)) == "200–191 BC")
        #expect(years.label(start: -500) == "500 BC")
        #expect(Array(decades.starts(from: 1915, to: 1925)) == [1910, 1920])
    }

    @Test func theTypeFilterNarrowsObjectsAndIsForObjectsOnly() throws {
        let fixture = try Self.museum()
        let hits = try Searcher(archive: fixture.archive).search(SearchQuery("velvet"), in: [.objects], filters: SearchFilters(objectType: "slippers"), limit: 1_000)
        #expect(hits.count == 800 && hits.allSatisfy { $0.title.contains("slippers") })
        #expect(throws: RequestProblem.filtersDoNotApply(scope: "collections")) {
            try SearchRequest(SearchQuery("velvet"), in: [.collections], scopeName: "collections", filters: SearchFilters(objectType: "slippers"))
        }
        let all = try SearchRequest(SearchQuery("velvet"), in: SearchScope.allCases, scopeName: "all", filters: SearchFilters(objectType: "slippers"))
        #expect(all.scopes == [.objects])
        #expect(RequestProblem.filtersDoNotApply(scope: "icons").message(prefix: "--").contains("--type for objects"))
    }
}
