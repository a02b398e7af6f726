-- 0014_media: images of records, kept in the archive file itself so that one file stays the whole archive.
--
-- media_files holds each image's bytes once, whoever shows it: its address is the SHA-256 of its bytes (the same
-- file added twice, or to two records, is stored once; `archive check` hashes each again). The bytes are
-- written and read in pieces (incremental blob I/O), which needs a rowid table: hence an id beside the hash.
-- media_renditions holds what is made from each at import, for the web: a thumbnail for hits and lists, a
-- display size for record pages (JPEG, orientation applied, sRGB, every metadata block stripped). media says
-- which record shows which file, in what order, with what caption, credit and rights; it is what the history
-- logs and `undo` reverses. A file no record shows and no undoable change names is dropped by
-- `archive history --prune`. Vocabularies are OR chains, not IN lists (0004 says why).
CREATE TABLE media_files (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    -- image/jpeg, image/png, image/webp or image/tiff: what the bytes are, read from them, not from a name.
    content_type TEXT NOT NULL CHECK (content_type = 'image/jpeg' OR content_type = 'image/png' OR content_type = 'image/webp' OR content_type = 'image/tiff'),
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    bytes        INTEGER NOT NULL CHECK (bytes > 0),
    data         BLOB NOT NULL
);

CREATE TABLE media_renditions (
    id           INTEGER PRIMARY KEY,
    file_id      INTEGER NOT NULL REFERENCES media_files(id) ON DELETE CASCADE,
    size         TEXT NOT NULL CHECK (size = 'thumbnail' OR size = 'display'),
    content_type TEXT NOT NULL CHECK (content_type = 'image/jpeg'),
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    data         BLOB NOT NULL,
    UNIQUE (file_id, size)
);

CREATE TABLE media (
    id           INTEGER PRIMARY KEY,
    -- The record that shows the image: its table and id (a record of any kind can carry images).
    record_table TEXT NOT NULL CHECK (record_table = 'sources' OR record_table = 'institutions' OR record_table = 'designers' OR record_table = 'collections' OR record_table = 'shoes' OR record_table = 'icons' OR record_table = 'objects' OR record_table = 'trends'),
    record_id    INTEGER NOT NULL,
    file_id      INTEGER NOT NULL REFERENCES media_files(id),
    -- Order on the record's page, from 1; the primary image comes first whatever its position. One image per
    -- record is primary: `media add --primary` takes the mark from the one that had it, and `check` counts. (Not a
    -- unique index: an undo puts the old primary's mark back before it removes the image that took it.)
    position     INTEGER NOT NULL CHECK (position > 0),
    is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary = 0 OR is_primary = 1),
    caption      TEXT CHECK (caption IS NULL OR (typeof(caption) = 'text' AND caption <> '')),
    credit       TEXT CHECK (credit IS NULL OR (typeof(credit) = 'text' AND credit <> '')),
    -- A rights statement or licence as a URI (rightsstatements.org, Creative Commons).
    rights       TEXT CHECK (rights IS NULL OR (typeof(rights) = 'text' AND (rights GLOB 'http://rightsstatements.org/vocab/*'
                     OR rights GLOB 'https://rightsstatements.org/vocab/*' OR rights GLOB 'http://creativecommons.org/*'
                     OR rights GLOB 'https://creativecommons.org/*'))),
    -- The file's name when it was added, for `media export` and a reader's orientation.
    file_name    TEXT,
    UNIQUE (record_table, record_id, file_id)
);
CREATE INDEX media_record ON media(record_table, record_id, position);
CREATE INDEX media_file ON media(file_id);
