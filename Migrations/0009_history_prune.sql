-- 0009_history_prune: `archive history --prune BEFORE` drops the row images of old changes, which then cannot
-- be undone. The change stays in the history with when it was pruned and its counts per table and action
-- (JSON: [{"table": "designers", "action": "updated", "rows": 12}]), so that who did what, and when, is kept.
ALTER TABLE changes ADD COLUMN pruned_at TEXT;
ALTER TABLE changes ADD COLUMN pruned_counts TEXT CHECK (pruned_counts IS NULL OR json_valid(pruned_counts));
