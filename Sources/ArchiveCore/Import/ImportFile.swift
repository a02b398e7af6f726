// The files an import reads: a user's file or folder, or the seeds compiled into the binary.
// The file name names the table (designers.csv, shoes.ndjson); its extension names the format.
import ArchiveSeeds
import Glibc

public struct ImportFile: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, ndjson

        /// The format a file extension stands for (jsonl is JSON Lines, the same as NDJSON).
        public init?(extension name: String) {
            switch name.lowercased() {
            case "csv": self = .csv
            case "json": self = .json
            case "ndjson", "jsonl": self = .ndjson
            default: return nil
            }
        }
    }

    enum Content: Sendable {
        case path(String)
        case bytes([UInt8])
        /// The file at `path` read through a mapping, for `table`.
        case mapped(path: String, mapping: ImportMapping, stats: MappingStats)
        /// Records a mapping declares.
        case fixed([[(name: String, value: JSONValue)]])
    }

    /// What a mapped import noticed (nil for other files).
    public var mappingStats: MappingStats? {
        if case .mapped(_, _, let stats) = content { stats } else { nil }
    }

    /// The mapping file a mapped file is read through.
    public var mapping: String? {
        if case .mapped(_, let mapping, _) = content { mapping.path } else { nil }
    }

    /// How messages name the file.
    public let name: String
    public let table: String
    public let format: Format
    let content: Content
    /// Records of this file are created when missing and otherwise left as they are: the records a mapping
    /// declares or creates from a split (an institution, a maker), which a curator may have edited since.
    var createOnly = false

    /// Size in bytes, for progress.
    public var size: Int64 {
        switch content {
        case .bytes(let bytes): return Int64(bytes.count)
        case .fixed: return 0
        case .path(let path), .mapped(let path, _, _):
            var status = stat()
            return stat(path, &status) == 0 ? Int64(status.st_size) : 0
        }
    }

    /// A reader of the file's records; `archive` (the archive before the import) lets a mapping match makers by id.
    func makeReader(formulaGuard: Bool = true, archive: ArchiveBeforeImport? = nil, recordPath: [String] = []) throws(ImportProblem) -> any RecordReader {
        let input: ByteReader
        switch content {
        case .fixed(let rows): return FixedRecordsReader(rows)
        case .mapped(let path, let mapping, let stats):
            let source = try ImportFile(name: name, table: table, format: format, content: .path(path))
                .makeReader(formulaGuard: formulaGuard, recordPath: mapping.recordPath ?? [])
            return MappedRecordReader(source: source, mapping: mapping, file: name, stats: stats, archive: archive)
        case .bytes(let bytes): input = ByteReader(bytes: bytes)
        case .path(let path):
            do {
                input = try ByteReader(path: path)
            } catch {
                throw ImportProblem(.unreadable, file: name, message: "cannot be read: \(error.reason)")
            }
            if let encoding = TextDecoding.wideEncoding(ofStart: ImportFile.firstBytes(of: path)) {
                throw ImportProblem(.encoding, file: name, line: 1,
                                    message: "the file is \(encoding), not UTF-8: save it as UTF-8 (in Excel: CSV UTF-8) and import it again")
            }
        }
        switch format {
        case .csv: return CSVRecordReader(input, file: name, formulaGuard: formulaGuard)
        case .json: return JSONRecordReader(input, file: name, layout: .array, recordPath: recordPath)
        case .ndjson: return JSONRecordReader(input, file: name, layout: .lines)
        }
    }

    /// Up to four bytes from the start of the regular file at `path` (none when it cannot be read, or is a FIFO
    /// whose bytes reading would take away from the import).
    private static func firstBytes(of path: String) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return [] }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4) }
        return Array(bytes.prefix(max(0, count)))
    }

    // MARK: Finding files

    /// The dataset compiled into the binary from Seeds/.
    public static func seeds() -> [ImportFile] {
        embeddedFiles.compactMap { file in
            let (stem, ext) = split(file.name)
            guard let format = Format(extension: ext) else { return nil }
            return ImportFile(name: "seeds/" + file.name, table: stem, format: format, content: .bytes(Array(file.text.utf8)))
        }
    }

    /// The files at `path`: the file itself, or every data file (.csv, .json, .ndjson, .jsonl) in the folder, each
    /// read through the mapping beside it when there is one (NAME.mapping.json). `table` overrides the table a
    /// single file's name gives. A mapping's mistake throws ImportFailure.
    public static func files(at path: String, table: String? = nil) throws -> [ImportFile] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ArchiveError(.cannotRead, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            if table != nil { throw ArchiveError(.invalidInput, "--table applies to a single file, and \(path) is a folder") }
            let entries = try directoryEntries(path)
            let folder = path.hasSuffix("/") ? path : path + "/"
            var files: [ImportFile] = []
            for entry in entries {
                let (stem, ext) = split(entry)
                guard !entry.hasPrefix("."), let format = Format(extension: ext), !ignoredStems.contains(stem), !entry.hasSuffix(mappingSuffix) else { continue }
                // A file with a mapping beside it (met.csv and met.mapping.json) is read through the mapping.
                if entries.contains(stem + mappingSuffix) {
                    files += try self.files(at: folder + entry, mapping: try ImportMapping.load(folder + stem + mappingSuffix))
                } else {
                    files.append(ImportFile(name: folder + entry, table: stem, format: format, content: .path(folder + entry)))
                }
            }
            for entry in entries where entry.hasSuffix(mappingSuffix) {
                let stem = String(entry.dropLast(mappingSuffix.count))
                guard entries.contains(where: { split($0).stem == stem && Format(extension: split($0).extension) != nil && !$0.hasSuffix(mappingSuffix) }) else {
                    throw ArchiveError(.invalidInput, "\(folder + entry) maps no file of the folder: name it after the file it maps (\(stem).csv → \(stem)\(mappingSuffix))")
                }
            }
            guard !files.isEmpty else {
                throw ArchiveError(.cannotRead, "\(path) holds no .csv, .json, .ndjson or .jsonl files to import")
            }
            return files
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let (stem, ext) = split(fileName)
        guard let format = Format(extension: ext) else {
            throw ArchiveError(.invalidInput, "\(path): unknown format: name the file .csv, .json, .ndjson or .jsonl")
        }
        return [ImportFile(name: path, table: table ?? stem, format: format, content: .path(path))]
    }

    public static func isDirectory(_ path: String) throws -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file at `path` read through `mapping`: the records the mapping declares, then the file itself, whose
    /// rows each make records and relations of several tables (`tables`) in one pass.
    public static func files(at path: String, mapping: ImportMapping) throws -> [ImportFile] {
        guard let file = try files(at: path).first, !(try isDirectory(path)) else {
            throw ArchiveError(.invalidInput, "--mapping applies to a single file, and \(path) is a folder: put each file's mapping beside it, named after it (met.csv, met\(mappingSuffix))")
        }
        let declared = mapping.records.map { ImportFile(name: mapping.path, table: $0.table.name, format: .json, content: .fixed($0.rows), createOnly: true) }
        return declared + [ImportFile(name: path, table: mapping.table.name, format: file.format, content: .mapped(path: path, mapping: mapping, stats: MappingStats()))]
    }

    /// Every table the file's rows go to: its own, or all a mapping writes.
    public var tables: [String] {
        if case .mapped(_, let mapping, _) = content { mapping.mappedTables.map(\.name) } else { [table] }
    }

    /// How a folder names the mapping of one of its files: met.csv is read through met.mapping.json.
    public static let mappingSuffix = ".mapping.json"

    /// Files in an export folder that describe the data rather than hold it.
    static let ignoredStems: Set<String> = ["codebook"]

    private static func split(_ name: String) -> (stem: String, extension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }

    private static func directoryEntries(_ path: String) throws -> [String] {
        guard let entries = FilePath.names(in: path) else {
            throw ArchiveError(.cannotRead, "cannot read the folder \(path): \(String(cString: strerror(errno)))")
        }
        var names: [String] = []
        for name in entries {
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            // Regular files, and entries that cannot be followed (a dangling link): those are reported as
            // unreadable rather than skipped, so that a data file is never left out in silence.
            var status = stat()
            if stat(full, &status) != 0 ? lstat(full, &status) == 0 : (status.st_mode & S_IFMT) == S_IFREG {
                names.append(name)
            }
        }
        return names.sorted()
    }
}
