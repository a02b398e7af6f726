// Authority identifiers of people, houses and keywords (Wikidata, Getty ULAN and AAT, VIAF, Wikipedia), shown as the links a
// reader follows. Their formats are CHECKs of migration 0006.

public enum AuthorityID {
    /// The page an identifier names, or nil for a column that holds none.
    public static func url(column: String, value: String) -> String? {
        switch column {
        case "wikidata": return "https://www.wikidata.org/wiki/" + value
        case "ulan": return "https://vocab.getty.edu/page/ulan/" + value
        case "aat": return "https://vocab.getty.edu/page/aat/" + value
        case "viaf": return "https://viaf.org/viaf/" + value
        case "wikipedia":
            // Museums give Wikipedia's page id (digits); a curator may give the article's title.
            if value.allSatisfy({ $0.isASCII && $0.isNumber }) { return "https://en.wikipedia.org/?curid=" + value }
            var path = ""
            for byte in value.replacingSpaces().utf8 {
                let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-_.~(),'".utf8.contains(byte)
                path += safe ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
            return "https://en.wikipedia.org/wiki/" + path
        default: return nil
        }
    }

    /// The identifier as linked data names the thing itself (schema.org's sameAs): Wikidata's entity, Getty's
    /// and VIAF's URIs, which their pages above describe; Wikipedia has only its page.
    public static func uri(column: String, value: String) -> String? {
        switch column {
        case "wikidata": "http://www.wikidata.org/entity/" + value
        case "ulan": "http://vocab.getty.edu/ulan/" + value
        case "aat": "http://vocab.getty.edu/aat/" + value
        case "viaf": "http://viaf.org/viaf/" + value
        default: url(column: column, value: value)
        }
    }
}

private extension String {
    func replacingSpaces() -> String { String(map { $0 == " " ? "_" : $0 }) }
}
