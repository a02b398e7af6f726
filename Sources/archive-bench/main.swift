// The in-process half of the benchmark (Benchmarks/run.py drives it; not part of `swift test`):
//   archive-bench search --db DB --queries QUERIES.tsv [--limit 20] [--cap N] [--tier-cap N] [--in SCOPE]
// times every query of QUERIES.tsv (`category<TAB>query`) through ArchiveCore's Searcher, with the automatic
// ranking and with exact bm25, and prints JSON: latency percentiles per category and how many of the exact
// top hits the automatic ranking also returns (overlap@limit). `archive-bench facets …` times facets (FacetBench.swift).
import ArchiveCore
import Glibc

func fail(_ message: String) -> Never {
    var text = "archive-bench: " + message + "\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(64)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
}

/// A duration or ratio with three decimals, for the JSON report.
func ms(_ value: Double) -> String { String((value * 1000).rounded() / 1000) }

func readLines(_ path: String) -> [String] {
    guard let file = fopen(path, "r") else { fail("cannot read \(path)") }
    defer { fclose(file) }
    var lines: [String] = []
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    while getline(&line, &capacity, file) > 0, let line {
        var text = String(cString: line)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        if !text.isEmpty { lines.append(text) }
    }
    free(line)
    return lines
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, ["search", "facets"].contains(mode) else {
    fail("usage: archive-bench search|facets --db DB --queries FILE [--limit N] [--cap N]")
}
arguments.removeFirst()
var options: [String: String] = [:]
while arguments.count >= 2, arguments[0].hasPrefix("--") {
    options[String(arguments[0].dropFirst(2))] = arguments[1]
    arguments.removeFirst(2)
}
guard let dbPath = options["db"], let queriesPath = options["queries"] else { fail("--db and --queries are required") }
let limit = Int(options["limit"] ?? "20") ?? 20
guard let scope = SearchScope(rawValue: options["in"] ?? "collections") else { fail("--in takes one of \(SearchScope.allCases.map(\.rawValue))") }

let archive: Archive
do { archive = try Archive(path: dbPath, access: .read) } catch { fail("\(error)") }
var automatic = Searcher(archive: archive)
if let cap = options["cap"].flatMap(Int.init) { automatic.exactScoringLimit = cap }
if let cap = options["tier-cap"].flatMap(Int.init) { automatic.tierScoringLimit = cap }
var exact = Searcher(archive: archive)
exact.ranking = .exact

var byCategory: [String: [String]] = [:]
for line in readLines(queriesPath) {
    let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { continue }
    byCategory[parts[0], default: []].append(parts[1])
}

if mode == "facets" {
    facetBench(options, queries: byCategory, archive: archive, scope: scope)
    exit(0)
}

/// The filter the "filtered" category adds: a range of years and a season, as a researcher narrows a search.
let filtered = SearchFilters(season: .springSummer, from: 1990, to: 2010)

var report: [String] = []
for (category, queries) in byCategory.sorted(by: { $0.key < $1.key }) {
    let filters = category == "filtered" && scope == .collections ? filtered : SearchFilters()
    var timings: [Double] = []
    var exactTimings: [Double] = []
    var overlap = 0.0
    var hitsTotal = 0
    for text in queries {
        do {
            let query = try SearchQuery(text)
            _ = try automatic.search(query, in: [scope], filters: filters, limit: limit) // warm the cache
            let start = now()
            let hits = try automatic.search(query, in: [scope], filters: filters, limit: limit)
            timings.append((now() - start) * 1000)
            let exactStart = now()
            let exactHits = try exact.search(query, in: [scope], filters: filters, limit: limit)
            exactTimings.append((now() - exactStart) * 1000)
            let expected = Set(exactHits.map(\.slug))
            overlap += expected.isEmpty ? 1 : Double(hits.filter { expected.contains($0.slug) }.count) / Double(expected.count)
            hitsTotal += hits.count
        } catch {
            fail("query \(text.debugDescription) failed: \(error)")
        }
    }
    timings.sort()
    exactTimings.sort()
    report.append("""
        "\(category)":{"count":\(queries.count),"p50_ms":\(ms(percentile(timings, 0.5))),"p95_ms":\(ms(percentile(timings, 0.95))),\
        "p99_ms":\(ms(percentile(timings, 0.99))),"naive_p50_ms":\(ms(percentile(exactTimings, 0.5))),\
        "naive_p95_ms":\(ms(percentile(exactTimings, 0.95))),"overlap_at_\(limit)":\(ms(overlap / Double(max(1, queries.count)))),\
        "mean_hits":\(ms(Double(hitsTotal) / Double(max(1, queries.count))))}
        """)
}
var json = "{\"limit\":\(limit),\"exact_scoring_limit\":\(automatic.exactScoringLimit),\"tier_scoring_limit\":\(automatic.tierScoringLimit),\"categories\":{" + report.joined(separator: ",") + "}}\n"
json.withUTF8 { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
