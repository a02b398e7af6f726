-- 0003_import_log: one row per import that was written (not dry runs, not failures), for `archive stats`.

CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    finished_at  TEXT NOT NULL,
    -- "seeds", or the file or folder imported.
    source       TEXT NOT NULL,
    added        INTEGER NOT NULL CHECK (added >= 0),
    updated      INTEGER NOT NULL CHECK (updated >= 0),
    unchanged    INTEGER NOT NULL CHECK (unchanged >= 0)
);
