// The drawing of the records around one (Views/Graph.swift): every kind of relation drawn, sized to what it shows,
// labels at a size a phone can read, none past the drawing's edge; left out of print with its heading.
// The browser test measures the same in chromium (Tests/Browser/pages.py).
import Foundation
import Testing

@Suite struct GraphTests {
    let web: WebFixture

    init() throws { web = try WebFixture() }

    /// The drawing's svg element, its size, its links and the lines of its labels.
    struct Drawing {
        let width: Int, height: Int, viewBox: String
        let links: [String]
        let lines: [String]
        let body: String

        init(_ page: String) throws {
            let start = try #require(page.range(of: "<svg "))
            let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
            let body = String(page[start.lowerBound..<end.upperBound])
            self.body = body
            func attribute(_ name: String) -> String? {
                guard let range = body.range(of: " \(name)=\"") else { return nil }
                return String(body[range.upperBound...].prefix { $0 != "\"" })
            }
            width = Int(attribute("width") ?? "") ?? 0
            height = Int(attribute("height") ?? "") ?? 0
            viewBox = attribute("viewBox") ?? ""
            links = body.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            // Each text or tspan's own words.
            lines = body.components(separatedBy: "<t").dropFirst().compactMap { piece -> String? in
                guard piece.hasPrefix("ext") || piece.hasPrefix("span") else { return nil }
                return piece.split(separator: ">", maxSplits: 1).last.map {
                    String($0.prefix { $0 != "<" }).replacing("&#39;", with: "'").replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
                }
            }
        }
    }

    @Test func balletcoreDrawsEveryRelationItsIconsToo() async throws {
        let page = try await web.page("/records/trends/balletcore")
        let drawing = try Drawing(page.body)
        // 24 links: trends, collections, shoes, designers and icons; the circle of 16 left the icons out.
        #expect(drawing.links.count == 24)
        for icon in ["/records/icons/alexa-chung", "/records/icons/kate-moss", "/records/icons/serge-gainsbourg"] {
            #expect(drawing.links.contains(icon))
        }
        #expect(!drawing.body.contains("more, listed above"))
        // Names whole (wrapped between words), not cut at 27 characters or at the edge.
        #expect(drawing.lines.contains("Jacquemus × Repetto") && drawing.lines.contains("Spring/Summer 2024"))
        #expect(!drawing.body.contains("…"))
    }

    @Test func theDrawingIsSizedToWhatItShowsAndNarrowEnoughForAPhone() async throws {
        let pages = try await web.get("/records/trends/balletcore", "/records/trends/ballet-in-fashion", "/records/sources/balletcore-derby-article-2025")
        let drawings = try pages.map { try Drawing($0.body) }
        for drawing in drawings {
            // Drawn at its own size in CSS pixels (not stretched to the page): labels stay 14 px on a wide screen
            // and a phone; at most 300 wide, so a 320 px phone (280 px of page) shrinks it by less than a tenth.
            #expect(drawing.viewBox == "0 0 \(drawing.width) \(drawing.height)")
            #expect(drawing.width > 100 && drawing.width <= 300, "\(drawing.width)")
            #expect(drawing.lines.allSatisfy { $0.count <= 31 }, "\(drawing.lines.filter { $0.count > 31 })")
        }
        // One relation: a drawing a few lines tall, not the circle's 460 px.
        #expect(drawings[1].links.count == 1 && drawings[1].height < 100, "\(drawings[1].height)")
        #expect(drawings[0].height > drawings[1].height * 5)
        // Past 24 links, each group keeps its share and says how many it leaves out.
        #expect(drawings[2].links.count == 24)
        #expect(drawings[2].body.contains("more, listed above"))
    }

    @Test func printLeavesOutTheDrawingWithItsHeading() async throws {
        let pages = try await web.get("/records/trends/balletcore", "/assets/style.css")
        #expect(pages[0].body.contains("<section class=\"around\" aria-labelledby=\"graph\"><h2 id=\"graph\">Around this record</h2>"))
        let print = try #require(pages[1].body.components(separatedBy: "@media print {").dropFirst().first?.components(separatedBy: "}").first)
        #expect(print.contains("section.around"))
    }
}
