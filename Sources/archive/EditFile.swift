// The file `archive edit` hands to the editor: in a folder of its own (mkdtemp, mode 0700, under $TMPDIR),
// named after the record so that the editor shows JSON highlighting and a recognisable title.
import ArchiveCore
import Glibc

struct EditFile {
    /// An edited record larger than this is refused rather than read into memory.
    static let maximumBytes = 64 << 20

    let folder: String
    let path: String
    /// How problems name the text: `celine.json:7: born: …`.
    var name: String { String(path.split(separator: "/").last ?? "record.json") }

    init(slug: String, text: String) throws {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base.hasSuffix("/") ? base : base + "/") .utf8CString.dropLast()) + Array("archive-edit.XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw ArchiveError(.cannotWrite, "cannot make a folder for the edit in \(base): \(String(cString: strerror(errno)))")
        }
        folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        path = folder + "/" + (Slug.isValid(slug) ? slug : "record") + ".json"
        try write(text)
    }

    func write(_ text: String) throws {
        // Not through a link, and never blocking on a FIFO an editor may have left at the path.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else { throw ArchiveError(.cannotWrite, "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try Self.requireRegularFile(descriptor, path)
        guard ftruncate(descriptor, 0) == 0 else { throw ArchiveError(.cannotWrite, "cannot write \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ArchiveError(.storage, "cannot write \(path): \(String(cString: strerror(errno)))") }
            done += count
        }
    }

    /// The text as the editor left it (an editor may have replaced the file: it is opened anew).
    func read() throws -> [UInt8] {
        // O_NONBLOCK: opening a FIFO the editor left at the path would otherwise wait for a writer for ever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw ArchiveError(.invalidInput, "the edited text \(path) is a symbolic link, not a file: save the record itself") }
            throw ArchiveError(.cannotRead, "cannot read the edited text \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try Self.requireRegularFile(descriptor, path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ArchiveError(.cannotRead, "cannot read the edited text \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes += chunk[..<count]
            guard bytes.count <= Self.maximumBytes else {
                throw ArchiveError(.invalidInput, "the edited text is larger than \(Self.maximumBytes >> 20) MiB: an edit is of one record")
            }
        }
        // Bytes, not a String: the JSON parser names the line of a byte that is not UTF-8, where decoding
        // leniently would slip a U+FFFD into the record in silence.
        return bytes
    }

    /// Refuses anything at the path but a regular file: a FIFO, a device or a folder the editor left there.
    private static func requireRegularFile(_ descriptor: Int32, _ path: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ArchiveError(.cannotRead, "cannot read the edited text \(path): \(String(cString: strerror(errno)))") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ArchiveError(.invalidInput, "the edited text \(path) is not a regular file (the editor left a FIFO, a device or a folder there): save the record as a file")
        }
    }

    /// Removes the file and its folder (and whatever backup files an editor left there).
    func remove() {
        if let directory = opendir(folder) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(folder + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(folder)
    }
}
