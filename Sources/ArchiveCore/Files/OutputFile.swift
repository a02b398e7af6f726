// Writes a file a user named (`export -o`, every file of `export --all`), keeping four promises:
// - never one of the archive's own files (ArchiveFiles);
// - a regular file is written whole or not at all: into a unique hidden file beside it, synced, then renamed
//   over it, so a failure or a kill leaves the old file (or none) and no half-written one;
// - a symbolic link stays a link: its target is written, atomically, in the target's folder;
// - a FIFO, a device or an inherited descriptor (/dev/stdout, /dev/fd/N) is written straight into: a
//   rename would replace the special file with a regular one, and `-o /dev/full` must fail like stdout does.
import Glibc

enum OutputFile {
    static func write<T>(_ path: String, protecting archive: ArchiveFiles, _ body: (BufferedOutput) throws -> T) throws -> T {
        if let descriptor = try openStraight(path) {
            defer { close(descriptor) }
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
            let descriptor = dup(inherited)
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

    init(beside target: FilePath) throws {
        var template = Array("\(target.folder)/.\(target.name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ArchiveError(.cannotWrite, "cannot write in \(target.folder): \(String(cString: strerror(errno)))")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
        path = String(cString: template)
        UnfinishedFile.set(path)
        // mkostemp makes the file private (0600): give it the mode of the file it replaces, or the usual one.
        let mode = target.status.map { $0.st_mode & 0o7777 } ?? (0o666 & ~UnfinishedFile.umask)
        fchmod(descriptor, mode)
    }

    /// Syncs, closes and renames the file over `final`.
    func commit(as final: String, path shown: String) throws {
        guard fsync(descriptor) == 0 else { throw ArchiveError(.storage, "\(shown): \(OutputError.failed(code: errno))") }
        guard close(descriptor) == 0 else { throw ArchiveError(.storage, "\(shown): \(OutputError.failed(code: errno))") }
        guard rename(path, final) == 0 else {
            throw ArchiveError(.cannotWrite, "cannot write \(shown): \(String(cString: strerror(errno)))")
        }
        UnfinishedFile.set(nil)
    }

    func discard() {
        close(descriptor)
        unlink(path)
        UnfinishedFile.set(nil)
    }
}

/// The temporary file being written, if any, kept as a C string so that a signal handler may remove it
/// (unlink is async-signal-safe; allocating is not).
public enum UnfinishedFile {
    nonisolated(unsafe) private static var current: UnsafeMutablePointer<CChar>?

    static func set(_ path: String?) {
        let old = current
        current = path.map { strdup($0) }
        free(old)
    }

    /// Removes the unfinished file, if there is one. Safe to call from a signal handler.
    public static func removeNow() {
        if let current { unlink(current) }
    }

    /// The process's file-creation mask (read once; setting and restoring it is how POSIX lets one read it).
    static let umask: mode_t = {
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        return mask
    }()
}
