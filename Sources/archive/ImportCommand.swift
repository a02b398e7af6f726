// `archive import seeds | PATH`: loads the bundled seeds, or a user's file or folder, as one transaction.
import ArchiveCore
import ArgumentParser
import Glibc

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the bundled seeds, or your own CSV, JSON or NDJSON files, into the archive.",
        discussion: """
            `archive import seeds` loads the dataset compiled into archive (to import a folder named seeds, \
            write ./seeds). `archive import PATH` loads a file or every .csv, .json, .ndjson and .jsonl file \
            of a folder; the file name names the table (designers.csv, shoes.ndjson) unless --table is given.

            CSV has a header row of column names (an empty field is unknown); JSON is an array of objects; \
            NDJSON has one object per line. References between records are slugs. Records are upserted by \
            slug: importing twice changes nothing, and a changed field is updated in place. Files are UTF-8 \
            (a UTF-16 file is refused, naming its encoding); a whole number may be written 2026 or 2026.0 \
            (as pandas writes integer columns with gaps).

            The import is one transaction: when anything is wrong, every problem found (up to 50) is listed \
            as file:line: field: what is wrong, and the archive is left exactly as it was (exit 65).
            """
    )

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("`seeds`, or a file or folder to import.", valueName: "seeds|path"))
    var source: String

    @Option(help: ArgumentHelp("The table a single file holds, when its name does not say.", valueName: "table"))
    var table: String?

    @Option(help: ArgumentHelp("Read the file through this import mapping (JSON; see README, Import mappings).", valueName: "mapping.json"))
    var mapping: String?

    @Option(help: ArgumentHelp("A folder of images to add to the records they match (--match), in the same transaction.", valueName: "folder"))
    var images: String?

    @Option(help: ArgumentHelp("With --images: which files are a record's, as a template of its columns and a shell pattern (default: {slug}*).", valueName: "template"))
    var match: String?

    @Option(help: ArgumentHelp("With --images: the records' table, when the import holds several.", valueName: "table"))
    var imagesFor: String?

    @Option(help: ArgumentHelp("With --images: the images' rights, as a URI (rightsstatements.org, Creative Commons).", valueName: "uri"))
    var imageRights: String?

    @Option(help: ArgumentHelp("With --images: the credit line shown with them.", valueName: "text"))
    var imageCredit: String?

    @OptionGroup var change: ActorOption

    @Flag(help: "Check everything and report what would change, without writing.")
    var dryRun = false

    @Flag(help: "Keep a leading apostrophe in CSV text (for files exported with --no-formula-guard).")
    var noFormulaGuard = false

    @Flag(help: "Leave the import out of the history: it cannot be undone, and keeps no copies of the rows it updates.")
    var noHistory = false

    @Flag(help: "Take the file's value for a field a curator changed with `archive edit` since it was imported (by default the curator's value stays, and the import lists it).")
    var overwriteEdits = false

    func validate() throws {
        if table != nil && source != "seeds", (try? ImportFile.isDirectory(source)) == true {
            throw ValidationError("--table applies to a single file, and \(source) is a folder")
        }
        if let table, Tables.named(table) == nil {
            throw ValidationError("unknown table '\(table)'; tables: \(Tables.all.map(\.name).joined(separator: ", "))")
        }
        if source == "seeds" && table != nil { throw ValidationError("--table applies to a file, not to the seeds") }
        if mapping != nil && (source == "seeds" || table != nil) { throw ValidationError("--mapping applies to one file of your own, without --table") }
        if images == nil && (match != nil || imagesFor != nil || imageRights != nil || imageCredit != nil) {
            throw ValidationError("--match, --images-for, --image-rights and --image-credit go with --images FOLDER")
        }
        if let imagesFor, !Tables.records.contains(where: { $0.name == imagesFor }) {
            throw ValidationError("--images-for: '\(imagesFor)' is not a record table; record tables: \(Tables.records.map(\.name).joined(separator: ", "))")
        }
        if let imageRights { do { try Media.checkRights(imageRights) } catch let error as ArchiveError { throw ValidationError(error.message) } }
    }

    func run() throws {
        let files: [ImportFile]
        do {
            if let mapping {
                files = try ImportFile.files(at: source, mapping: try ImportMapping.load(mapping))
            } else {
                files = source == "seeds" ? ImportFile.seeds() : try ImportFile.files(at: source, table: table)
            }
        } catch let failure as ImportFailure {
            for problem in failure.problems { Console.note(problem.description) }
            let named = mapping ?? failure.problems.first?.file ?? "a mapping"
            throw ArchiveError(.invalidInput, "the mapping \(named) cannot be used; nothing was imported")
        }
        let archiveExisted = Archive.fileExists(options.path)
        let archive = try options.open(dryRun ? .rehearse : .write)
        let bar = Console.stderrIsTerminal ? ProgressBar(label: "importing") : nil
        let report: ImportReport
        do {
            report = try Importer(archive: archive).run(files, options: ImportOptions(dryRun: dryRun, source: source, formulaGuard: !noFormulaGuard,
                                                                                 actor: change.actor,
                                                                                 keepsHistory: !noHistory, overwritesEdits: overwriteEdits,
                                                                                 images: images.map { ImageMatch(folder: $0, template: match ?? "{slug}*", table: imagesFor,
                                                                                                                 details: .init(credit: imageCredit, rights: imageRights)) }),
                                                 progress: bar?.update)
            bar?.finish()
        } catch let failure as ImportFailure {
            bar?.finish()
            // An import that could not start leaves no new, empty archive behind.
            if !archiveExisted && !dryRun { archive.removeIfUnused() }
            for problem in failure.problems { Console.note(problem.description) }
            let count = "\(failure.problems.count)\(failure.truncated ? "+" : "") problem\(failure.problems.count == 1 ? "" : "s")"
            // A file that could not be read at all is missing input (66), not bad data (65).
            let kind: ArchiveError.Kind = failure.problems.contains { $0.kind == .unreadable } ? .cannotRead : .invalidInput
            throw ArchiveError(kind, "import failed with \(count)\(failure.truncated ? " (stopped at the first \(failure.problems.count))" : ""); the archive was not changed")
        }
        printSummary(report, archivePath: archive.path)
        printKeptEdits(report)
        // What each mapped file noticed (a folder may hold several, each with its mapping).
        var seen: Set<ObjectIdentifier> = []
        let mapped = Set(files.compactMap { $0.mappingStats.map(ObjectIdentifier.init) }).count
        for file in files {
            guard let stats = file.mappingStats, let mapping = file.mapping, seen.insert(ObjectIdentifier(stats)).inserted else { continue }
            let prefix = mapped > 1 ? "\(file.name): " : ""
            if stats.dateTexts > 0 {
                Console.note("\(prefix)dates: \(stats.dateTexts - stats.unparsedDates) of \(stats.dateTexts) dates as written read into years; \(stats.unparsedDates) kept as written only (their years unknown)")
            }
            for warning in stats.warnings {
                Console.note("warning: \(mapping): \(warning.message) (\(warning.rows) row\(warning.rows == 1 ? "" : "s"), the first at \(file.name):\(warning.firstLine))")
            }
        }
    }

    /// The fields a curator edited that the import left alone, each with the file's value.
    private func printKeptEdits(_ report: ImportReport) {
        guard report.keptEditCount > 0 else { return }
        let count = report.keptEditCount
        Console.note("kept \(count) field\(count == 1 ? "" : "s") a curator changed with `archive edit` since \(count == 1 ? "it was" : "they were") imported; --overwrite-edits takes the file's values:")
        for kept in report.keptEdits {
            Console.note("  \(kept)")
        }
        if count > report.keptEdits.count { Console.note("  … and \(count - report.keptEdits.count) more") }
    }

    private func printSummary(_ report: ImportReport, archivePath: String) {
        let rows = [["table", "added", "updated", "unchanged"]]
            + report.tables.map { [$0.table, String($0.added), String($0.updated), String($0.unchanged)] }
        Console.note(alignedTable(rows).dropLast().description)
        let subject = report.dryRun ? "dry run: nothing was written" : archivePath
        if report.changedNothing {
            Console.note("\(subject): nothing to change, the archive already holds this data")
        } else {
            Console.note("\(subject): \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged"
                + (report.dryRun ? " (would be)" : ""))
        }
        if images != nil {
            Console.note("images: \(report.imagesAdded) \(report.dryRun ? "would be added" : "added") to the records they match in \(images ?? "")")
        }
    }
}
