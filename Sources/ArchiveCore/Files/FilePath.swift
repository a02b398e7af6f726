// What a path names once links are followed: the final file (which may not exist yet), its folder, and
// its identity (device and inode) when it exists. Used wherever the archive writes a file a user named.
import Glibc

struct FilePath {
    /// The path with every symbolic link followed, its folder resolved to an absolute, canonical one.
    let resolved: String
    /// The file's status (following links), or nil when nothing exists there yet.
    let status: stat?

    /// Follows links (at most 40, as the kernel does) from `path`.
    init(_ path: String) throws {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { break }
            guard let target = FilePath.readLink(current) else { break }
            current = target.hasPrefix("/") ? target : FilePath.folder(of: current) + "/" + target
        }
        let folder = FilePath.folder(of: current)
        guard let canonicalFolder = FilePath.realPath(folder) else {
            let reason = errno == ENOENT ? "does not exist" : "cannot be used (\(String(cString: strerror(errno))))"
            throw ArchiveError(.cannotWrite, "cannot write \(path): the folder \(folder) \(reason)")
        }
        let name = FilePath.name(of: current)
        resolved = (canonicalFolder == "/" ? "" : canonicalFolder) + "/" + name
        var status = stat()
        self.status = stat(resolved, &status) == 0 ? status : nil
    }

    var exists: Bool { status != nil }

    /// True for a regular file, or for nothing yet (which will become one).
    var isRegularOrNew: Bool { status.map { ($0.st_mode & S_IFMT) == S_IFREG } ?? true }

    var isDirectory: Bool { status.map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false }

    var folder: String { FilePath.folder(of: resolved) }

    var name: String { FilePath.name(of: resolved) }

    /// True when both name the same file on disk (a hard link, another spelling).
    func isSameFile(as other: stat) -> Bool {
        guard let status else { return false }
        return status.st_dev == other.st_dev && status.st_ino == other.st_ino
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension FilePath {
    /// Creates each folder that does not exist yet, in order (a parent before its child); one that exists is
    /// fine, a file in its place is an error naming it.
    static func makeFolders(_ folders: [String]) throws {
        for folder in folders where mkdir(folder, 0o755) != 0 {
            guard errno == EEXIST, (try? FilePath(folder))?.isDirectory == true else {
                throw ArchiveError(.cannotWrite, "cannot create the folder \(folder): \(errno == EEXIST ? "a file has that name" : String(cString: strerror(errno)))")
            }
        }
    }
}

extension FilePath {
    /// The names in a folder (without "." and ".."), as readdir gives them; nil when it cannot be opened (errno
    /// says why).
    static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
