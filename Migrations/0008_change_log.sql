-- 0008_change_log: a history of the changes made to the archive's records, that `archive undo` can reverse.
--
-- Every command that changes records (import, delete, undo) writes one row in `changes` and, in the same
-- transaction, one row in `change_rows` per row it altered: its table, its rowid, what happened to it, and the row as JSON before (for
-- an update or a delete) and after (for an insert or an update). A crash keeps the change and its log or
-- neither. JSON keeps the log readable with the sqlite3 CLI (json_extract(before, '$.name')). The log is not
-- part of `export --all`: it describes the archive's past, not its content.

CREATE TABLE changes (
    id         INTEGER PRIMARY KEY,
    made_at    TEXT NOT NULL,
    -- The command as a person would read it: "delete designers celine", "undo 12".
    command    TEXT NOT NULL CHECK (typeof(command) = 'text' AND command <> ''),
    made_by    TEXT NOT NULL CHECK (typeof(made_by) = 'text' AND made_by <> ''),
    -- An undo names the change it reversed; a reversed change names its undo.
    undoes     INTEGER REFERENCES changes(id),
    undone_by  INTEGER REFERENCES changes(id)
);
CREATE INDEX changes_undoes ON changes(undoes);
CREATE INDEX changes_undone_by ON changes(undone_by);

CREATE TABLE change_rows (
    -- The order the rows were changed in (an undo goes back in reverse): a plain rowid, so that logging a row
    -- costs one insert and no lookup.
    id          INTEGER PRIMARY KEY,
    change_id   INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    -- inserted_above: every row of the table above row_id was added by the change (an import logs one such row
    -- per table instead of a copy of each row it adds; an undo takes their images before it deletes them).
    action      TEXT NOT NULL CHECK (action = 'inserted' OR action = 'inserted_above' OR action = 'updated' OR action = 'deleted'),
    before      TEXT CHECK (before IS NULL OR json_valid(before)),
    after       TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX change_rows_change ON change_rows(change_id);
CREATE INDEX change_rows_row ON change_rows(table_name, row_id);
