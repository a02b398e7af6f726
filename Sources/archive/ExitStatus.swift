// Exit codes, after BSD's sysexits.h, so that scripts can tell a usage mistake from bad data or a busy file.
import ArchiveCore

enum ExitStatus {
    static let problemsFound: Int32 = 1
    static let invalidMatch: Int32 = 2
    static let timeLimit: Int32 = 3
    // 64 (usage) is swift-argument-parser's own ValidationError exit.
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let temporaryFailure: Int32 = 75

    static func code(for kind: ArchiveError.Kind) -> Int32 {
        switch kind {
        case .notFound, .cannotRead: noInput
        case .cannotWrite: cannotCreate
        case .notAnArchive, .invalidInput, .incompatibleSchema: dataError
        case .busy: temporaryFailure
        case .timeLimit: timeLimit
        case .storage: ioError
        }
    }

    static func code(for error: SearchError) -> Int32 {
        if error.isUsageError { return usage }
        if case .timeLimit = error { return timeLimit }
        return invalidMatch
    }
}
