// A record as its page (and its JSON-LD) shows it, read in one snapshot: the record with its links, the names of
// the records its fields refer to, its sources whole (their licences), other records of the same name, and for an
// institution what it holds.
import ArchiveCore

struct RecordContent: Sendable {
    let record: RecordDetails
    /// The name of the record each reference field names (an object's institution).
    let referenceNames: [String: String]
    let sources: [Source]
    /// The sources only its relations cite (not the record itself), listed after its own.
    let linkSources: [RecordDetails.Citation]
    let sameName: SameName?
    /// An institution's objects: counts and the page of them asked for.
    let holdings: InstitutionHoldings?
    /// The slug the institution's page of objects starts after (nil: the first page).
    let after: String?
    /// Its images, primary first.
    var images: [MediaItem] = []
}

extension Reads {
    /// `page`: what only the page shows (records of the same name, an institution's objects) is read too.
    static func recordContent(_ table: String, _ slug: String, after: String? = nil, page: Bool = true, pool: ReadPool) throws -> RecordContent {
        try check(table, slug)
        return try pool.read { archive in
            guard let record = try RecordDetails.find(slug, in: table, linksPerRelation: linksPerRelation, archive: archive).first else {
                throw Reply.Failure.notFound("no \(Names.singular(table)) has the slug “\(slug)”")
            }
            let name = record.fields.first { $0.name == "name" }?.text
            return RecordContent(
                record: record, referenceNames: try record.referenceNames(archive: archive), sources: try record.citedSources(archive: archive),
                linkSources: try record.linkSources(archive: archive),
                sameName: page ? try name.flatMap { try SameName.find($0, of: slug, in: table, archive: archive) } : nil,
                holdings: page && table == "institutions" ? try InstitutionHoldings.load(slug, after: after, archive: archive) : nil,
                after: after, images: try Media.shown(by: table, slug: slug, archive: archive))
        }
    }
}
