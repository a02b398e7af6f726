// The one JSON shape of a record with its links and sources: what `archive show --format json` prints and what
// the server's /api/records answers.

extension RecordDetails {
    public var json: String {
        let quoted = JSONText.quoted
        let fields = self.fields.map { "\(quoted($0.name)):\(JSONText.value($0.value))" }.joined(separator: ",")
        let links = self.links.map { link in
            "{\"relation\":\(quoted(link.relation)),\"role\":\(link.role.map(quoted) ?? "null"),\"table\":\(quoted(link.table)),"
                + "\"slug\":\(quoted(link.slug)),\"name\":\(quoted(link.name)),"
                + link.details.map { "\(quoted($0.name)):\(JSONText.value($0.value))," }.joined()
                + "\"source\":\(link.source.map(quoted) ?? "null")}"
        }.joined(separator: ",")
        let sources = self.sources.map {
            "{\"slug\":\(quoted($0.slug)),\"title\":\(quoted($0.title)),\"note\":\($0.note.map(quoted) ?? "null")}"
        }.joined(separator: ",")
        let authorities = authorityURLs.map { "\(quoted($0.name)):\(quoted($0.url))" }.joined(separator: ",")
        let partial = self.partial.map {
            "{\"relation\":\(quoted($0.relation)),\"column\":\(quoted($0.column)),\"table\":\(quoted($0.table)),\"shown\":\($0.shown),\"total\":\(min($0.total, RecordDetails.countCap)),\"total_is_capped\":\($0.totalIsCapped)}"
        }.joined(separator: ",")
        return "{\"table\":\(quoted(table)),\"slug\":\(quoted(slug)),\"fields\":{\(fields)},\"authority_urls\":{\(authorities)},\"links\":[\(links)],\"sources\":[\(sources)]"
            + (partial.isEmpty ? "}" : ",\"links_partial\":[\(partial)]}")
    }

    /// The record's authority identifiers as outbound links (Wikidata, ULAN, VIAF, Wikipedia).
    public var authorityURLs: [(name: String, url: String)] {
        fields.compactMap { field in
            guard !field.value.isNull, let url = AuthorityID.url(column: field.name, value: field.value.plainText) else { return nil }
            return (field.name, url)
        }
    }
}
