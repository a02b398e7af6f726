// Writes a file a user named (`export -o`, every file of `export --all`), keeping four promises:
// - never one of the archive's own files (ArchiveFiles);
// - a regular file is written whole or not at all: into a unique hidden file beside it, synced, then renamed
//   over it, so a failure or a kill leaves the old file (or none) and no half-written one;
// - a symbolic link stays a link: its target is written, atomically, in the target's folder;
// - a FIFO, a device or an inherited descriptor (/dev/stdout, /dev/fd/N) is written straight into: a
//   rename would replace the special file with a regular one, and `-o /dev/full` must fail like stdout does.
import Glibc
import Synchronization

enum OutputFile {
    static func write<T>(_ path: String, protecting archive: ArchiveFiles, _ body: (BufferedOutput) throws -> T) throws -> T {
        if let descriptor = try openStraight(path) {
            defer { close(descriptor) }
            // /dev/fd/3 may be SQLite's own descriptor of the archive, stdout may be redirected onto it.
            try archive.refuse(descriptor: descriptor, as: path)
            return try writing(path) { try body(BufferedOutput(descriptor: descriptor)) }
        }
        let target = try FilePath(path)
        try archive.refuse(target, as: path)
        guard !target.isDirectory else { throw ArchiveError(.cannotWrite, "cannot write \(path): it is a folder") }
        let temporary = try TemporaryFile(beside: target)
        do {
            let result = try writing(path) { try body(BufferedOutput(descriptor: temporary.descriptor)) }
            try temporary.commit(as: target.resolved, path: path)
            return result
        } catch {
            temporary.discard()
            throw error
        }
    }

    /// Opens `path` for writing in place when it is not a regular file (or a folder), else returns nil.
    private static func openStraight(_ path: String) throws -> Int32? {
        if let inherited = inheritedDescriptor(path) {
            let descriptor = fcntl(inherited, F_DUPFD_CLOEXEC, 0)
            guard descriptor >= 0 else { throw ArchiveError(.cannotWrite, "cannot write \(path): \(String(cString: strerror(errno)))") }
            return descriptor
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let type = status.st_mode & S_IFMT
        guard type != S_IFREG && type != S_IFDIR else { return nil }
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ArchiveError(.cannotWrite, "cannot write \(path): \(String(cString: strerror(errno)))") }
        return descriptor
    }

    /// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name: reopening them would
    /// start at offset 0 of a file the shell opened for appending.
    private static func inheritedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Runs `body`, turning a failed write into a message naming `path` (exit 74).
    private static func writing<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputError {
            throw ArchiveError(.storage, "\(path): \(error)")
        }
    }
}

/// A unique hidden file beside a target (`.NAME.XXXXXX`), renamed over the target when complete. The
/// command's signal handler removes it on Ctrl-C or SIGTERM (`UnfinishedFile.removeNow`).
final class TemporaryFile {
    let path: String
    let descriptor: Int32
    private var isOpen = true

    init(beside target: FilePath) throws {
        var template = Array("\(target.folder)/.\(target.name).XXXXXX".utf8CString)
        // Signals wait while the file is made and registered: a Ctrl-C between the two would leave it behind.
        let (descriptor, failure) = UnfinishedFile.withSignalsBlocked { () -> (Int32, Int32) in
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { return (descriptor, errno) }
            UnfinishedFile.set(TemporaryFile.string(template))
            return (descriptor, 0)
        }
        guard descriptor >= 0 else {
            throw ArchiveError(.cannotWrite, "cannot write in \(target.folder): \(String(cString: strerror(failure)))")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) // (Glibc's module does not offer mkostemp)
        self.descriptor = descriptor
        path = TemporaryFile.string(template)
        // mkostemp makes the file private (0600): give it the mode of the file it replaces, or the usual one.
        let mode = target.status.map { $0.st_mode & 0o7777 } ?? (0o666 & ~UnfinishedFile.umask)
        fchmod(descriptor, mode)
    }

    private static func string(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Syncs, closes and renames the file over `final`.
    func commit(as final: String, path shown: String) throws {
        guard fsync(descriptor) == 0 else { throw ArchiveError(.storage, "\(shown): \(OutputError.failed(code: errno))") }
        try closeDescriptor(shown)
        let failure = UnfinishedFile.withSignalsBlocked { () -> Int32 in
            guard rename(path, final) == 0 else { return errno }
            UnfinishedFile.set(nil)
            return 0
        }
        guard failure == 0 else { throw ArchiveError(.cannotWrite, "cannot write \(shown): \(String(cString: strerror(failure)))") }
    }

    /// Closes the descriptor once (a second close could close a descriptor reused meanwhile).
    func closeDescriptor(_ shown: String) throws {
        guard isOpen else { return }
        isOpen = false
        guard close(descriptor) == 0 else { throw ArchiveError(.storage, "\(shown): \(OutputError.failed(code: errno))") }
    }

    func discard() {
        try? closeDescriptor(path)
        UnfinishedFile.withSignalsBlocked {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
            UnfinishedFile.set(nil)
        }
    }
}

/// The temporary file being written, if any, kept in a buffer allocated once so that a signal handler may
/// remove it and the companion files SQLite makes beside it (unlink is async-signal-safe; allocating is not).
public enum UnfinishedFile {
    private static let capacity = Int(PATH_MAX) + 16
    // The file and the companions SQLite may make beside it, each in a buffer allocated once: the handler must
    // not allocate (the process may have been stopped inside malloc).
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static let journal = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static let wal = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static let shm = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    // An atomic, not a Swift variable: reading it in a handler involves neither exclusivity tracking nor a lock.
    private static let isSet = Atomic<Bool>(false)

    /// Call with the signals the CLI handles blocked (withSignalsBlocked), so the handler never sees half a path.
    static func set(_ newPath: String?) {
        isSet.store(false, ordering: .sequentiallyConsistent)
        guard let newPath else { return }
        let bytes = Array(newPath.utf8)
        guard bytes.count < capacity - 16 else { return }
        for (buffer, suffix) in [(path, ""), (journal, "-journal"), (wal, "-wal"), (shm, "-shm")] {
            let full = bytes + Array(suffix.utf8)
            for (index, byte) in full.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[full.count] = 0
        }
        isSet.store(true, ordering: .sequentiallyConsistent)
    }

    /// Removes the unfinished file and its -journal, -wal and -shm, if there is one. Safe in a signal handler:
    /// it only reads the buffers and calls unlink.
    static func removeNow() {
        guard isSet.load(ordering: .sequentiallyConsistent) else { return }
        unlink(path)
        unlink(journal)
        unlink(wal)
        unlink(shm)
    }

    /// The signals whose handler calls removeNow.
    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Makes Ctrl-C, SIGTERM and SIGHUP remove the unfinished file, then end the process as killed by them would
    /// (exit 128 + the signal). The signals are unblocked too: a parent may pass on a mask that blocks them
    /// (Foundation's Process does). Installed here, outside any actor: a handler written in a main-actor
    /// context checks its executor when it runs, and that check may allocate, inside a malloc the signal
    /// interrupted (glibc then aborts: "malloc assertion failure in sysmalloc").
    public static func removeOnInterruption() {
        var interruptions = sigset_t()
        sigemptyset(&interruptions)
        _ = isSet.load(ordering: .relaxed) // (the statics the handler reads are made now, not in it)
        _ = (path, journal, wal, shm)
        for interruption in handledSignals {
            sigaddset(&interruptions, interruption)
            signal(interruption, interrupted)
        }
        pthread_sigmask(SIG_UNBLOCK, &interruptions, nil)
    }

    private static let interrupted: @convention(c) (Int32) -> Void = { number in
        removeNow()
        _exit(128 + number)
    }

    /// Runs `body` with those signals held back until it returns.
    @discardableResult
    static func withSignalsBlocked<T>(_ body: () throws -> T) rethrows -> T {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in handledSignals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// The process's file-creation mask (read once; setting and restoring it is how POSIX lets one read it).
    static let umask: mode_t = {
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        return mask
    }()
}
