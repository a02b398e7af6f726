// archive-bench facets --db DB --queries QUERIES.tsv [--in SCOPE] [--exact-limit N] [--sample N] [--scan-limit N] [--windows N]
// times the facets a search page counts (FacetCounting.page, or the limits given) and the exact facets of every
// query of QUERIES.tsv, and prints JSON per category: latency percentiles of both, hits read, how many queries
// were estimated, and how close the estimates are: the median and 90th percentile of |estimate − exact| / exact
// over the values shown but periods, the share of the exact top five of each kind that the estimate shows, and
// how often the estimate's periods are as long as the exact ones (its span is the sample's).
import ArchiveCore
import Glibc

func facetBench(_ options: [String: String], queries byCategory: [String: [String]], archive: Archive, scope: SearchScope) {
    var counting = FacetCounting.page
    if let value = options["exact-limit"].flatMap(Int.init) { counting.exactLimit = value }
    if let value = options["sample"].flatMap(Int.init) { counting.sampleSize = value }
    if let value = options["windows"].flatMap(Int.init) { counting.windows = value }
    if let value = options["scan-limit"].flatMap(Int.init) { counting.scanLimit = value }
    counting.timeBudget = nil  // the same work every time: the budget is for a server under load
    var searcher = Searcher(archive: archive)
    searcher.timeLimit = nil
    var report: [String] = []
    for (category, queries) in byCategory.sorted(by: { $0.key < $1.key }) {
        var timings: [Double] = [], exactTimings: [Double] = [], errors: [Double] = []
        var read = 0, estimated = 0, topShown = 0, topTotal = 0, samePeriods = 0
        for text in queries {
            do {
                let query = try SearchQuery(text)
                let total = try searcher.count(query, in: [scope], upTo: SearchRequest.countCap + 1)
                let known = total > SearchRequest.countCap ? nil : total
                _ = try searcher.facets(query, in: [scope], counting: counting, hits: known)  // warm the cache
                let start = now()
                let page = try searcher.facets(query, in: [scope], counting: counting, hits: known)
                timings.append((now() - start) * 1000)
                let exactStart = now()
                let exact = try searcher.facets(query, in: [scope])
                exactTimings.append((now() - exactStart) * 1000)
                read += page.hitsRead
                guard page.accuracy != .exact else { continue }
                estimated += 1
                let truth = Dictionary(exact.facets.map { ("\($0.facet.rawValue)\u{0}\($0.value)", $0.count) }, uniquingKeysWith: max)
                let length = { (counts: FacetCounts) in counts.values(.period).first.map { $0.years.map { $0.count } } }
                if length(page) == length(exact) { samePeriods += 1 }
                for facet in page.facets where facet.facet != .period {
                    let exactCount = Double(truth["\(facet.facet.rawValue)\u{0}\(facet.value)"] ?? 0)
                    errors.append(exactCount == 0 ? 1 : abs(Double(facet.count) - exactCount) / exactCount)
                }
                let shown = Set(page.facets.map { "\($0.facet.rawValue)\u{0}\($0.value)" })
                for kind in FacetKind.allCases where kind != .period {
                    for facet in exact.values(kind).prefix(5) {
                        topTotal += 1
                        if shown.contains("\(kind.rawValue)\u{0}\(facet.value)") { topShown += 1 }
                    }
                }
            } catch {
                fail("query \(text.debugDescription) failed: \(error)")
            }
        }
        let (page, exact, error) = (timings.sorted(), exactTimings.sorted(), errors.sorted())
        report.append("""
            "\(category)":{"count":\(queries.count),"p50_ms":\(ms(percentile(page, 0.5))),"p95_ms":\(ms(percentile(page, 0.95))),\
            "p99_ms":\(ms(percentile(page, 0.99))),"exact_p50_ms":\(ms(percentile(exact, 0.5))),\
            "exact_p95_ms":\(ms(percentile(exact, 0.95))),"mean_hits_read":\(ms(Double(read) / Double(max(1, queries.count)))),\
            "estimated":\(estimated),"median_error":\(ms(percentile(error, 0.5))),"p90_error":\(ms(percentile(error, 0.9))),\
            "top5_shown":\(ms(topTotal == 0 ? 1 : Double(topShown) / Double(topTotal))),\
            "same_period_length":\(ms(estimated == 0 ? 1 : Double(samePeriods) / Double(estimated)))}
            """)
    }
    var json = "{\"exact_limit\":\(counting.exactLimit),\"sample\":\(counting.sampleSize),\"scan_limit\":\(counting.scanLimit),\"windows\":\(counting.windows),\"categories\":{"
        + report.joined(separator: ",") + "}}\n"
    json.withUTF8 { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}
