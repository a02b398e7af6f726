-- 0002_search: full-text indexes over collections, shoes, designers and icons.
--
-- Each index is an FTS5 table whose rowid is the record's id. It holds the record's own text and the names of
-- related records (a collection's designers, a shoe's makers and icons), so that "Repetto" finds the
-- Jacquemus × Repetto collection and "Michael Rider" finds Celine SS26. What goes into each index is one view
-- (*_search_text); triggers re-read that view for every record whose text, or whose related names, change.
--
-- unicode61 with remove_diacritics 2: "celine" finds "Céline" and "CÉLINE" finds "Celine".
-- prefix '3': a prefix index for three-letter prefixes (bal*); a longer prefix (balle*) is a range scan of the
-- main index's terms, already fast. Indexing the 2-letter prefixes too made a bulk build 2.4x slower (measured).
--
-- A bulk import drops these triggers, writes its rows, rebuilds every index from the views and creates the
-- triggers again from their text in sqlite_schema, all inside its one transaction: a trigger that only checked
-- whether it was suspended still cost a fifth of a bulk import (callgrind), and one rebuild is several times
-- faster than maintaining FTS5 row by row.

-- Collections ---------------------------------------------------------------------------------------------

CREATE VIEW collections_search_text AS
SELECT c.id AS id,
       c.title AS title,
       (SELECT group_concat(d.name, '; ') FROM collection_designers AS cd JOIN designers AS d ON d.id = cd.designer_id
         WHERE cd.collection_id = c.id) AS designers,
       c.keywords AS keywords,
       c.description AS description,
       trim(coalesce(c.season, '') || ' ' || coalesce(c.year, '')) AS season_year
FROM collections AS c;

CREATE VIRTUAL TABLE collections_fts USING fts5(
    title, designers, keywords, description, season_year,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER collections_fts_insert AFTER INSERT ON collections
BEGIN
    INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year)
    SELECT * FROM collections_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER collections_fts_update AFTER UPDATE ON collections
BEGIN
    DELETE FROM collections_fts WHERE rowid = OLD.id;
    INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year)
    SELECT * FROM collections_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER collections_fts_delete AFTER DELETE ON collections
BEGIN
    DELETE FROM collections_fts WHERE rowid = OLD.id;
END;

-- Shoes ---------------------------------------------------------------------------------------------------

CREATE VIEW shoes_search_text AS
SELECT s.id AS id,
       s.name AS name,
       s.type AS type,
       (SELECT group_concat(d.name, '; ') FROM shoe_designers AS sd JOIN designers AS d ON d.id = sd.designer_id
         WHERE sd.shoe_id = s.id) AS designers,
       (SELECT group_concat(i.name, '; ') FROM icon_shoes AS x JOIN icons AS i ON i.id = x.icon_id
         WHERE x.shoe_id = s.id) AS icons,
       s.description AS description,
       s.materials AS materials
FROM shoes AS s;

CREATE VIRTUAL TABLE shoes_fts USING fts5(
    name, type, designers, icons, description, materials,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER shoes_fts_insert AFTER INSERT ON shoes
BEGIN
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER shoes_fts_update AFTER UPDATE ON shoes
BEGIN
    DELETE FROM shoes_fts WHERE rowid = OLD.id;
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER shoes_fts_delete AFTER DELETE ON shoes
BEGIN
    DELETE FROM shoes_fts WHERE rowid = OLD.id;
END;

-- Designers -----------------------------------------------------------------------------------------------

CREATE VIEW designers_search_text AS
SELECT d.id AS id,
       d.name AS name,
       d.kind AS kind,
       d.country AS country,
       (SELECT group_concat(o.name, '; ') FROM designer_affiliations AS a JOIN designers AS o
           ON o.id = CASE WHEN a.person_id = d.id THEN a.house_id ELSE a.person_id END
         WHERE a.person_id = d.id OR a.house_id = d.id) AS affiliations,
       d.description AS description
FROM designers AS d;

CREATE VIRTUAL TABLE designers_fts USING fts5(
    name, kind, country, affiliations, description,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER designers_fts_insert AFTER INSERT ON designers
BEGIN
    INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description)
    SELECT * FROM designers_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER designers_fts_update AFTER UPDATE ON designers
BEGIN
    DELETE FROM designers_fts WHERE rowid = OLD.id;
    INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description)
    SELECT * FROM designers_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER designers_fts_delete AFTER DELETE ON designers
BEGIN
    DELETE FROM designers_fts WHERE rowid = OLD.id;
END;

-- A designer renamed: every index that shows the name re-reads it.
CREATE TRIGGER designers_fts_rename AFTER UPDATE OF name ON designers
BEGIN
    DELETE FROM collections_fts WHERE rowid IN (SELECT collection_id FROM collection_designers WHERE designer_id = NEW.id);
    INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year)
    SELECT * FROM collections_search_text WHERE id IN (SELECT collection_id FROM collection_designers WHERE designer_id = NEW.id);
    DELETE FROM shoes_fts WHERE rowid IN (SELECT shoe_id FROM shoe_designers WHERE designer_id = NEW.id);
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id IN (SELECT shoe_id FROM shoe_designers WHERE designer_id = NEW.id);
    DELETE FROM icons_fts WHERE rowid IN (SELECT icon_id FROM icon_designers WHERE designer_id = NEW.id);
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id IN (SELECT icon_id FROM icon_designers WHERE designer_id = NEW.id);
    DELETE FROM designers_fts WHERE rowid IN (
        SELECT house_id FROM designer_affiliations WHERE person_id = NEW.id
        UNION SELECT person_id FROM designer_affiliations WHERE house_id = NEW.id);
    INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description)
    SELECT * FROM designers_search_text WHERE id IN (
        SELECT house_id FROM designer_affiliations WHERE person_id = NEW.id
        UNION SELECT person_id FROM designer_affiliations WHERE house_id = NEW.id);
END;

-- Icons ---------------------------------------------------------------------------------------------------

CREATE VIEW icons_search_text AS
SELECT i.id AS id,
       i.name AS name,
       i.occupation AS occupation,
       i.era AS era,
       i.nationality AS nationality,
       (SELECT group_concat(s.name, '; ') FROM icon_shoes AS x JOIN shoes AS s ON s.id = x.shoe_id
         WHERE x.icon_id = i.id) AS shoes,
       (SELECT group_concat(d.name, '; ') FROM icon_designers AS x JOIN designers AS d ON d.id = x.designer_id
         WHERE x.icon_id = i.id) AS designers,
       i.description AS description
FROM icons AS i;

CREATE VIRTUAL TABLE icons_fts USING fts5(
    name, occupation, era, nationality, shoes, designers, description,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER icons_fts_insert AFTER INSERT ON icons
BEGIN
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER icons_fts_update AFTER UPDATE ON icons
BEGIN
    DELETE FROM icons_fts WHERE rowid = OLD.id;
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER icons_fts_delete AFTER DELETE ON icons
BEGIN
    DELETE FROM icons_fts WHERE rowid = OLD.id;
END;

-- Shoes and icons show each other's names.
CREATE TRIGGER shoes_fts_rename AFTER UPDATE OF name ON shoes
BEGIN
    DELETE FROM icons_fts WHERE rowid IN (SELECT icon_id FROM icon_shoes WHERE shoe_id = NEW.id);
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id IN (SELECT icon_id FROM icon_shoes WHERE shoe_id = NEW.id);
END;

CREATE TRIGGER icons_fts_rename AFTER UPDATE OF name ON icons
BEGIN
    DELETE FROM shoes_fts WHERE rowid IN (SELECT shoe_id FROM icon_shoes WHERE icon_id = NEW.id);
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id IN (SELECT shoe_id FROM icon_shoes WHERE icon_id = NEW.id);
END;

-- Relations: a link added, changed or removed re-reads the records at both ends that show the other's name.

CREATE TRIGGER collection_designers_fts_insert AFTER INSERT ON collection_designers
BEGIN
    DELETE FROM collections_fts WHERE rowid = NEW.collection_id;
    INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year)
    SELECT * FROM collections_search_text WHERE id = NEW.collection_id;
END;

CREATE TRIGGER collection_designers_fts_change AFTER UPDATE OF collection_id, designer_id ON collection_designers
BEGIN
    DELETE FROM collections_fts WHERE rowid IN (OLD.collection_id, NEW.collection_id);
    INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year)
    SELECT * FROM collections_search_text WHERE id IN (OLD.collection_id, NEW.collection_id);
END;

CREATE TRIGGER collection_designers_fts_delete AFTER DELETE ON collection_designers
BEGIN
    DELETE FROM collections_fts WHERE rowid = OLD.collection_id;
    INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year)
    SELECT * FROM collections_search_text WHERE id = OLD.collection_id;
END;

CREATE TRIGGER shoe_designers_fts_insert AFTER INSERT ON shoe_designers
BEGIN
    DELETE FROM shoes_fts WHERE rowid = NEW.shoe_id;
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id = NEW.shoe_id;
END;

CREATE TRIGGER shoe_designers_fts_change AFTER UPDATE OF shoe_id, designer_id ON shoe_designers
BEGIN
    DELETE FROM shoes_fts WHERE rowid IN (OLD.shoe_id, NEW.shoe_id);
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id IN (OLD.shoe_id, NEW.shoe_id);
END;

CREATE TRIGGER shoe_designers_fts_delete AFTER DELETE ON shoe_designers
BEGIN
    DELETE FROM shoes_fts WHERE rowid = OLD.shoe_id;
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id = OLD.shoe_id;
END;

CREATE TRIGGER icon_shoes_fts_insert AFTER INSERT ON icon_shoes
BEGIN
    DELETE FROM shoes_fts WHERE rowid = NEW.shoe_id;
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id = NEW.shoe_id;
    DELETE FROM icons_fts WHERE rowid = NEW.icon_id;
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id = NEW.icon_id;
END;

CREATE TRIGGER icon_shoes_fts_change AFTER UPDATE OF icon_id, shoe_id ON icon_shoes
BEGIN
    DELETE FROM shoes_fts WHERE rowid IN (OLD.shoe_id, NEW.shoe_id);
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id IN (OLD.shoe_id, NEW.shoe_id);
    DELETE FROM icons_fts WHERE rowid IN (OLD.icon_id, NEW.icon_id);
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id IN (OLD.icon_id, NEW.icon_id);
END;

CREATE TRIGGER icon_shoes_fts_delete AFTER DELETE ON icon_shoes
BEGIN
    DELETE FROM shoes_fts WHERE rowid = OLD.shoe_id;
    INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials)
    SELECT * FROM shoes_search_text WHERE id = OLD.shoe_id;
    DELETE FROM icons_fts WHERE rowid = OLD.icon_id;
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id = OLD.icon_id;
END;

CREATE TRIGGER icon_designers_fts_insert AFTER INSERT ON icon_designers
BEGIN
    DELETE FROM icons_fts WHERE rowid = NEW.icon_id;
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id = NEW.icon_id;
END;

CREATE TRIGGER icon_designers_fts_change AFTER UPDATE OF icon_id, designer_id ON icon_designers
BEGIN
    DELETE FROM icons_fts WHERE rowid IN (OLD.icon_id, NEW.icon_id);
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id IN (OLD.icon_id, NEW.icon_id);
END;

CREATE TRIGGER icon_designers_fts_delete AFTER DELETE ON icon_designers
BEGIN
    DELETE FROM icons_fts WHERE rowid = OLD.icon_id;
    INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description)
    SELECT * FROM icons_search_text WHERE id = OLD.icon_id;
END;

CREATE TRIGGER designer_affiliations_fts_insert AFTER INSERT ON designer_affiliations
BEGIN
    DELETE FROM designers_fts WHERE rowid IN (NEW.person_id, NEW.house_id);
    INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description)
    SELECT * FROM designers_search_text WHERE id IN (NEW.person_id, NEW.house_id);
END;

CREATE TRIGGER designer_affiliations_fts_change AFTER UPDATE OF person_id, house_id ON designer_affiliations
BEGIN
    DELETE FROM designers_fts WHERE rowid IN (OLD.person_id, OLD.house_id, NEW.person_id, NEW.house_id);
    INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description)
    SELECT * FROM designers_search_text WHERE id IN (OLD.person_id, OLD.house_id, NEW.person_id, NEW.house_id);
END;

CREATE TRIGGER designer_affiliations_fts_delete AFTER DELETE ON designer_affiliations
BEGIN
    DELETE FROM designers_fts WHERE rowid IN (OLD.person_id, OLD.house_id);
    INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description)
    SELECT * FROM designers_search_text WHERE id IN (OLD.person_id, OLD.house_id);
END;

-- Whatever is already in the archive (an upgrade from schema 1) is indexed now.
INSERT INTO collections_fts (rowid, title, designers, keywords, description, season_year) SELECT * FROM collections_search_text;
INSERT INTO shoes_fts (rowid, name, type, designers, icons, description, materials) SELECT * FROM shoes_search_text;
INSERT INTO designers_fts (rowid, name, kind, country, affiliations, description) SELECT * FROM designers_search_text;
INSERT INTO icons_fts (rowid, name, occupation, era, nationality, shoes, designers, description) SELECT * FROM icons_search_text;
