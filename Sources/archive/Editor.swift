// The user's editor ($VISUAL, else $EDITOR, else vi) on a file, as git runs it: through the shell, so that
// `EDITOR="code --wait"` works. While it runs, Ctrl-C belongs to the editor: archive ignores it and the editor
// gets the default handling back.
import ArchiveCore
import Glibc

enum Editor {
    static var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `path` and waits for it; throws when it cannot start or does not end well.
    static func edit(_ path: String) throws {
        let editor = command
        let arguments = ["/bin/sh", "-c", editor + " \"$@\"", editor, path]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let previous = (signal(SIGINT, SIG_IGN), signal(SIGQUIT, SIG_IGN))
        defer {
            signal(SIGINT, previous.0)
            signal(SIGQUIT, previous.1)
        }
        var pid: pid_t = 0
        let pointers = arguments.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        let started = posix_spawn(&pid, "/bin/sh", nil, &attributes, pointers, environ)
        guard started == 0 else {
            throw ArchiveError(.cannotRead, "cannot start the editor (\(editor)): \(String(cString: strerror(started)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ArchiveError(.cannotRead, "lost the editor (\(editor)): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exited = status & 0x7F == 0, code = (status >> 8) & 0xFF
        guard exited && code == 0 else {
            let how = exited ? "exited with status \(code)" : "was stopped by signal \(status & 0x7F)"
            throw ArchiveError(.invalidInput, "the editor (\(editor)) \(how)")
        }
    }
}
