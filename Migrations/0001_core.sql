-- 0001_core: the records of the archive, the relations between them, and the sources behind each fact.
--
-- Conventions (later migrations follow them; this file is never edited once shipped):
-- * Every record table has an INTEGER PRIMARY KEY `id` (internal, may differ between archives) and a `slug`,
--   the stable natural key that files, URLs and people use: lowercase ASCII letters, digits and single hyphens.
-- * Types are enforced by CHECK (typeof(...)) rather than STRICT tables, so that the file stays readable by
--   every SQLite tool, including those built on a library older than 3.37.
-- * Unknown is NULL, never '' or 'unknown': a CHECK forbids empty text in optional columns.
-- * Years are integers. A relation row exists only while both ends exist (ON DELETE CASCADE), but a source
--   that something still cites cannot be deleted (ON DELETE RESTRICT): citations never vanish silently.
-- * Every foreign key column is indexed (the first column of a composite primary key counts).

-- Marks the file as an archive ('FARC'), so that `archive` refuses to migrate some other application's database.
PRAGMA application_id = 1178686019;

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    title       TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    author      TEXT CHECK (author IS NULL OR (typeof(author) = 'text' AND author <> '')),
    publisher   TEXT CHECK (publisher IS NULL OR (typeof(publisher) = 'text' AND publisher <> '')),
    year        INTEGER CHECK (year IS NULL OR (typeof(year) = 'integer' AND year BETWEEN 1 AND 9999)),
    url         TEXT CHECK (url IS NULL OR (typeof(url) = 'text' AND url <> '')),
    license     TEXT CHECK (license IS NULL OR (typeof(license) = 'text' AND license <> '')),
    notes       TEXT CHECK (notes IS NULL OR (typeof(notes) = 'text' AND notes <> ''))
);

-- Houses (brands, maisons) and people (designers, creative directors) share one table: a collection or a
-- shoe is credited to either, and a person is affiliated with houses through designer_affiliations.
CREATE TABLE designers (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    name         TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    kind         TEXT NOT NULL CHECK (kind IN ('house', 'person')),
    country      TEXT CHECK (country IS NULL OR (typeof(country) = 'text' AND country <> '')),
    founded      INTEGER CHECK (founded IS NULL OR (typeof(founded) = 'integer' AND founded BETWEEN 1 AND 9999)),
    active_from  INTEGER CHECK (active_from IS NULL OR (typeof(active_from) = 'integer' AND active_from BETWEEN 1 AND 9999)),
    active_to    INTEGER CHECK (active_to IS NULL OR (typeof(active_to) = 'integer' AND active_to BETWEEN 1 AND 9999)),
    description  TEXT CHECK (description IS NULL OR (typeof(description) = 'text' AND description <> '')),
    CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to),
    CHECK (founded IS NULL OR kind = 'house')
);

-- A person's role at a house over time (Michael Rider, creative director of Celine).
CREATE TABLE designer_affiliations (
    person_id   INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    house_id    INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('founder', 'creative_director', 'designer', 'collaborator')),
    start_year  INTEGER CHECK (start_year IS NULL OR (typeof(start_year) = 'integer' AND start_year BETWEEN 1 AND 9999)),
    end_year    INTEGER CHECK (end_year IS NULL OR (typeof(end_year) = 'integer' AND end_year BETWEEN 1 AND 9999)),
    source_id   INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (person_id, house_id, role),
    CHECK (person_id <> house_id),
    CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year)
);
CREATE INDEX designer_affiliations_house ON designer_affiliations(house_id);
CREATE INDEX designer_affiliations_source ON designer_affiliations(source_id);

CREATE TABLE collections (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    title        TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    -- SS spring/summer, AW autumn/winter; NULL when the season is not known.
    season       TEXT CHECK (season IS NULL OR season IN ('SS', 'AW', 'Resort', 'Pre-Fall', 'Couture')),
    year         INTEGER CHECK (year IS NULL OR (typeof(year) = 'integer' AND year BETWEEN 1 AND 9999)),
    description  TEXT CHECK (description IS NULL OR (typeof(description) = 'text' AND description <> '')),
    -- Free keywords separated by "; " (searchable, and one cell in a spreadsheet).
    keywords     TEXT CHECK (keywords IS NULL OR (typeof(keywords) = 'text' AND keywords <> ''))
);
CREATE INDEX collections_year ON collections(year, season);

-- Who a collection is credited to, and in what role: the house that showed it, its creative director,
-- a collaborating house (Jacquemus × Repetto), or a designer otherwise named.
CREATE TABLE collection_designers (
    collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    designer_id    INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('house', 'creative_director', 'collaborator', 'designer')),
    source_id      INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (collection_id, designer_id, role)
);
CREATE INDEX collection_designers_designer ON collection_designers(designer_id);
CREATE INDEX collection_designers_source ON collection_designers(source_id);

CREATE TABLE shoes (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    name             TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    -- An open vocabulary in lowercase: derby, ballet flat, sneaker hybrid, ...
    type             TEXT CHECK (type IS NULL OR (typeof(type) = 'text' AND type <> '')),
    year_introduced  INTEGER CHECK (year_introduced IS NULL OR (typeof(year_introduced) = 'integer' AND year_introduced BETWEEN 1 AND 9999)),
    description      TEXT CHECK (description IS NULL OR (typeof(description) = 'text' AND description <> '')),
    materials        TEXT CHECK (materials IS NULL OR (typeof(materials) = 'text' AND materials <> ''))
);

CREATE TABLE shoe_designers (
    shoe_id      INTEGER NOT NULL REFERENCES shoes(id) ON DELETE CASCADE,
    designer_id  INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('maker', 'designer', 'collaborator')),
    source_id    INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (shoe_id, designer_id, role)
);
CREATE INDEX shoe_designers_designer ON shoe_designers(designer_id);
CREATE INDEX shoe_designers_source ON shoe_designers(source_id);

-- A shoe shown in a collection (the Zizi derby in Jacquemus × Repetto SS2024).
CREATE TABLE collection_shoes (
    collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    shoe_id        INTEGER NOT NULL REFERENCES shoes(id) ON DELETE CASCADE,
    source_id      INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (collection_id, shoe_id)
);
CREATE INDEX collection_shoes_shoe ON collection_shoes(shoe_id);
CREATE INDEX collection_shoes_source ON collection_shoes(source_id);

-- Cultural icons: people (dancers, musicians, models) who wore, inspired or popularised what is archived.
CREATE TABLE icons (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE CONSTRAINT slug_format CHECK (typeof(slug) = 'text' AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '*--*' AND slug NOT GLOB '*-'),
    name         TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    occupation   TEXT CHECK (occupation IS NULL OR (typeof(occupation) = 'text' AND occupation <> '')),
    -- When the icon mattered to fashion, as written by people: "1970s", "2010s".
    era          TEXT CHECK (era IS NULL OR (typeof(era) = 'text' AND era <> '')),
    nationality  TEXT CHECK (nationality IS NULL OR (typeof(nationality) = 'text' AND nationality <> '')),
    description  TEXT CHECK (description IS NULL OR (typeof(description) = 'text' AND description <> ''))
);

-- wore: the icon wore the shoe; designed_for: the shoe was made for the icon; popularised: the icon made it
-- popular; muse / inspired: the icon inspired it.
CREATE TABLE icon_shoes (
    icon_id    INTEGER NOT NULL REFERENCES icons(id) ON DELETE CASCADE,
    shoe_id    INTEGER NOT NULL REFERENCES shoes(id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (relation IN ('wore', 'designed_for', 'popularised', 'muse', 'inspired')),
    era        TEXT CHECK (era IS NULL OR (typeof(era) = 'text' AND era <> '')),
    source_id  INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (icon_id, shoe_id, relation)
);
CREATE INDEX icon_shoes_shoe ON icon_shoes(shoe_id);
CREATE INDEX icon_shoes_source ON icon_shoes(source_id);

CREATE TABLE icon_designers (
    icon_id      INTEGER NOT NULL REFERENCES icons(id) ON DELETE CASCADE,
    designer_id  INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    relation     TEXT NOT NULL CHECK (relation IN ('wore', 'designed_for', 'popularised', 'muse', 'inspired', 'collaborated')),
    era          TEXT CHECK (era IS NULL OR (typeof(era) = 'text' AND era <> '')),
    source_id    INTEGER REFERENCES sources(id) ON DELETE RESTRICT,
    PRIMARY KEY (icon_id, designer_id, relation)
);
CREATE INDEX icon_designers_designer ON icon_designers(designer_id);
CREATE INDEX icon_designers_source ON icon_designers(source_id);

-- Which sources support a record as a whole; `note` says where (a paragraph, a page, a quote's gist).
CREATE TABLE designer_sources (
    designer_id  INTEGER NOT NULL REFERENCES designers(id) ON DELETE CASCADE,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    note         TEXT CHECK (note IS NULL OR (typeof(note) = 'text' AND note <> '')),
    PRIMARY KEY (designer_id, source_id)
);
CREATE INDEX designer_sources_source ON designer_sources(source_id);

CREATE TABLE collection_sources (
    collection_id  INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    note           TEXT CHECK (note IS NULL OR (typeof(note) = 'text' AND note <> '')),
    PRIMARY KEY (collection_id, source_id)
);
CREATE INDEX collection_sources_source ON collection_sources(source_id);

CREATE TABLE shoe_sources (
    shoe_id    INTEGER NOT NULL REFERENCES shoes(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    note       TEXT CHECK (note IS NULL OR (typeof(note) = 'text' AND note <> '')),
    PRIMARY KEY (shoe_id, source_id)
);
CREATE INDEX shoe_sources_source ON shoe_sources(source_id);

CREATE TABLE icon_sources (
    icon_id    INTEGER NOT NULL REFERENCES icons(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    note       TEXT CHECK (note IS NULL OR (typeof(note) = 'text' AND note <> '')),
    PRIMARY KEY (icon_id, source_id)
);
CREATE INDEX icon_sources_source ON icon_sources(source_id);
