// A page's size does not grow with a record's links, and every table can be browsed, relations included.
import ArchiveCore
import Foundation
import Testing

@Suite struct BoundedPageTests {
    /// Celine as the house of 300 collections (a designer linked to 100,000 made a 22 MB page): the page shows
    /// 50 with the total and a link to all of them, which pages through the relation by keyset.
    @Test func aRecordWithManyLinksShowsSomeWithTheTotalAndALinkToTheRest() async throws {
        var collections = "slug,title,season,year\n", links = "collection,designer,role\n"
        for index in 0..<300 {
            collections += "celine-look-\(index),Celine look \(index),SS,\(1990 + index % 30)\n"
            links += "celine-look-\(index),celine,house\n"
        }
        let web = try WebFixture(extra: [("collections.csv", collections), ("collection_designers.csv", links)])
        let page = try await web.page("/records/designers/celine")
        #expect(page.status == .ok)
        let listed = page.body.components(separatedBy: "<li><a href=\"/records/collections/").count - 1
        #expect(listed == RecordDetailsLimit.perRelation, "links listed: \(listed)")
        #expect(page.body.contains("of 301 shown"))
        #expect(page.body.contains("href=\"/browse/collection_designers?designer=celine\""))
        #expect(page.body.utf8.count < 60_000)
        let api = try await web.page("/api/records/designers/celine")
        #expect(api.body.contains("\"links_partial\":[{\"relation\":\"collection_designers\",\"column\":\"designer\",\"table\":\"collections\",\"shown\":50,\"total\":301,\"total_is_capped\":false}]"))
        // The rest, page by page.
        var seen = 0, after: String? = nil, pages = 0
        repeat {
            let list = try await web.page("/api/lists/collection_designers?designer=celine&limit=200" + (after.map { "&after=\($0)" } ?? ""))
            #expect(list.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [String: Any])
            #expect(json["total"] as? Int == 301)
            seen += (json["rows"] as? [Any])?.count ?? 0
            after = json["next_after"] as? String
            pages += 1
        } while after != nil && pages < 5
        #expect(seen == 301 && pages == 2)
        // The CSV of the record itself does not load its links, and a record not there is a 404.
        #expect(try await web.page("/api/records/designers/celine?format=csv").status == .ok)
        #expect(try await web.page("/api/records/designers/nobody?format=csv").status == .notFound)
    }

    /// Counting a relation's links costs what counting 10,001 does: past that the page says "more than 10000".
    @Test func aRecordWithMoreLinksThanTheCountCapSaysMoreThan() async throws {
        var collections = "slug,title\n", links = "collection,designer,role\n"
        for index in 0...RecordDetails.countCap {
            collections += "look-\(index),Look \(index)\n"
            links += "look-\(index),celine,house\n"
        }
        let web = try WebFixture(extra: [("collections.csv", collections), ("collection_designers.csv", links)])
        let page = try await web.page("/records/designers/celine")
        #expect(page.body.contains("50 of more than 10000 shown"))
        let api = try await web.page("/api/records/designers/celine")
        #expect(api.body.contains("\"shown\":50,\"total\":10000,\"total_is_capped\":true}"))
    }

    /// /browse/T and /api/lists/T answered 500 for every relation table, which /browse links to.
    @Test func everyTableBrowsesAndListsItsRows() async throws {
        let web = try WebFixture()
        for table in Tables.all {
            let pages = try await web.get(["/browse/\(table.name)", "/api/lists/\(table.name)?limit=2", "/browse/\(table.name)?sort=\(table.columns[0].name)&order=desc"])
            for page in pages { #expect(page.status == .ok, "\(table.name): \(page.body.prefix(200))") }
        }
        let first = try await web.page("/api/lists/collection_designers?limit=3")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.body.utf8)) as? [String: Any])
        let next = try #require(json["next_after"] as? String)
        let second = try await web.page("/api/lists/collection_designers?limit=3&after=\(next)")
        #expect(second.status == .ok && second.body != first.body)
        #expect(try await web.page("/api/lists/collection_designers?after=celine").status == .badRequest)
        #expect(try await web.page("/browse/collection_designers?designer=celine").body.contains("1 rows of designer"))
    }
}

enum RecordDetailsLimit { static let perRelation = 50 }
