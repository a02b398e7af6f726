-- 0006_objects_trends_authorities: the material of real collections. Museums and their objects, trends and
-- their lineage, life dates and authority identifiers of designers and icons, dates as written.
--
-- Anchors: Costume Core (Kirkland 2019) for agents with open roles and earliest/latest dates; Getty CDWA for a
-- date kept as written beside the years it spans; the Met's open access for constituents' ULAN and Wikidata
-- ids. Conventions of 0001 hold: slugs, typeof CHECKs instead of STRICT, NULL for unknown, every foreign key
-- indexed, relations that cascade with their records and cite their own source. Years of objects may be
-- before the common era (negative: -1500 is 1500 BC); years elsewhere stay 1 to 9999.

-- Designers: a kind may be unknown (a fifth of museum makers cannot be told house or person from the data).
-- Dropping NOT NULL changes no stored row: the table's text in sqlite_schema is rewritten, as 0004 does.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
    'kind         TEXT NOT NULL CHECK (kind = ''house'' OR kind = ''person'')',
    'kind         TEXT CHECK (kind IS NULL OR kind = ''house'' OR kind = ''person'')')
WHERE type = 'table' AND name = 'designers';
PRAGMA writable_schema = RESET;

-- Life dates (born, died; a house's closing year beside 0001's founded) and authority identifiers.
ALTER TABLE designers ADD COLUMN born INTEGER CHECK (born IS NULL OR (typeof(born) = 'integer' AND born BETWEEN 1 AND 9999));
ALTER TABLE designers ADD COLUMN died INTEGER CHECK (died IS NULL OR (typeof(died) = 'integer' AND died BETWEEN 1 AND 9999));
ALTER TABLE designers ADD COLUMN closed INTEGER CHECK (closed IS NULL OR (typeof(closed) = 'integer' AND closed BETWEEN 1 AND 9999));
ALTER TABLE designers ADD COLUMN wikidata TEXT CHECK (wikidata IS NULL OR (typeof(wikidata) = 'text' AND wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*'));
ALTER TABLE designers ADD COLUMN ulan TEXT CHECK (ulan IS NULL OR (typeof(ulan) = 'text' AND ulan GLOB '5[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'));
ALTER TABLE designers ADD COLUMN viaf TEXT CHECK (viaf IS NULL OR (typeof(viaf) = 'text' AND viaf GLOB '[1-9]*' AND viaf NOT GLOB '*[^0-9]*' AND length(viaf) <= 22));
ALTER TABLE designers ADD COLUMN wikipedia TEXT CHECK (wikipedia IS NULL OR (typeof(wikipedia) = 'text' AND wikipedia <> ''));
-- Not unique: the same person at two institutions stays two records (each with its own facts and source)
-- until a curator joins them; the shared identifier shows that they are one.
CREATE INDEX designers_wikidata ON designers(wikidata) WHERE wikidata IS NOT NULL;
CREATE INDEX designers_ulan ON designers(ulan) WHERE ulan IS NOT NULL;

ALTER TABLE icons ADD COLUMN born INTEGER CHECK (born IS NULL OR (typeof(born) = 'integer' AND born BETWEEN 1 AND 9999));
ALTER TABLE icons ADD COLUMN died INTEGER CHECK (died IS NULL OR (typeof(died) = 'integer' AND died BETWEEN 1 AND 9999));
ALTER TABLE icons ADD COLUMN wikidata TEXT CHECK (wikidata IS NULL OR (typeof(wikidata) = 'text' AND wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*'));
ALTER TABLE icons ADD COLUMN ulan TEXT CHECK (ulan IS NULL OR (typeof(ulan) = 'text' AND ulan GLOB '5[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'));
ALTER TABLE icons ADD COLUMN viaf TEXT CHECK (viaf IS NULL OR (typeof(viaf) = 'text' AND viaf GLOB '[1-9]*' AND viaf NOT GLOB '*[^0-9]*' AND length(viaf) <= 22));
ALTER TABLE icons ADD COLUMN wikipedia TEXT CHECK (wikipedia IS NULL OR (typeof(wikipedia) = 'text' AND wikipedia <> ''));

-- Institutions: museums, archives, private collections.
CREATE TABLE institutions (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    name     TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    city     TEXT CHECK (city IS NULL OR (typeof(city) = 'text' AND city <> '')),
    country  TEXT CHECK (country IS NULL OR (typeof(country) = 'text' AND country <> '')),
    url      TEXT CHECK (url IS NULL OR (typeof(url) = 'text' AND url <> ''))
);

-- A physical item held by an institution: a garment, a shoe, a jewel, a design drawing. date_text is the date
-- as the institution wrote it ("ca. 1770", "mid 1970's"); earliest_year and latest_year the span it means,
-- given by the institution or parsed from the text on import (NULL when the text says no year).
CREATE TABLE objects (
    id                INTEGER PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    institution_id    INTEGER NOT NULL REFERENCES institutions(id) ON DELETE RESTRICT,
    accession_number  TEXT CHECK (accession_number IS NULL OR (typeof(accession_number) = 'text' AND accession_number <> '')),
    title             TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    -- An open vocabulary in lowercase, as the institution names it: slippers, dress, cameo, sample.
    object_type       TEXT CHECK (object_type IS NULL OR (typeof(object_type) = 'text' AND object_type <> '')),
    category          TEXT CHECK (category IS NULL OR category = 'garment' OR category = 'footwear' OR category = 'accessory'
                                  OR category = 'jewellery' OR category = 'headwear' OR category = 'textile' OR category = 'lace'
                                  OR category = 'design-drawing' OR category = 'ephemera'),
    department        TEXT CHECK (department IS NULL OR (typeof(department) = 'text' AND department <> '')),
    date_text         TEXT CHECK (date_text IS NULL OR (typeof(date_text) = 'text' AND date_text <> '')),
    earliest_year     INTEGER CHECK (earliest_year IS NULL OR (typeof(earliest_year) = 'integer' AND earliest_year BETWEEN -9999 AND 9999)),
    latest_year       INTEGER CHECK (latest_year IS NULL OR (typeof(latest_year) = 'integer' AND latest_year BETWEEN -9999 AND 9999)),
    culture           TEXT CHECK (culture IS NULL OR (typeof(culture) = 'text' AND culture <> '')),
    medium            TEXT CHECK (medium IS NULL OR (typeof(medium) = 'text' AND medium <> '')),
    dimensions        TEXT CHECK (dimensions IS NULL OR (typeof(dimensions) = 'text' AND dimensions <> '')),
    credit_line       TEXT CHECK (credit_line IS NULL OR (typeof(credit_line) = 'text' AND credit_line <> '')),
    description       TEXT CHECK (description IS NULL OR (typeof(description) = 'text' AND description <> '')),
    url               TEXT CHECK (url IS NULL OR (typeof(url) = 'text' AND url <> '')),
    CHECK (earliest_year IS NULL OR latest_year IS NULL OR earliest_year <= latest_year)
);
CREATE UNIQUE INDEX objects_accession ON objects(institution_id, accession_number) WHERE accession_number IS NOT NULL;
CREATE INDEX objects_years ON objects(earliest_year, latest_year);

-- Who made an object and how: an open vocabulary of roles in lowercase (designer, manufacturer, weaver,
-- retailer, embroiderer…), with the museum's qualifier ("attributed to", "possibly") kept apart.
CREATE TABLE object_makers (
    object_id    INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    designer_id  INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (typeof(role) = 'text' AND role <> '' AND role = lower(role)),
    qualifier    TEXT CHECK (qualifier IS NULL OR (typeof(qualifier) = 'text' AND qualifier <> '')),
    source_id    INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (object_id, designer_id, role)
);
CREATE INDEX object_makers_designer ON object_makers(designer_id);
CREATE INDEX object_makers_source ON object_makers(source_id);

-- The shoe model an object is an example of (a pair of Zizi shoes in a museum).
CREATE TABLE object_shoes (
    object_id  INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    shoe_id    INTEGER NOT NULL REFERENCES shoes(id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (object_id, shoe_id)
);
CREATE INDEX object_shoes_shoe ON object_shoes(shoe_id);
CREATE INDEX object_shoes_source ON object_shoes(source_id);

CREATE TABLE object_icons (
    object_id  INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    icon_id    INTEGER NOT NULL REFERENCES icons(id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (relation = 'wore' OR relation = 'owned'),
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (object_id, icon_id, relation)
);
CREATE INDEX object_icons_icon ON object_icons(icon_id);
CREATE INDEX object_icons_source ON object_icons(source_id);

CREATE TABLE object_collections (
    object_id      INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    source_id      INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (object_id, collection_id)
);
CREATE INDEX object_collections_collection ON object_collections(collection_id);
CREATE INDEX object_collections_source ON object_collections(source_id);

CREATE TABLE object_sources (
    object_id  INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    note       TEXT CHECK (note IS NULL OR (typeof(note) = 'text' AND note <> '')),
    PRIMARY KEY (object_id, source_id)
);
CREATE INDEX object_sources_source ON object_sources(source_id);

-- Trends: a movement or look (Balletcore), its era as written and the years it spans.
CREATE TABLE trends (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    name           TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    era            TEXT CHECK (era IS NULL OR (typeof(era) = 'text' AND era <> '')),
    earliest_year  INTEGER CHECK (earliest_year IS NULL OR (typeof(earliest_year) = 'integer' AND earliest_year BETWEEN 1 AND 9999)),
    latest_year    INTEGER CHECK (latest_year IS NULL OR (typeof(latest_year) = 'integer' AND latest_year BETWEEN 1 AND 9999)),
    description    TEXT CHECK (description IS NULL OR (typeof(description) = 'text' AND description <> '')),
    CHECK (earliest_year IS NULL OR latest_year IS NULL OR earliest_year <= latest_year)
);

-- Lineage: a trend derived from another (the ballerina-derby from Balletcore) or a revival of one.
CREATE TABLE trend_lineage (
    trend_id     INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    ancestor_id  INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    relation     TEXT NOT NULL CHECK (relation = 'derived_from' OR relation = 'revival_of'),
    source_id    INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (trend_id, ancestor_id, relation),
    CHECK (trend_id <> ancestor_id)
);
CREATE INDEX trend_lineage_ancestor ON trend_lineage(ancestor_id);
CREATE INDEX trend_lineage_source ON trend_lineage(source_id);

-- What belongs to a trend: collections, shoes, objects, designers and icons, each link with its source.
CREATE TABLE trend_collections (
    trend_id       INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    source_id      INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (trend_id, collection_id)
);
CREATE INDEX trend_collections_collection ON trend_collections(collection_id);
CREATE INDEX trend_collections_source ON trend_collections(source_id);

CREATE TABLE trend_shoes (
    trend_id   INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    shoe_id    INTEGER NOT NULL REFERENCES shoes(id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (trend_id, shoe_id)
);
CREATE INDEX trend_shoes_shoe ON trend_shoes(shoe_id);
CREATE INDEX trend_shoes_source ON trend_shoes(source_id);

CREATE TABLE trend_objects (
    trend_id   INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    object_id  INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (trend_id, object_id)
);
CREATE INDEX trend_objects_object ON trend_objects(object_id);
CREATE INDEX trend_objects_source ON trend_objects(source_id);

CREATE TABLE trend_designers (
    trend_id     INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    designer_id  INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    source_id    INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (trend_id, designer_id)
);
CREATE INDEX trend_designers_designer ON trend_designers(designer_id);
CREATE INDEX trend_designers_source ON trend_designers(source_id);

CREATE TABLE trend_icons (
    trend_id   INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    icon_id    INTEGER NOT NULL REFERENCES icons(id) ON DELETE CASCADE,
    era        TEXT CHECK (era IS NULL OR (typeof(era) = 'text' AND era <> '')),
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (trend_id, icon_id)
);
CREATE INDEX trend_icons_icon ON trend_icons(icon_id);
CREATE INDEX trend_icons_source ON trend_icons(source_id);

CREATE TABLE trend_sources (
    trend_id   INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    note       TEXT CHECK (note IS NULL OR (typeof(note) = 'text' AND note <> '')),
    PRIMARY KEY (trend_id, source_id)
);
CREATE INDEX trend_sources_source ON trend_sources(source_id);

-- The promises of 0005 for the new tables, whatever the connection's foreign keys --------------------------

CREATE TRIGGER institutions_restrict_delete BEFORE DELETE ON institutions
WHEN EXISTS (SELECT 1 FROM objects WHERE institution_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: this institution still holds objects; delete them first');
END;

CREATE TRIGGER objects_cascade_delete AFTER DELETE ON objects
BEGIN
    DELETE FROM object_makers WHERE object_id = OLD.id;
    DELETE FROM object_shoes WHERE object_id = OLD.id;
    DELETE FROM object_icons WHERE object_id = OLD.id;
    DELETE FROM object_collections WHERE object_id = OLD.id;
    DELETE FROM object_sources WHERE object_id = OLD.id;
    DELETE FROM trend_objects WHERE object_id = OLD.id;
END;

CREATE TRIGGER trends_cascade_delete AFTER DELETE ON trends
BEGIN
    DELETE FROM trend_lineage WHERE trend_id = OLD.id OR ancestor_id = OLD.id;
    DELETE FROM trend_collections WHERE trend_id = OLD.id;
    DELETE FROM trend_shoes WHERE trend_id = OLD.id;
    DELETE FROM trend_objects WHERE trend_id = OLD.id;
    DELETE FROM trend_designers WHERE trend_id = OLD.id;
    DELETE FROM trend_icons WHERE trend_id = OLD.id;
    DELETE FROM trend_sources WHERE trend_id = OLD.id;
END;

CREATE TRIGGER designers_cascade_delete_objects_trends AFTER DELETE ON designers
BEGIN
    DELETE FROM object_makers WHERE designer_id = OLD.id;
    DELETE FROM trend_designers WHERE designer_id = OLD.id;
END;

CREATE TRIGGER collections_cascade_delete_objects_trends AFTER DELETE ON collections
BEGIN
    DELETE FROM object_collections WHERE collection_id = OLD.id;
    DELETE FROM trend_collections WHERE collection_id = OLD.id;
END;

CREATE TRIGGER shoes_cascade_delete_objects_trends AFTER DELETE ON shoes
BEGIN
    DELETE FROM object_shoes WHERE shoe_id = OLD.id;
    DELETE FROM trend_shoes WHERE shoe_id = OLD.id;
END;

CREATE TRIGGER icons_cascade_delete_objects_trends AFTER DELETE ON icons
BEGIN
    DELETE FROM object_icons WHERE icon_id = OLD.id;
    DELETE FROM trend_icons WHERE icon_id = OLD.id;
END;

CREATE TRIGGER sources_restrict_delete_objects_trends BEFORE DELETE ON sources
WHEN EXISTS (SELECT 1 FROM object_sources WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_sources WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM object_makers WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM object_shoes WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM object_icons WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM object_collections WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_lineage WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_collections WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_shoes WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_objects WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_designers WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM trend_icons WHERE source_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: this source is still cited; remove the citations first');
END;

CREATE TRIGGER institutions_fixed_id BEFORE UPDATE OF id ON institutions WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;

CREATE TRIGGER objects_fixed_id BEFORE UPDATE OF id ON objects WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;

CREATE TRIGGER trends_fixed_id BEFORE UPDATE OF id ON trends WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;
