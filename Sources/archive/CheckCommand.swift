// `archive check`: is the file sound, does every reference resolve, is the schema as this binary expects?
import ArchiveCore
import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the archive's integrity; exit 1 and list the problems when there are any.",
        discussion: "Runs SQLite's PRAGMA integrity_check and foreign_key_check, compares the schema with the one the migrations create (a dropped index, trigger or CHECK, or an object another tool added, is a problem), compares every full-text index with its records, and runs FTS5's integrity check. Reads only, from one snapshot: it never waits for a writer (FTS5's own check, which needs the write lock, is skipped and said so while another process writes)."
    )

    @OptionGroup var options: ArchiveOptions

    @Option(help: "Output format of the problems found.")
    var format: OutputFormat = .text

    func run() throws {
        let archive = try options.open(.read)
        // A file too damaged to check is an error (exit 74), not the same as problems found (exit 1).
        let report = try IntegrityCheck().report(on: archive)
        let problems = report.problems
        for note in report.skipped { Console.note(note) }
        switch format {
        case .text:
            for problem in problems { Console.output(problem.description.escapingControlCharacters + "\n") }
        case .json:
            Console.output("[" + problems.map(\.json).joined(separator: ",") + "]\n")
        }
        if problems.isEmpty {
            Console.note("\(archive.path): ok")
        } else {
            Console.note("\(archive.path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
            throw ExitCode(ExitStatus.problemsFound)
        }
    }
}
