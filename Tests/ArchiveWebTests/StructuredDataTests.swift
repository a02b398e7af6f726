// Every page says what it is in its head (a description, a canonical link, Open Graph); every record page carries
// its JSON-LD (schema.org types, ids from --base-url, sameAs from authority ids), which /api/records/…/SLUG.jsonld
// answers too; a record's own text cannot close the script element or open a comment in it. (Parsed as RDF by
// rdflib: LinkedDataTests.)
import Foundation
import HTTPTypes
import Testing

@Suite struct StructuredDataTests {
    static let base = "https://archive.example.org"
    static let hostileName = "</script><script>alert(1)</script><!--"
    static let hostileDescription = "a\u{2028}b\u{2029}c </SCRIPT > & <!-- --> <script>"
    let web: WebFixture

    init() throws {
        let hostile = """
            [{"slug": "hostile", "name": \(Self.json(Self.hostileName)), "kind": "person", "description": \(Self.json(Self.hostileDescription))}]
            """
        web = try WebFixture(extra: MuseumFiles.files() + [("designers.json", hostile)], baseURL: Self.base)
    }

    private static func json(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    /// The JSON-LD of a page: the text of its one script element, parsed.
    private func linkedData(_ path: String) async throws -> [String: Any] {
        let page = try await web.page(path)
        let open = "<script type=\"application/ld+json\">"
        let start = try #require(page.body.range(of: open), "\(path) has no JSON-LD")
        let end = try #require(page.body[start.upperBound...].range(of: "</script>"))
        let text = page.body[start.upperBound..<end.lowerBound]
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["/", "/search?q=derby", "/browse", "/browse/designers", "/timeline", "/api", "/records/designers/celine"])
    func everyPageHasADescriptionACanonicalLinkAndOpenGraph(_ path: String) async throws {
        let page = try await web.page(path)
        let head = try #require(page.body.components(separatedBy: "</head>").first)
        #expect(head.contains("<meta name=\"description\" content=\""), "\(path)")
        #expect(head.contains("<link rel=\"canonical\" href=\"\(Self.base)"), "\(path)")
        for property in ["og:site_name", "og:type", "og:title", "og:description", "og:url"] {
            #expect(head.contains("<meta property=\"\(property)\" content=\""), "\(path): \(property)")
        }
    }

    @Test func theCanonicalLinkIsTheAddressAsThePageReadsIt() async throws {
        let page = try await web.page("/search?q=ballet+flat&in=shoes")
        #expect(page.body.contains("<link rel=\"canonical\" href=\"\(Self.base)/search?q=ballet%20flat&amp;in=shoes\">"))
        let objects = try await web.page("/records/institutions/ima?after=ima-59989")
        #expect(objects.body.contains("<link rel=\"canonical\" href=\"\(Self.base)/records/institutions/ima?after=ima-59989\">"))
        let record = try await web.page("/records/objects/ima-59989")
        #expect(record.body.contains("<meta property=\"og:url\" content=\"\(Self.base)/records/objects/ima-59989\">"))
        #expect(record.body.contains("<meta name=\"description\" content=\"ball gown: object, by Dior, Christian, The House of Dior, ca. 1957 (1955–1959), held by Indianapolis Museum of Art (Newfields)."))
    }

    @Test func anObjectIsAVisualArtworkHeldByItsInstitutionAndMadeByItsMakers() async throws {
        let object = try await linkedData("/records/objects/ima-59989")
        #expect(object["@context"] as? String == "https://schema.org")
        #expect(object["@type"] as? [String] == ["VisualArtwork", "ArchiveComponent"])
        #expect(object["@id"] as? String == "\(Self.base)/records/objects/ima-59989")
        #expect(object["name"] as? String == "ball gown")
        let makers = try #require(object["creator"] as? [[String: Any]])
        #expect(makers.compactMap { $0["@id"] as? String } == ["\(Self.base)/records/designers/ima-dior-christian", "\(Self.base)/records/designers/ima-the-house-of-dior"])
        let holder = try #require(object["holdingArchive"] as? [String: Any])
        #expect(holder["@id"] as? String == "\(Self.base)/records/institutions/ima" && holder["@type"] as? String == "ArchiveOrganization")
        #expect(object["creditText"] as? String == "Gift of the Alliance of the Indianapolis Museum of Art")
        #expect(object["sdLicense"] as? String == "https://creativecommons.org/licenses/by/3.0/")
        #expect(object["sameAs"] as? String == "http://imamuseum.org/mercury/load-artwork/59989")
        #expect((object["keywords"] as? [String: Any])?["@id"] as? String == "\(Self.base)/records/tags/women")
        let cameo = try await linkedData("/records/objects/ch-18065729")
        #expect(cameo["license"] as? String == "https://creativecommons.org/publicdomain/mark/1.0/", "public domain, as the institution says")
    }

    @Test func eachKindOfRecordHasItsSchemaOrgType() async throws {
        let kinds: [(String, String)] = [
            ("/records/designers/ima-dior-christian", "Person"), ("/records/designers/celine", "Organization"),
            ("/records/designers/ima-the-house-of-dior", "Thing"), ("/records/icons/kate-moss", "Person"),
            ("/records/institutions/ima", "ArchiveOrganization"), ("/records/shoes/repetto-zizi", "ProductModel"),
            ("/records/collections/celine-ss-2026", "CreativeWork"), ("/records/trends/balletcore", "DefinedTerm"),
            ("/records/tags/women", "DefinedTerm"), ("/records/sources/ima-open-access", "CreativeWork"),
        ]
        for (path, type) in kinds {
            let data = try await linkedData(path)
            #expect(data["@type"] as? String == type, "\(path)")
            #expect(data["@id"] as? String == Self.base + path, "\(path)")
        }
        let dior = try await linkedData("/records/designers/ima-dior-christian")
        #expect(dior["sameAs"] as? [String] == ["http://www.wikidata.org/entity/Q46998", "http://vocab.getty.edu/ulan/500032519"])
        #expect(dior["birthDate"] as? String == "1905")
        let tag = try await linkedData("/records/tags/women")
        #expect(tag["sameAs"] as? [String] == ["http://www.wikidata.org/entity/Q467", "http://vocab.getty.edu/aat/300025943"])
    }

    @Test func aRecordsOwnTextCannotCloseTheScriptOrOpenACommentInIt() async throws {
        let page = try await web.page("/records/designers/hostile")
        let head = try #require(page.body.components(separatedBy: "</head>").first)
        #expect(head.components(separatedBy: "</script>").count == 2, "the script element is closed once, by the page")
        #expect(!head.lowercased().contains("</script >") && !head.contains("<!--") && !head.contains("<script>"))
        #expect(!head.contains("\u{2028}") && !head.contains("\u{2029}"), "escaped in the JSON, a space in the description")
        let data = try await linkedData("/records/designers/hostile")
        #expect(data["name"] as? String == Self.hostileName)
        #expect(data["description"] as? String == Self.hostileDescription)
    }

    @Test func theAPIAnswersARecordAsJSONLD() async throws {
        let api = try await web.page("/api/records/objects/ima-59989.jsonld")
        #expect(api.status == .ok)
        #expect(api.contentType == "application/ld+json; charset=utf-8")
        let fromAPI = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
        #expect(fromAPI["@id"] as? String == "\(Self.base)/records/objects/ima-59989")
        #expect(NSDictionary(dictionary: fromAPI) == NSDictionary(dictionary: try await linkedData("/records/objects/ima-59989")))
        let page = try await web.page("/records/objects/ima-59989")
        #expect(page.body.contains("<link rel=\"alternate\" type=\"application/ld+json\" href=\"/api/records/objects/ima-59989.jsonld\">"))
        #expect(try await web.page("/api/records/objects/nothing.jsonld").status == .notFound)
        #expect(try await web.page("/api/records/planets/x.jsonld").status == .notFound)
    }
}
