// The research-ready views: one row per collection, shoe or object with everything about it, and the icon
// relations with names beside slugs. Lists inside a cell are joined with "; " in a stable order. A record's view
// also reads other rows than the whole table: a search's hits download with the same columns.

extension ExportQuery {
    private static func names(_ select: String) -> String { "(SELECT group_concat(value, '; ') FROM (\(select)))" }

    /// The names credited to collection `c` in `role`, in slug order.
    private static func credited(_ role: CollectionRole) -> String {
        names("SELECT d.name AS value FROM collection_designers x JOIN designers d ON d.id = x.designer_id WHERE x.collection_id = c.id AND x.role = '\(role.rawValue)' ORDER BY d.slug")
    }

    private static let sourcesColumn = ExportColumn("sources", "list", "Titles of the sources that support the record, \"; \"-separated")

    /// What a view reads: every record of `table` (as `alias`) in slug order, or the rows of `rows`, a FROM clause
    /// naming the record `alias` (a search's hits, best first), in their own order.
    private static func from(_ rows: String?, _ table: String, _ alias: String) -> String {
        rows.map { "FROM \($0)" } ?? "FROM \(table) \(alias) ORDER BY \(alias).slug"
    }

    /// collections_full; `rows` names the collection `c` (see `from`).
    public static func collectionsFull(rows: String? = nil) -> ExportQuery {
        ExportQuery(
            name: "collections_full",
            sql: """
                SELECT c.slug, c.title, c.season, c.year,
                  \(credited(.house)) AS houses, \(credited(.creativeDirector)) AS creative_directors,
                  \(credited(.collaborator)) AS collaborators, \(credited(.designer)) AS designers,
                  \(names("SELECT s.name AS value FROM collection_shoes x JOIN shoes s ON s.id = x.shoe_id WHERE x.collection_id = c.id ORDER BY s.slug")) AS shoes,
                  c.keywords, c.description,
                  \(names("SELECT s.title AS value FROM collection_sources x JOIN sources s ON s.id = x.source_id WHERE x.collection_id = c.id ORDER BY s.slug")) AS sources
                \(from(rows, "collections", "c"))
                """,
            columns: [
                ExportColumn("slug", "slug", "The collection's slug"),
                ExportColumn("title", "text", "Title"),
                ExportColumn("season", "text", "SS, AW, Resort, Pre-Fall or Couture; empty when unknown", "SS | AW | Resort | Pre-Fall | Couture"),
                ExportColumn("year", "integer", "Year of the season"),
                ExportColumn("houses", "list", "Houses that showed it"),
                ExportColumn("creative_directors", "list", "Its creative directors"),
                ExportColumn("collaborators", "list", "Collaborating houses or people"),
                ExportColumn("designers", "list", "Designers otherwise credited"),
                ExportColumn("shoes", "list", "Shoes shown in it"),
                ExportColumn("keywords", "text", "Free keywords, \"; \"-separated"),
                ExportColumn("description", "text", "Description in the archive's words"),
                sourcesColumn,
            ],
            isView: true,
            meaning: "One row per collection with its designers by role, shoes and sources")
    }

    /// shoes_full; `rows` names the shoe `s` (see `from`).
    public static func shoesFull(rows: String? = nil) -> ExportQuery {
        ExportQuery(
            name: "shoes_full",
            sql: """
                SELECT s.slug, s.name, s.type, s.year_introduced,
                  \(names("SELECT d.name AS value FROM shoe_designers x JOIN designers d ON d.id = x.designer_id WHERE x.shoe_id = s.id AND x.role = 'maker' ORDER BY d.slug")) AS makers,
                  \(names("SELECT d.name AS value FROM shoe_designers x JOIN designers d ON d.id = x.designer_id WHERE x.shoe_id = s.id AND x.role <> 'maker' ORDER BY d.slug")) AS designers,
                  \(names("SELECT c.title AS value FROM collection_shoes x JOIN collections c ON c.id = x.collection_id WHERE x.shoe_id = s.id ORDER BY c.slug")) AS collections,
                  \(names("SELECT i.name || ' (' || x.relation || ')' AS value FROM icon_shoes x JOIN icons i ON i.id = x.icon_id WHERE x.shoe_id = s.id ORDER BY i.slug, x.relation")) AS icons,
                  s.materials, s.description,
                  \(names("SELECT r.title AS value FROM shoe_sources x JOIN sources r ON r.id = x.source_id WHERE x.shoe_id = s.id ORDER BY r.slug")) AS sources
                \(from(rows, "shoes", "s"))
                """,
            columns: [
                ExportColumn("slug", "slug", "The shoe's slug"),
                ExportColumn("name", "text", "Name"),
                ExportColumn("type", "text", "Kind of shoe"),
                ExportColumn("year_introduced", "integer", "Year introduced"),
                ExportColumn("makers", "list", "Houses or people that made it"),
                ExportColumn("designers", "list", "Designers and collaborators"),
                ExportColumn("collections", "list", "Collections it was shown in"),
                ExportColumn("icons", "list", "Icons and how they relate to it, e.g. Serge Gainsbourg (wore)"),
                ExportColumn("materials", "text", "Materials"),
                ExportColumn("description", "text", "Description in the archive's words"),
                sourcesColumn,
            ],
            isView: true,
            meaning: "One row per shoe with its makers, collections, icons and sources")
    }

    /// The images records show, one row per image (the files themselves: `archive media export`).
    static let media = ExportQuery(
        name: "media",
        sql: """
            SELECT m.record_table,
                   CASE m.record_table \(Tables.records.map { "WHEN '\($0.name)' THEN (SELECT slug FROM \($0.name) WHERE id = m.record_id)" }.joined(separator: " ")) END,
                   m.position, m.is_primary, m.caption, m.credit, m.rights, m.file_name, f.sha256, f.content_type, f.width, f.height, f.bytes
            FROM media m JOIN media_files f ON f.id = m.file_id ORDER BY m.record_table, m.record_id, m.is_primary DESC, m.position
            """,
        columns: [
            ExportColumn("table", "text", "The table of the record that shows the image", Tables.records.map(\.name).joined(separator: " | ")),
            ExportColumn("record", "slug", "The record's slug"),
            ExportColumn("position", "integer", "Its order among the record's images, from 1"),
            ExportColumn("primary", "integer", "1 for the record's primary image (shown first and beside search hits), else 0", "0 | 1"),
            ExportColumn("caption", "text", "Caption, also the image's alternative text"),
            ExportColumn("credit", "text", "Credit line shown with the image"),
            ExportColumn("rights", "text", "Rights statement or licence, as a URI (rightsstatements.org, Creative Commons)"),
            ExportColumn("file_name", "text", "The file's name when it was added"),
            ExportColumn("sha256", "text", "SHA-256 of the original file: its address (/images/SHA256/original) and its check"),
            ExportColumn("content_type", "text", "What the original is", "image/jpeg | image/png | image/webp | image/tiff"),
            ExportColumn("width", "integer", "The original's width in pixels, as stored (before any EXIF turn)"),
            ExportColumn("height", "integer", "The original's height in pixels, as stored"),
            ExportColumn("bytes", "integer", "The original's size in bytes"),
        ],
        isView: true,
        meaning: "The images records show, one row per image; the files themselves: archive media export")

    public static let views: [ExportQuery] = [
        collectionsFull(),
        shoesFull(),
        ExportQuery(
            name: "icon_shoe_relations",
            sql: """
                SELECT i.slug, i.name, s.slug, s.name, x.relation, x.era, r.title
                FROM icon_shoes x JOIN icons i ON i.id = x.icon_id JOIN shoes s ON s.id = x.shoe_id
                LEFT JOIN sources r ON r.id = x.source_id ORDER BY i.slug, s.slug, x.relation
                """,
            columns: [
                ExportColumn("icon", "slug", "The icon's slug"), ExportColumn("icon_name", "text", "The icon's name"),
                ExportColumn("shoe", "slug", "The shoe's slug"), ExportColumn("shoe_name", "text", "The shoe's name"),
                ExportColumn("relation", "text", "How the icon relates to the shoe", "wore | designed_for | popularised | muse | inspired"),
                ExportColumn("era", "text", "When"), ExportColumn("source", "text", "Title of the source"),
            ],
            isView: true,
            meaning: "Icons and shoes, with names"),
        ExportQuery(
            name: "icon_designer_relations",
            sql: """
                SELECT i.slug, i.name, d.slug, d.name, x.relation, x.era, r.title
                FROM icon_designers x JOIN icons i ON i.id = x.icon_id JOIN designers d ON d.id = x.designer_id
                LEFT JOIN sources r ON r.id = x.source_id ORDER BY i.slug, d.slug, x.relation
                """,
            columns: [
                ExportColumn("icon", "slug", "The icon's slug"), ExportColumn("icon_name", "text", "The icon's name"),
                ExportColumn("designer", "slug", "The designer's slug"), ExportColumn("designer_name", "text", "The designer's name"),
                ExportColumn("relation", "text", "How the icon relates to the designer", "wore | designed_for | popularised | muse | inspired | collaborated"),
                ExportColumn("era", "text", "When"), ExportColumn("source", "text", "Title of the source"),
            ],
            isView: true,
            meaning: "Icons and designers, with names"),
        objectsFull(),
        Timeline.view,
        media,
    ]

    /// objects_full; `rows` names the object `o` (see `from`).
    public static func objectsFull(rows: String? = nil) -> ExportQuery {
        ExportQuery(
            name: "objects_full",
            sql: """
                SELECT o.slug, (SELECT name FROM institutions WHERE id = o.institution_id) AS institution, o.accession_number, o.title, o.object_type, o.category, o.date_text,
                  o.earliest_year, o.latest_year,
                  \(names("SELECT d.name || ' (' || x.role || coalesce(', ' || x.qualifier, '') || ')' AS value FROM object_makers x JOIN designers d ON d.id = x.designer_id WHERE x.object_id = o.id ORDER BY d.slug, x.role")) AS makers,
                  o.culture, o.medium, o.dimensions, o.credit_line, o.description, o.url,
                  \(names("SELECT s.title AS value FROM object_sources x JOIN sources s ON s.id = x.source_id WHERE x.object_id = o.id ORDER BY s.slug")) AS sources
                \(from(rows, "objects", "o"))
                """,
            columns: [
                ExportColumn("slug", "slug", "The object's slug"),
                ExportColumn("institution", "text", "Name of the institution that holds it"),
                ExportColumn("accession_number", "text", "The institution's accession number"),
                ExportColumn("title", "text", "Title"),
                ExportColumn("object_type", "text", "Type as the institution names it"),
                ExportColumn("category", "text", "What kind of thing it is", ObjectCategory.allCases.map(\.rawValue).joined(separator: " | ")),
                ExportColumn("date_text", "text", "Date as written"),
                ExportColumn("earliest_year", "integer", "Earliest year (negative: BC)"),
                ExportColumn("latest_year", "integer", "Latest year"),
                ExportColumn("makers", "list", "Makers with role and qualifier: Name (role, attributed to)"),
                ExportColumn("culture", "text", "Culture or place"),
                ExportColumn("medium", "text", "Materials and techniques"),
                ExportColumn("dimensions", "text", "Dimensions"),
                ExportColumn("credit_line", "text", "Credit line"),
                ExportColumn("description", "text", "Description"),
                ExportColumn("url", "text", "The object's page at the institution"),
                sourcesColumn,
            ],
            isView: true,
            meaning: "One row per object with its institution, makers by role and sources")
    }
}
