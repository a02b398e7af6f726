// Imports files into the archive as one transaction: every file is read and checked, records first and then
// the relations that refer to them by slug, and either all of it lands or none of it does. Problems are
// collected (up to a limit) rather than stopping at the first, so that a user can fix a file in one go.
import ArchiveStorage

public struct ImportOptions: Sendable {
    /// Check everything, write nothing.
    public var dryRun = false
    /// Stop reading after this many problems.
    public var maximumProblems = 50
    /// Whether indexes are rebuilt once at the end instead of being kept up to date row by row (BulkLoad).
    public var bulkLoad = BulkLoadPolicy.automatic
    /// What the import log calls the input ("seeds", a path).
    public var source = "files"
    /// Undo export's formula guard in CSV (a leading apostrophe before = + - @ tab CR). Off for files
    /// exported with --no-formula-guard, whose apostrophes are the data's own.
    public var formulaGuard = true
    /// Who imports, for the history.
    public var actor = "unknown"
    /// Whether the import is a change of the history (and can be undone); off for a load that need not be.
    public var keepsHistory = true
    /// Take the file's value for a field a curator edited since it was imported (by default the curator's stays).
    public var overwritesEdits = false
    /// A folder of images to add to the records they match, in the same transaction.
    public var images: ImageMatch?

    public init(dryRun: Bool = false, maximumProblems: Int = 50, bulkLoad: BulkLoadPolicy = .automatic, source: String = "files",
                formulaGuard: Bool = true, actor: String = "unknown", keepsHistory: Bool = true, overwritesEdits: Bool = false,
                images: ImageMatch? = nil) {
        self.dryRun = dryRun
        self.images = images
        self.overwritesEdits = overwritesEdits
        self.keepsHistory = keepsHistory
        self.actor = actor
        self.formulaGuard = formulaGuard
        self.source = source
        self.maximumProblems = maximumProblems
        self.bulkLoad = bulkLoad
    }
}

public final class Importer {
    /// Called now and then with (bytes read, total bytes), for a progress bar.
    public typealias Progress = (Int64, Int64) -> Void

    private let archive: Archive
    private var db: Database { archive.database }

    public init(archive: Archive) {
        self.archive = archive
    }

    /// Imports `files`. Throws ImportFailure (listing every problem found) when anything is wrong, leaving
    /// the archive exactly as it was.
    public func run(_ files: [ImportFile], options: ImportOptions = ImportOptions(), progress: Progress? = nil) throws -> ImportReport {
        let unknownTables = files.filter { Tables.named($0.table) == nil }.map { file in
            ImportProblem(.unknownTable, file: file.name,
                          message: "unknown table \"\(file.table)\": name the file after one of \(Tables.all.map(\.name).joined(separator: ", ")), or give --table")
        }
        guard unknownTables.isEmpty else { throw ImportFailure(problems: unknownTables, truncated: false) }

        do {
            // Decided before the transaction: a bulk load checks foreign keys once at the end, which is set outside one.
            let archiveBytes: Int64 = try db.fetchOne("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
            let isBulk = options.bulkLoad.applies(inputBytes: files.reduce(0) { $0 + $1.size }, archiveBytes: archiveBytes)
            return try db.withPageCache(kiB: Archive.writingCacheKiB) { try BulkLoad.foreignKeys(db, isBulk) { try db.transaction(.immediate) {
                let bulkLoad = isBulk ? try BulkLoad.begin(db, tables: Set(files.flatMap(\.tables))) : nil
                // The import is one change of the history: updated rows logged by the table writers with their
                // before- and after-images (UpdateLog), added rows by the rowid above which they lie.
                let log = options.dryRun || !options.keepsHistory ? nil : try ChangeLog(db, command: "import \(options.source)", by: options.actor)
                let problems = ProblemLog(limit: options.maximumProblems)
                let mapped = files.contains { $0.mappingStats != nil }
                let edits = options.overwritesEdits ? nil : try CuratorEdits(db)
                let run = ImportRun(writer: ImportWriter(db, problems: problems, log: log, curatorEdits: edits), problems: problems,
                                    formulaGuard: options.formulaGuard, progress: progress, archive: mapped ? try ArchiveBeforeImport(db) : nil)
                try run.importAll(files)
                guard problems.isEmpty else { throw problems.failure() }
                var report = run.report(dryRun: options.dryRun)
                if let images = options.images {
                    report.imagesAdded = try images.attach(importing: files.map(\.table), db, log: log, dryRun: options.dryRun)
                }
                if options.dryRun { throw DryRunFinished(report: report) }
                try bulkLoad?.finish(db)
                try log?.finish(addedBy: run.writer)
                try db.execute(
                    "INSERT INTO imports (finished_at, source, added, updated, unchanged) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                    [options.source, report.added, report.updated, report.unchanged])
                return report
            } } }
        } catch let finished as DryRunFinished {
            return finished.report
        } catch let error as DatabaseError {
            throw ArchiveError(error, path: archive.path)
        }
    }

    private struct DryRunFinished: Error { let report: ImportReport }
}
