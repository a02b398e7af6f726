-- 0007_search_objects_trends: full-text indexes over objects, trends and institutions, kept in step by
-- triggers as 0002's are (and, like them, dropped and rebuilt by a bulk import: every trigger here is named
-- *_fts_*). An object is found by its title, its makers' names, its type and category, culture, medium,
-- description, institution and date as written; a trend by its name, era, description and the names of the
-- trends it descends from; an institution by its name, city and country.

-- Objects -------------------------------------------------------------------------------------------------

CREATE VIEW objects_search_text AS
SELECT o.id AS id,
       o.title AS title,
       (SELECT group_concat(d.name, '; ') FROM object_makers AS m JOIN designers AS d ON d.id = m.designer_id
         WHERE m.object_id = o.id) AS makers,
       trim(coalesce(o.object_type, '') || ' ' || coalesce(o.category, '')) AS kind,
       o.culture AS culture,
       o.medium AS medium,
       o.description AS description,
       (SELECT i.name FROM institutions AS i WHERE i.id = o.institution_id) AS institution,
       o.date_text AS date_text
FROM objects AS o;

CREATE VIRTUAL TABLE objects_fts USING fts5(
    title, makers, kind, culture, medium, description, institution, date_text,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER objects_fts_insert AFTER INSERT ON objects
BEGIN
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER objects_fts_update AFTER UPDATE ON objects
BEGIN
    DELETE FROM objects_fts WHERE rowid = OLD.id;
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER objects_fts_delete AFTER DELETE ON objects
BEGIN
    DELETE FROM objects_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER object_makers_fts_insert AFTER INSERT ON object_makers
BEGIN
    DELETE FROM objects_fts WHERE rowid = NEW.object_id;
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id = NEW.object_id;
END;

CREATE TRIGGER object_makers_fts_change AFTER UPDATE OF object_id, designer_id ON object_makers
BEGIN
    DELETE FROM objects_fts WHERE rowid IN (OLD.object_id, NEW.object_id);
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id IN (OLD.object_id, NEW.object_id);
END;

CREATE TRIGGER object_makers_fts_delete AFTER DELETE ON object_makers
BEGIN
    DELETE FROM objects_fts WHERE rowid = OLD.object_id;
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id = OLD.object_id;
END;

-- A maker or an institution renamed: its objects re-read the name.
CREATE TRIGGER designers_objects_fts_rename AFTER UPDATE OF name ON designers
BEGIN
    DELETE FROM objects_fts WHERE rowid IN (SELECT object_id FROM object_makers WHERE designer_id = NEW.id);
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id IN (SELECT object_id FROM object_makers WHERE designer_id = NEW.id);
END;

CREATE TRIGGER institutions_objects_fts_rename AFTER UPDATE OF name ON institutions
BEGIN
    DELETE FROM objects_fts WHERE rowid IN (SELECT id FROM objects WHERE institution_id = NEW.id);
    INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text)
    SELECT * FROM objects_search_text WHERE id IN (SELECT id FROM objects WHERE institution_id = NEW.id);
END;

-- Trends --------------------------------------------------------------------------------------------------

CREATE VIEW trends_search_text AS
SELECT t.id AS id,
       t.name AS name,
       t.era AS era,
       (SELECT group_concat(a.name, '; ') FROM trend_lineage AS l JOIN trends AS a ON a.id = l.ancestor_id
         WHERE l.trend_id = t.id) AS lineage,
       t.description AS description
FROM trends AS t;

CREATE VIRTUAL TABLE trends_fts USING fts5(
    name, era, lineage, description,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER trends_fts_insert AFTER INSERT ON trends
BEGIN
    INSERT INTO trends_fts (rowid, name, era, lineage, description) SELECT * FROM trends_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER trends_fts_update AFTER UPDATE ON trends
BEGIN
    DELETE FROM trends_fts WHERE rowid = OLD.id;
    INSERT INTO trends_fts (rowid, name, era, lineage, description) SELECT * FROM trends_search_text WHERE id = NEW.id;
    -- its descendants show its name
    DELETE FROM trends_fts WHERE rowid IN (SELECT trend_id FROM trend_lineage WHERE ancestor_id = NEW.id);
    INSERT INTO trends_fts (rowid, name, era, lineage, description)
    SELECT * FROM trends_search_text WHERE id IN (SELECT trend_id FROM trend_lineage WHERE ancestor_id = NEW.id);
END;

CREATE TRIGGER trends_fts_delete AFTER DELETE ON trends
BEGIN
    DELETE FROM trends_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER trend_lineage_fts_insert AFTER INSERT ON trend_lineage
BEGIN
    DELETE FROM trends_fts WHERE rowid = NEW.trend_id;
    INSERT INTO trends_fts (rowid, name, era, lineage, description) SELECT * FROM trends_search_text WHERE id = NEW.trend_id;
END;

CREATE TRIGGER trend_lineage_fts_change AFTER UPDATE OF trend_id, ancestor_id ON trend_lineage
BEGIN
    DELETE FROM trends_fts WHERE rowid IN (OLD.trend_id, NEW.trend_id);
    INSERT INTO trends_fts (rowid, name, era, lineage, description)
    SELECT * FROM trends_search_text WHERE id IN (OLD.trend_id, NEW.trend_id);
END;

CREATE TRIGGER trend_lineage_fts_delete AFTER DELETE ON trend_lineage
BEGIN
    DELETE FROM trends_fts WHERE rowid = OLD.trend_id;
    INSERT INTO trends_fts (rowid, name, era, lineage, description) SELECT * FROM trends_search_text WHERE id = OLD.trend_id;
END;

-- Institutions --------------------------------------------------------------------------------------------

CREATE VIEW institutions_search_text AS
SELECT i.id AS id, i.name AS name, i.city AS city, i.country AS country FROM institutions AS i;

CREATE VIRTUAL TABLE institutions_fts USING fts5(
    name, city, country,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);

CREATE TRIGGER institutions_fts_insert AFTER INSERT ON institutions
BEGIN
    INSERT INTO institutions_fts (rowid, name, city, country) SELECT * FROM institutions_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER institutions_fts_update AFTER UPDATE ON institutions
BEGIN
    DELETE FROM institutions_fts WHERE rowid = OLD.id;
    INSERT INTO institutions_fts (rowid, name, city, country) SELECT * FROM institutions_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER institutions_fts_delete AFTER DELETE ON institutions
BEGIN
    DELETE FROM institutions_fts WHERE rowid = OLD.id;
END;

-- Whatever an archive already held is indexed now.
INSERT INTO objects_fts (rowid, title, makers, kind, culture, medium, description, institution, date_text) SELECT * FROM objects_search_text;
INSERT INTO trends_fts (rowid, name, era, lineage, description) SELECT * FROM trends_search_text;
INSERT INTO institutions_fts (rowid, name, city, country) SELECT * FROM institutions_search_text;
