-- 0005_promises_without_foreign_keys: the archive keeps its promises whatever the connection's pragmas.
--
-- Why: ON DELETE CASCADE and ON DELETE RESTRICT (0001) act only on a connection that turned foreign keys on.
-- archive does, but the sqlite3 CLI, sqlite-utils, Datasette and Python's sqlite3 leave them off (SQLite's
-- default), so `DELETE FROM designers WHERE slug = 'celine'` there left relation rows pointing at nothing and
-- `DELETE FROM sources` removed sources still cited. Triggers run on every connection: they do the same work
-- here, and the foreign keys stay declared for the tools that read them. With foreign keys on, SQLite's own
-- cascade has already removed the rows, and these deletes find nothing.
--
-- The search indexes follow: deleting a relation row fires its *_fts_delete trigger (0002), which re-reads the
-- record at the other end, so a deleted designer's name leaves its collections' index rows too.
--
-- Ids are the archive's internal keys, referred to by every relation and index row: changing one by hand
-- would detach them, so it is refused (change the slug instead).

-- Cascades ------------------------------------------------------------------------------------------------

CREATE TRIGGER designers_cascade_delete AFTER DELETE ON designers
BEGIN
    DELETE FROM designer_affiliations WHERE person_id = OLD.id OR house_id = OLD.id;
    DELETE FROM collection_designers WHERE designer_id = OLD.id;
    DELETE FROM shoe_designers WHERE designer_id = OLD.id;
    DELETE FROM icon_designers WHERE designer_id = OLD.id;
    DELETE FROM designer_sources WHERE designer_id = OLD.id;
END;

CREATE TRIGGER collections_cascade_delete AFTER DELETE ON collections
BEGIN
    DELETE FROM collection_designers WHERE collection_id = OLD.id;
    DELETE FROM collection_shoes WHERE collection_id = OLD.id;
    DELETE FROM collection_sources WHERE collection_id = OLD.id;
END;

CREATE TRIGGER shoes_cascade_delete AFTER DELETE ON shoes
BEGIN
    DELETE FROM shoe_designers WHERE shoe_id = OLD.id;
    DELETE FROM collection_shoes WHERE shoe_id = OLD.id;
    DELETE FROM icon_shoes WHERE shoe_id = OLD.id;
    DELETE FROM shoe_sources WHERE shoe_id = OLD.id;
END;

CREATE TRIGGER icons_cascade_delete AFTER DELETE ON icons
BEGIN
    DELETE FROM icon_shoes WHERE icon_id = OLD.id;
    DELETE FROM icon_designers WHERE icon_id = OLD.id;
    DELETE FROM icon_sources WHERE icon_id = OLD.id;
END;

-- A cited source stays ---------------------------------------------------------------------------------------

CREATE TRIGGER sources_restrict_delete BEFORE DELETE ON sources
WHEN EXISTS (SELECT 1 FROM designer_sources WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM collection_sources WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM shoe_sources WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM icon_sources WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM designer_affiliations WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM collection_designers WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM shoe_designers WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM collection_shoes WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM icon_shoes WHERE source_id = OLD.id)
  OR EXISTS (SELECT 1 FROM icon_designers WHERE source_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: this source is still cited; remove the citations first');
END;

-- Ids stay ---------------------------------------------------------------------------------------------------

CREATE TRIGGER sources_fixed_id BEFORE UPDATE OF id ON sources WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;

CREATE TRIGGER designers_fixed_id BEFORE UPDATE OF id ON designers WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;

CREATE TRIGGER collections_fixed_id BEFORE UPDATE OF id ON collections WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;

CREATE TRIGGER shoes_fixed_id BEFORE UPDATE OF id ON shoes WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;

CREATE TRIGGER icons_fixed_id BEFORE UPDATE OF id ON icons WHEN NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'an archive record''s id cannot change (relations and search rows refer to it); change its slug instead');
END;
