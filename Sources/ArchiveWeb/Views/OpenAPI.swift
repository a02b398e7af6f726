// The API described for programs (OpenAPI 3.1), served at /api/openapi.json, and for people at /api.

enum OpenAPI {
    static let document = """
    {
      "openapi": "3.1.0",
      "info": {"title": "Fashion archive API", "version": "1", "description": "Read-only JSON over an archive file, served by `archive serve`. Errors are {\\"error\\": message, \\"status\\": code}: 400 for a bad parameter, 404, 405 for a method other than GET, HEAD or OPTIONS, 503 when a query ran out of time or every download connection is busy. HEAD answers every GET with its headers. A download cut short (the client stopped reading, the time limit) ends without its last chunk."},
      "paths": {
        "/api/stats": {"get": {"summary": "Rows per table, file size, schema version, last import", "responses": {"200": {"description": "Stats", "content": {"application/json": {}}}}}},
        "/api/search": {"get": {"summary": "Search every record type, ranked by bm25, with snippets, the total and facets",
          "parameters": [
            {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 1000}, "description": "Words; word* for a prefix; \\"a phrase\\""},
            {"name": "in", "in": "query", "schema": {"type": "string", "enum": ["all", "collections", "shoes", "designers", "icons", "objects", "trends", "institutions"]}},
            {"name": "designer", "in": "query", "schema": {"type": "string"}},
            {"name": "season", "in": "query", "schema": {"type": "string"}},
            {"name": "from", "in": "query", "schema": {"type": "integer", "minimum": -9999, "maximum": 9999}},
            {"name": "to", "in": "query", "schema": {"type": "integer", "minimum": -9999, "maximum": 9999}},
            {"name": "institution", "in": "query", "schema": {"type": "string"}},
            {"name": "category", "in": "query", "schema": {"type": "string"}},
            {"name": "type", "in": "query", "schema": {"type": "string"}, "description": "Objects of this type, as the institution names it (any case)"},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}, "description": "Hits a page; with format, the first this many hits (up to 10000), every hit without it"},
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 1}},
            {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "json", "ndjson"]}, "description": "Every hit of one kind (in=collections, objects, …; a search of several kinds is a 400), best first, with its kind's columns as `archive export` writes them (collections_full, shoes_full, objects_full, else the table), streamed; a CSV is named after the words (search-silk-dress-objects.csv)"}
          ],
          "responses": {"200": {"description": "{query, scope, total, total_is_capped, page, limit, hits: [{kind, slug, title, season, year, date (as written), details ({institution, accession_number, maker} for an object, {house} for a collection, {makers} for a shoe…), score, snippet, segments: [{text, match}], url}], facets: [{facet (institution, category, type, designer, period), value (what its filter takes), label (by name), count, count_is (exact, about: estimated from a sample, at least: counting stopped at its time limit), from and to (a period's years), url (the search with its filter added)}], facet_counts: {count_is, hits (counted or estimated), hits_read}}", "content": {"application/json": {}, "text/csv": {}, "application/x-ndjson": {}}}, "400": {"description": "Bad parameter"}, "503": {"description": "Time limit"}}}},
        "/api/records/{table}/{slug}": {"get": {"summary": "One record with its fields, links by relation and role, sources and authority URLs",
          "parameters": [{"name": "table", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "slug", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "json", "ndjson"]}, "description": "The record's row as `archive export` writes its table"}],
          "responses": {"200": {"description": "The record, as `archive show --format json` prints it, with at most 50 links of each relation: links_partial lists the relations read in part [{relation, column, table, shown, total}], whose rows /api/lists/{relation}?{column}={slug} pages through"}, "404": {"description": "No such record"}}}},
        "/api/records/{table}/{slug}.jsonld": {"get": {"summary": "One record as schema.org JSON-LD, as its page's head carries it",
          "parameters": [{"name": "table", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "slug", "in": "path", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "A VisualArtwork (objects), ProductModel (shoes), CreativeWork (collections, sources), Person or Organization (designers by kind; Thing when the kind is unknown and no field tells), Person (icons), ArchiveOrganization (institutions) or DefinedTerm (trends, tags); @id is the record's permalink (from --base-url), the records it links to are named by theirs, sameAs lists its Wikidata, ULAN, VIAF and AAT URIs", "content": {"application/ld+json": {}}}, "404": {"description": "No such record"}}}},
        "/api/lists/{table}": {"get": {"summary": "A page of a table's rows (references as slugs), or the whole table with format",
          "parameters": [{"name": "table", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "sort", "in": "query", "schema": {"type": "string"}}, {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
                         {"name": "after", "in": "query", "schema": {"type": "string"}, "description": "next_after of the previous page: the rows after that row in this order (keyset paging in every order; a slug for record tables, a row number for relation tables). Without sort, records come by name as people read it (sort_key: case, accents and leading punctuation folded), relation rows in the order they were entered"},
                         {"name": "before", "in": "query", "schema": {"type": "string"}, "description": "previous_before of the next page: the page that ends just before that row"},
                         {"name": "last", "in": "query", "schema": {"type": "string", "enum": ["1"]}, "description": "The last page"},
                         {"name": "{reference}", "in": "query", "schema": {"type": "string"}, "description": "A reference column of the table and a slug: only the rows of that record (designer=celine)"},
                         {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 2000}},
                         {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
                         {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "json", "ndjson"]}, "description": "Stream the whole table as `archive export` writes it"}],
          "responses": {"200": {"description": "{table, columns, total, rows: [{column: value}], next_after, previous_before}"}, "404": {"description": "No such table"}, "503": {"description": "Every download connection is busy (format)"}}}},
        "/api/timeline": {"get": {"summary": "Dated facts in order",
          "parameters": [{"name": "around", "in": "query", "schema": {"type": "string"}}, {"name": "table", "in": "query", "schema": {"type": "string"}},
                         {"name": "from", "in": "query", "schema": {"type": "integer"}}, {"name": "to", "in": "query", "schema": {"type": "integer"}},
                         {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 2000, "default": 500}},
                         {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "json", "ndjson"]}}],
          "responses": {"200": {"description": "Rows: earliest_year, latest_year, when, kind, slug, name, event, other_kind, other, other_name, source"}}}}
      }
    }
    """

    /// The page for people: markup written here, not from any record, so it goes in as it is. Made for each request
    /// (its head names the address asked for).
    static var page: String { Layout.page(title: "API", section: .api) { Node.raw("""
        <h1>The JSON API</h1>
        <p class="lede">Everything the pages show, for programs: read-only, JSON by default, CSV or NDJSON with <code>format</code>. Described in <a href="/api/openapi.json">OpenAPI</a>.</p>
        <dl class="fields">
        <dt><a href="/api/stats">/api/stats</a></dt><dd>Rows per table, file size, schema version, last import.</dd>
        <dt><a href="/api/search?q=ballet">/api/search?q=…</a></dt><dd>Ranked hits with snippets (as text and as segments), the total and facets; <code>in</code>, <code>designer</code>, <code>season</code>, <code>from</code>, <code>to</code>, <code>institution</code>, <code>category</code>, <code>type</code>, <code>page</code>, <code>limit</code>, <code>format</code>; facets by institution, category, type, designer and period, by name, estimated past 256 hits (64 in an index of over 100,000 records) and marked so (<code>count_is</code>).</dd>
        <dt>/api/records/<var>table</var>/<var>slug</var></dt><dd>One record with its links by relation and role, its sources and authority URLs.</dd>
        <dt>/api/records/<var>table</var>/<var>slug</var>.jsonld</dt><dd>The record as schema.org JSON-LD (<code>application/ld+json</code>), as its page carries it: ids from <code>--base-url</code>, <code>sameAs</code> its authority ids.</dd>
        <dt><a href="/api/lists/designers">/api/lists/<var>table</var></a></dt><dd>A page of a table (<code>after</code>, <code>before</code>, <code>last</code>, <code>sort</code>, <code>order</code>, <code>limit</code>), or the whole table with <code>format=csv</code>.</dd>
        <dt><a href="/api/timeline">/api/timeline</a></dt><dd>Dated facts in order (<code>around</code>, <code>from</code>, <code>to</code>).</dd>
        </dl>
        <p>Errors are JSON: <code>{"error": "…", "status": 400}</code>; 503 means a query ran out of time.</p>
        """) } }
}
