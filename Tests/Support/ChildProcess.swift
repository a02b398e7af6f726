// A program the tests start (the archive binary, sqlite3, Python, Datasette), with the little of Foundation's
// Process that they use. Foundation's Process cannot be used on Linux: before each start it scans /proc/self/fd
// and copies every entry's name as 256 bytes (swift-corelibs-foundation#5472), which reads past readdir's
// 32 KiB buffer once the test process holds about 1,350 descriptors, as it does while the web suites run in
// parallel, and the whole run dies of SIGSEGV. posix_spawn closes the child's other descriptors itself
// (closefrom), and gives it default signal handling and the signal mask asked for (none blocked unless asked).
import Foundation
import Glibc
import Synchronization

public final class ChildProcess: @unchecked Sendable {
    public enum TerminationReason: Sendable { case exit, uncaughtSignal }

    public var executableURL: URL?
    public var arguments: [String] = []
    public var currentDirectoryURL: URL?
    /// The child's whole environment; nil: the test process's own.
    public var environment: [String: String]?
    /// A Pipe or a FileHandle each; nil: the test process's own.
    public var standardInput: Any?
    public var standardOutput: Any?
    public var standardError: Any?
    /// Signals the child starts with blocked, as a parent may pass them on (Foundation's Process blocks some).
    public var blockedSignals: [Int32] = []

    public private(set) var processIdentifier: pid_t = 0
    /// The wait status once the child has ended and been reaped.
    private let ended = Mutex<Int32?>(nil)

    public init() {}

    /// Starts the program; throws the errno posix_spawn gave (no such file, not executable), or ENOSYS on a C
    /// library older than glibc 2.34.
    public func run() throws {
        guard let executable = executableURL?.path else { throw POSIXError(.ENOENT) }
        guard let closeFrom = Self.closeFrom, let changeDirectory = Self.changeDirectory else { throw POSIXError(.ENOSYS) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, target) in [(standardInput, STDIN_FILENO), (standardOutput, STDOUT_FILENO), (standardError, STDERR_FILENO)] {
            if let descriptor = Self.descriptor(stream, for: target) {
                posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            }
        }
        _ = closeFrom(&actions, 3)
        if let directory = currentDirectoryURL?.path { _ = changeDirectory(&actions, directory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t(), every = sigset_t()
        sigemptyset(&mask)
        for signal in blockedSignals { sigaddset(&mask, signal) }
        sigemptyset(&every)
        for signal in Int32(1)..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&every, signal) }
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &every)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = (self.environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + environment { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environment)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        processIdentifier = pid
        // The child has its own copies of the pipes' far ends: closing ours lets a reader see the end of the
        // output, and the child see the end of its input.
        if let pipe = standardInput as? Pipe { try? pipe.fileHandleForReading.close() }
        if let pipe = standardOutput as? Pipe { try? pipe.fileHandleForWriting.close() }
        if let pipe = standardError as? Pipe { try? pipe.fileHandleForWriting.close() }
    }

    // glibc's (2.34, 2.29) file actions that Swift's Glibc module does not declare (they are GNU extensions).
    private typealias Actions = UnsafeMutablePointer<posix_spawn_file_actions_t>
    private static let closeFrom = glibc("posix_spawn_file_actions_addclosefrom_np", as: (@convention(c) (Actions, Int32) -> Int32).self)
    private static let changeDirectory = glibc("posix_spawn_file_actions_addchdir_np",
                                               as: (@convention(c) (Actions, UnsafePointer<CChar>) -> Int32).self)

    private static func glibc<Function>(_ name: String, as type: Function.Type) -> Function? {
        dlsym(dlopen(nil, RTLD_NOW), name).map { unsafeBitCast($0, to: type) }
    }

    private static func descriptor(_ stream: Any?, for target: Int32) -> Int32? {
        switch stream {
        case let pipe as Pipe: target == STDIN_FILENO ? pipe.fileHandleForReading.fileDescriptor : pipe.fileHandleForWriting.fileDescriptor
        case let handle as FileHandle: handle.fileDescriptor
        default: nil
        }
    }

    /// True until the child has ended (it is reaped then, once).
    public var isRunning: Bool {
        ended.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            guard waitpid(processIdentifier, &raw, WNOHANG) == processIdentifier else { return true }
            status = raw
            return false
        }
    }

    /// Waits until the child has ended. It waits without reaping (WNOWAIT): the child is reaped once, under the
    /// lock, by `isRunning`, however many threads wait or ask.
    public func waitUntilExit() {
        var info = siginfo_t()
        while ended.withLock({ $0 == nil }) && waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
        _ = isRunning
    }

    private var status: Int32 {
        waitUntilExit()
        return ended.withLock { $0 } ?? 0
    }

    public var terminationReason: TerminationReason { status & 0x7f == 0 ? .exit : .uncaughtSignal }

    /// The exit code, or the signal that ended the child (as Foundation's Process has it).
    public var terminationStatus: Int32 { terminationReason == .exit ? (status >> 8) & 0xff : status & 0x7f }
}
