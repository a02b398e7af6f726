// What a change and its undo must leave as it was: the archive's content as the sqlite3 CLI dumps it.
import Testing

/// The dump less the history itself, the import log (which keeps every import, undone or not) and FTS5's
/// internal segments (whose bytes depend on the order rows were indexed in; `archive check` compares the
/// indexes with the records).
func archiveContent(_ path: String) throws -> String {
    try sqlite3(path, ".dump").split(separator: "\n")
        .filter { line in !["changes", "change_rows", "imports"].contains { line.contains("INTO \($0) ") || line.contains("INTO \"\($0)\"") }
            && !line.contains("_fts_") && !line.contains("INTO \"") && !line.contains("INTO '") }
        .joined(separator: "\n")
}
