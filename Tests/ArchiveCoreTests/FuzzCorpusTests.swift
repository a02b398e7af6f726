// Replays the fuzzers' corpus (Fuzz/Corpus) through the code they fuzz, so that every input a fuzzer found
// interesting, a reproducer of a fixed crash included, stays a test.
@testable import ArchiveCore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/Corpus").standardized

    static func inputs(_ kind: String) -> [Data] {
        let folder = corpus.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs("csv").count >= 5)
        #expect(Self.inputs("json").count >= 5)
        #expect(Self.inputs("query").count >= 5)
    }

    @Test func csvInputsEndInRecordsOrAFailure() {
        for data in Self.inputs("csv") {
            let reader = CSVReader(ByteReader(bytes: Array(data)))
            var steps = 0
            while steps < 1_000_000 {
                do {
                    guard try reader.next() != nil else { break }
                } catch {
                    if case .badText = error { steps += 1; continue }
                    break
                }
                steps += 1
            }
            #expect(steps < 1_000_000)
        }
    }

    @Test func jsonInputsEndInValuesOrASyntaxError() {
        for data in Self.inputs("json") {
            let parser = JSONParser(ByteReader(bytes: Array(data)))
            var values = 0
            while values < 100_000 {
                do {
                    _ = try parser.parseValue()
                    values += 1
                    guard try parser.skipWhitespace() != nil else { break }
                } catch {
                    break
                }
            }
            #expect(values < 100_000)
        }
    }

    @Test func queryInputsNeverBecomeFTS5Errors() throws {
        let fixture = try ArchiveFixture(seeded: true)
        let searcher = Searcher(archive: fixture.archive)
        for data in Self.inputs("query") {
            let text = String(decoding: data, as: UTF8.self)
            guard let query = try? SearchQuery(text) else { continue }
            #expect(throws: Never.self, "\(text.debugDescription)") { try searcher.search(query, in: SearchScope.allCases) }
        }
    }
}
