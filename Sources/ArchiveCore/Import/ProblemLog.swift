// The problems one import has found so far. Reading goes on after a problem, so that a user can fix a file in
// one go, but stops at a limit: a wrong file must not print a million lines.
final class ProblemLog {
    /// Thrown by `report` when the limit is reached: the import stops reading.
    struct Full: Error {}

    private(set) var problems: [ImportProblem] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    var isEmpty: Bool { problems.isEmpty }

    func report(_ problem: ImportProblem) throws {
        // The same problem twice (a mapped file that cannot be opened, met by each of its table passes) is said once.
        guard !problems.contains(problem) else { return }
        problems.append(problem)
        if problems.count >= limit { throw Full() }
    }

    func failure(truncated: Bool = false) -> ImportFailure {
        ImportFailure(problems: problems, truncated: truncated)
    }
}
