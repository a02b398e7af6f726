-- 0011_museum_fields: homes for what museum open-access files carry and the archive dropped. An object's
-- classification, accession year, Wikidata item, rights and place; a maker's nationality and the museum's own
-- id for it; keywords (tags) with their Getty AAT and Wikidata ids, shared by every object that carries them.
--
-- Anchors: the Met's open-access CSV (Classification, AccessionYear, Object Wikidata URL, Is Public Domain,
-- Rights and Reproduction, City/Country/Region, Artist Nationality, Constituent ID, Tags with their AAT and
-- Wikidata URLs) and the V&A's API (_primaryPlace). Conventions of 0001 hold: NULL for unknown, typeof CHECKs,
-- every foreign key indexed, relations that cascade with their records and cite their own source.

ALTER TABLE objects ADD COLUMN classification TEXT CHECK (classification IS NULL OR (typeof(classification) = 'text' AND classification <> ''));
ALTER TABLE objects ADD COLUMN accession_year INTEGER CHECK (accession_year IS NULL OR (typeof(accession_year) = 'integer' AND accession_year BETWEEN 1 AND 9999));
ALTER TABLE objects ADD COLUMN wikidata TEXT CHECK (wikidata IS NULL OR (typeof(wikidata) = 'text' AND wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*'));
-- 1: the institution says the object is in the public domain; 0: it says not; NULL: it does not say.
ALTER TABLE objects ADD COLUMN public_domain INTEGER CHECK (public_domain IS NULL OR (typeof(public_domain) = 'integer' AND public_domain IN (0, 1)));
-- The rights statement as written ("© Estate of …"), or a licence's or rights statement's URI.
ALTER TABLE objects ADD COLUMN rights TEXT CHECK (rights IS NULL OR (typeof(rights) = 'text' AND rights <> ''));
-- Where it was made: as the institution writes it (the V&A's "Paris"), and, where given apart, city, country, region.
ALTER TABLE objects ADD COLUMN place TEXT CHECK (place IS NULL OR (typeof(place) = 'text' AND place <> ''));
ALTER TABLE objects ADD COLUMN city TEXT CHECK (city IS NULL OR (typeof(city) = 'text' AND city <> ''));
ALTER TABLE objects ADD COLUMN country TEXT CHECK (country IS NULL OR (typeof(country) = 'text' AND country <> ''));
ALTER TABLE objects ADD COLUMN region TEXT CHECK (region IS NULL OR (typeof(region) = 'text' AND region <> ''));
CREATE INDEX objects_wikidata ON objects(wikidata) WHERE wikidata IS NOT NULL;

ALTER TABLE designers ADD COLUMN nationality TEXT CHECK (nationality IS NULL OR (typeof(nationality) = 'text' AND nationality <> ''));
-- The id the museum whose data made the record gives the maker (the Met's Constituent ID). Makers from museum
-- data are one record per museum (0006), so one museum id per record.
ALTER TABLE designers ADD COLUMN museum_id TEXT CHECK (museum_id IS NULL OR (typeof(museum_id) = 'text' AND museum_id <> ''));

-- A keyword an institution gives objects (Women, Dresses, Shoes), with the vocabularies' ids when given.
CREATE TABLE tags (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    name      TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    aat       TEXT CHECK (aat IS NULL OR (typeof(aat) = 'text' AND aat GLOB '3[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')),
    wikidata  TEXT CHECK (wikidata IS NULL OR (typeof(wikidata) = 'text' AND wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*'))
);
CREATE INDEX tags_aat ON tags(aat) WHERE aat IS NOT NULL;
CREATE INDEX tags_wikidata ON tags(wikidata) WHERE wikidata IS NOT NULL;

CREATE TABLE object_tags (
    object_id  INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (object_id, tag_id)
);
CREATE INDEX object_tags_tag ON object_tags(tag_id);
CREATE INDEX object_tags_source ON object_tags(source_id);

-- The promises of 0005 for the new tables, whatever the connection's foreign keys.
CREATE TRIGGER objects_cascade_delete_tags AFTER DELETE ON objects
BEGIN
    DELETE FROM object_tags WHERE object_id = OLD.id;
END;

CREATE TRIGGER tags_cascade_delete AFTER DELETE ON tags
BEGIN
    DELETE FROM object_tags WHERE tag_id = OLD.id;
END;

CREATE TRIGGER sources_restrict_delete_tags BEFORE DELETE ON sources
WHEN EXISTS (SELECT 1 FROM object_tags WHERE source_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: this source is still cited; remove the citations first');
END;

CREATE TRIGGER tags_fixed_id BEFORE UPDATE OF id ON tags WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;
